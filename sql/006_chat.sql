-- 006: the coach's conversations, and AI usage per client and day.
CREATE TABLE chat_messages (
    client_id       text NOT NULL,
    id              text NOT NULL CHECK (id ~ '^ozz_msg_[A-Za-z0-9_-]{22}$'),
    user_id         text NOT NULL,
    role            text NOT NULL CHECK (role IN ('user', 'assistant')),
    content         text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 20000),
    emotion         text CHECK (emotion IN ('encouraging', 'neutral', 'cautious', 'celebratory')),
    topic           text CHECK (topic IN ('savings', 'spending', 'goals', 'debt', 'general')),
    intent          text CHECK (intent IN ('progress_check', 'advice_request', 'transaction_log',
                    'goal_update', 'emotional_support')),
    -- an assistant message: the user message it answers, and who wrote it
    reply_to        text,
    generated_by    jsonb,
    -- transactions this message created ("spent 12 on lunch")
    transaction_ids text[] NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_messages_page ON chat_messages (client_id, user_id, created_at DESC, id DESC);

-- One row per client, UTC day, provider and model: what the AI cost.
CREATE TABLE ai_usage (
    client_id     text NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    day           date NOT NULL,
    provider      text NOT NULL CHECK (provider IN ('local', 'openai', 'anthropic')),
    model         text NOT NULL DEFAULT '',
    replies       bigint NOT NULL DEFAULT 0,   -- chat answers and plan wordings asked for
    requests      bigint NOT NULL DEFAULT 0,   -- HTTP requests to the provider, retries included
    fallbacks     bigint NOT NULL DEFAULT 0,   -- answers local gave because the provider failed
    input_tokens  bigint NOT NULL DEFAULT 0,
    output_tokens bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (client_id, day, provider, model)
);
