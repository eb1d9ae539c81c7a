-- 002: end users of a platform, and the idempotency keys of every POST.
-- Tenant-owned tables lead their keys with client_id.
CREATE TABLE users (
    client_id        text NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    id               text NOT NULL CHECK (id ~ '^ozz_usr_[A-Za-z0-9_-]{22}$'),
    external_user_id text NOT NULL CHECK (char_length(external_user_id) BETWEEN 1 AND 100),
    name             text CHECK (char_length(name) <= 200),
    email            text CHECK (char_length(email) <= 254),
    phone            text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    language         text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'pt', 'es')),
    currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    onboarding_stage text NOT NULL DEFAULT 'intake_pending'
                     CHECK (onboarding_stage IN ('intake_pending', 'plan_pending', 'active')),
    points           bigint NOT NULL DEFAULT 0 CHECK (points >= 0),
    -- clock_timestamp, not now(): rows of one transaction still order.
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id),
    CONSTRAINT users_external_unique UNIQUE (client_id, external_user_id),
    CONSTRAINT users_phone_unique UNIQUE (client_id, phone)
);
-- Newest first, stable under concurrent inserts: (created_at, id) is the cursor.
CREATE INDEX users_page ON users (client_id, created_at DESC, id DESC);

CREATE TABLE idempotency_keys (
    client_id    text NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    key          text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    request_hash text NOT NULL,
    state        text NOT NULL DEFAULT 'in_progress' CHECK (state IN ('in_progress', 'done')),
    status       integer,
    body         text,
    locked_at    timestamptz NOT NULL DEFAULT now(),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL DEFAULT now() + interval '24 hours',
    PRIMARY KEY (client_id, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
