-- 007: what a replay must not outlive or repeat.
--
-- An idempotent POST's stored answer belongs to the user it concerned and
-- goes with that user: replaying the key after the user is deleted runs the
-- request anew instead of answering with the deleted user's data.
ALTER TABLE idempotency_keys ADD COLUMN user_id text;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_user
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE;

-- A signed request that changes something is accepted once: its signature
-- is remembered for the timestamp tolerance, on every host at once.
CREATE TABLE signed_request_nonces (
    client_id  text NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    signature  text NOT NULL CHECK (signature ~ '^[0-9a-f]{64}$'),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, signature)
);
CREATE INDEX signed_request_nonces_expiry ON signed_request_nonces (expires_at);
