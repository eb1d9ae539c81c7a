-- 004: transactions, and the categories users taught by correcting one.
CREATE TABLE transactions (
    client_id        text NOT NULL,
    id               text NOT NULL CHECK (id ~ '^ozz_txn_[A-Za-z0-9_-]{22}$'),
    user_id          text NOT NULL,
    amount_cents     bigint NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 100000000000000),
    currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    category         text NOT NULL CHECK (category IN ('food', 'transport', 'housing',
                     'utilities', 'health', 'entertainment', 'education', 'clothing',
                     'income', 'other')),
    description      text NOT NULL DEFAULT '' CHECK (char_length(description) <= 60),
    merchant         text CHECK (char_length(merchant) <= 100),
    -- the normalised merchant a user's correction teaches a rule for
    merchant_key     text NOT NULL DEFAULT '',
    transaction_date date NOT NULL,
    source           text NOT NULL CHECK (source IN ('api_text', 'api_image', 'api_pdf',
                     'api_spreadsheet', 'api_json', 'whatsapp_text', 'whatsapp_image',
                     'whatsapp_document')),
    ai_confidence    numeric(4,3) NOT NULL CHECK (ai_confidence BETWEEN 0 AND 1),
    categorized_by   text NOT NULL CHECK (categorized_by IN ('rules', 'ai', 'user')),
    import_id        text,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX transactions_page ON transactions (client_id, user_id, created_at DESC, id DESC);
CREATE INDEX transactions_by_date ON transactions (client_id, user_id, transaction_date);

CREATE TABLE category_rules (
    client_id    text NOT NULL,
    user_id      text NOT NULL,
    merchant_key text NOT NULL CHECK (char_length(merchant_key) BETWEEN 1 AND 100),
    category     text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, user_id, merchant_key),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
