-- 012: ozzie-jobd's queue, the WhatsApp integration through Evolution API
-- and the inbound messages already taken (DESIGN §1, §4.2).
--
-- jobs: work ozzie-jobd runs. A runner takes the oldest due job with
-- FOR UPDATE SKIP LOCKED and holds it under a lease; a job whose runner died
-- is taken again once its lease has passed. Jobs sharing a queue_key run one
-- at a time in the order they were queued (one user's WhatsApp turns and
-- replies), so a job waits while an earlier one of its key is queued or
-- running. A failed job is queued again after a backoff until max_attempts,
-- then it is dead (ozzie-admin jobs list|retry|cancel).
CREATE TABLE jobs (
    id            bigserial PRIMARY KEY,
    kind          text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{0,39}$'),
    client_id     text REFERENCES api_clients (id) ON DELETE CASCADE,
    queue_key     text,
    -- at most one job per key ever ("reply to this inbound message")
    dedupe_key    text UNIQUE,
    payload       jsonb NOT NULL DEFAULT '{}',
    state         text NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'running', 'done', 'dead', 'cancelled')),
    attempts      integer NOT NULL DEFAULT 0,
    max_attempts  integer NOT NULL DEFAULT 12 CHECK (max_attempts BETWEEN 1 AND 1000),
    run_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    lease_until   timestamptz,
    locked_by     text,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at   timestamptz
);
-- What a runner looks at: due queued jobs, and running ones whose lease may pass.
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE state IN ('queued', 'running');
-- The earlier jobs of a key that hold a later one back.
CREATE INDEX jobs_key_open ON jobs (queue_key, id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state IN ('done', 'cancelled');

-- A new job wakes the runners (LISTEN ozzie_jobs); they also poll.
CREATE FUNCTION jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ozzie_jobs', '');
    RETURN NULL;
END $$;
CREATE TRIGGER jobs_notify AFTER INSERT ON jobs
    FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify();

-- A client's Evolution API instance. The instance's API key is sealed
-- (AES-256-GCM under a key derived from secret_key, bound to the client);
-- the webhook secret is kept as a keyed hash only.
CREATE TABLE evolution_integrations (
    client_id            text PRIMARY KEY REFERENCES api_clients (id) ON DELETE CASCADE,
    server_url           text NOT NULL CHECK (server_url ~ '^https?://' AND length(server_url) <= 500),
    instance             text NOT NULL CHECK (length(instance) BETWEEN 1 AND 100),
    api_key_enc          bytea NOT NULL,
    webhook_secret_hash  text NOT NULL,
    auto_create_users    boolean NOT NULL DEFAULT false,
    default_language     text CHECK (default_language IN ('en', 'pt', 'es')),
    default_currency     text CHECK (default_currency ~ '^[A-Z]{3}$'),
    unknown_sender_reply text CHECK (length(unknown_sender_reply) <= 1000),
    -- the next free slot of the per-instance send rate
    send_slot            timestamptz NOT NULL DEFAULT '-infinity',
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX evolution_integrations_instance ON evolution_integrations (instance);

-- Inbound messages taken, once each: Evolution retries and redelivers.
-- turned_at and reply: the turn's answer, kept as soon as it is made, so a
-- turn taken again after its runner died sends that answer instead of
-- running the chat turn twice.
CREATE TABLE evolution_inbound (
    client_id    text NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    instance     text NOT NULL,
    message_id   text NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    turned_at    timestamptz,
    reply        text,
    PRIMARY KEY (client_id, instance, message_id)
);
CREATE INDEX evolution_inbound_age ON evolution_inbound (received_at);

-- Outbound webhooks (DESIGN §4.4): a client's endpoints, and each event's
-- delivery to each endpoint that takes it. The signing secret is sealed
-- (it must sign every delivery), never stored as text. An endpoint failing
-- since failing_since for 3 days is disabled.
CREATE TABLE webhook_endpoints (
    client_id      text NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    id             text NOT NULL CHECK (id ~ '^ozz_whe_[A-Za-z0-9_-]{22}$'),
    url            text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
    description    text CHECK (length(description) <= 500),
    events         text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 16),
    secret_enc     bytea NOT NULL,
    enabled        boolean NOT NULL DEFAULT true,
    disabled_reason text,
    failing_since  timestamptz,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id)
);
CREATE INDEX webhook_endpoints_page ON webhook_endpoints (client_id, created_at DESC, id DESC);

CREATE TABLE webhook_deliveries (
    client_id      text NOT NULL,
    id             text NOT NULL,
    endpoint_id    text NOT NULL,
    event_id       text NOT NULL,
    event_type     text NOT NULL,
    payload        jsonb NOT NULL,
    status         text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts       integer NOT NULL DEFAULT 0,
    response_code  integer,
    error          text,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_attempt_at timestamptz,
    delivered_at   timestamptz,
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, endpoint_id) REFERENCES webhook_endpoints (client_id, id)
        ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_page ON webhook_deliveries (client_id, endpoint_id, created_at DESC, id DESC);
