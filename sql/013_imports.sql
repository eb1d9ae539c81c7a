-- 013: imports. Every document a user sends (a receipt, a statement, a
-- spreadsheet) is one import: what it was, how it went, and how many
-- transactions it made; each transaction it made names it (import_id), so
-- deleting the import takes them back. The document itself is never kept:
-- only its SHA-256. An import sent with "Prefer: respond-async" waits in
-- this table (status queued, the document in `document` as base64) until a
-- runner of ozzie-jobd takes it (an import.run job is queued with it; FOR
-- UPDATE SKIP LOCKED; one that stayed processing for 15 minutes, its runner
-- gone, is taken again); the document is cleared when the import ends.
CREATE TABLE imports (
    client_id            text NOT NULL,
    id                   text NOT NULL CHECK (id ~ '^ozz_imp_[A-Za-z0-9_-]{22}$'),
    user_id              text NOT NULL,
    status               text NOT NULL CHECK (status IN ('queued', 'processing',
                         'completed', 'failed')),
    kind                 text CHECK (kind IN ('receipt', 'statement', 'spreadsheet')),
    format               text NOT NULL CHECK (char_length(format) BETWEEN 1 AND 16),
    file_name            text CHECK (char_length(file_name) BETWEEN 1 AND 255),
    sha256               text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    source               text NOT NULL CHECK (source IN ('api_image', 'api_pdf',
                         'api_spreadsheet', 'whatsapp_image', 'whatsapp_document')),
    transactions_created integer NOT NULL DEFAULT 0 CHECK (transactions_created >= 0),
    duplicates_skipped   integer NOT NULL DEFAULT 0 CHECK (duplicates_skipped >= 0),
    -- [{"row": N, "message": "…"}]
    rows_rejected        jsonb NOT NULL DEFAULT '[]',
    -- a receipt's merchant, date, total_cents, currency and items
    receipt              jsonb,
    error_code           text,
    error                text CHECK (char_length(error) <= 500),
    -- queued and processing only: the document, base64; NULL once done
    document             text,
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    started_at           timestamptz,
    completed_at         timestamptz,
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE,
    CHECK ((status = 'failed') = (error IS NOT NULL)),
    CHECK (document IS NULL OR status IN ('queued', 'processing'))
);
CREATE INDEX imports_page ON imports (client_id, user_id, created_at DESC, id DESC);
-- the queue: what waits, oldest first
CREATE INDEX imports_queue ON imports (created_at) WHERE status IN ('queued', 'processing');

-- A transaction made by an import goes with it.
ALTER TABLE transactions ADD CONSTRAINT transactions_import
    FOREIGN KEY (client_id, import_id) REFERENCES imports (client_id, id) ON DELETE CASCADE;
CREATE INDEX transactions_by_import ON transactions (client_id, import_id)
    WHERE import_id IS NOT NULL;
