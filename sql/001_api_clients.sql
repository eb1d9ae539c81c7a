-- 001: API clients, the tenants. Every tenant-owned table refers to this one
-- with client_id and leads its keys and indexes with it.
CREATE TABLE api_clients (
    id                text PRIMARY KEY CHECK (id ~ '^ozz_client_[A-Za-z0-9_-]{22}$'),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- Bearer/Basic checks compare against a salted, slow hash; never the secret.
    secret_hash       text NOT NULL,
    -- Signed requests need the secret itself: encrypted with a key that lives
    -- in secret_key_file, never in the database.
    secret_enc        bytea,
    require_signature boolean NOT NULL DEFAULT false,
    disabled          boolean NOT NULL DEFAULT false,
    rate_limit        integer CHECK (rate_limit IS NULL OR rate_limit > 0),
    rate_burst        integer CHECK (rate_burst IS NULL OR rate_burst > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
