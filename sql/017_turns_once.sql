-- 017: a WhatsApp turn taken again after its runner died does nothing twice.
--
-- Its chat message is kept with the inbound message it came as
-- ("instance:message id"), once: the turn taken again finds what it stored
-- (and the transactions it logged) instead of storing and logging them
-- again. An onboarding answer notes the inbound message it came as, so it
-- is applied once.
ALTER TABLE chat_messages ADD COLUMN channel_message_id text
    CHECK (char_length(channel_message_id) <= 300);
CREATE UNIQUE INDEX chat_messages_channel ON chat_messages (client_id, channel_message_id)
    WHERE channel_message_id IS NOT NULL;
ALTER TABLE wa_onboarding ADD COLUMN last_message_id text
    CHECK (char_length(last_message_id) <= 300);
