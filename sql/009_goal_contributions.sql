-- 009: what moved a goal. A done "do" task adds its amount to its cycle's
-- goal; a logged debt payment or savings contribution adds its amount to
-- the user's matching active goal. Each such change is one row here, so it
-- is taken back exactly (and only once) when its task is undone or its
-- transaction is deleted or changes kind or amount. A goal's contributions
-- go with it, and with the user.
CREATE TABLE goal_contributions (
    client_id     text NOT NULL,
    id            text NOT NULL CHECK (id ~ '^ozz_gc_[A-Za-z0-9_-]{22}$'),
    user_id       text NOT NULL,
    goal_id       text NOT NULL,
    -- major units of the goal (the user's currency), exact, as goals.current_amount
    amount        numeric(16,2) NOT NULL CHECK (amount > 0),
    source        text NOT NULL CHECK (source IN ('task', 'transaction')),
    -- the task (ozz_task_…) or the transaction (ozz_txn_…)
    source_id     text NOT NULL,
    -- a task's cycle (ozz_mm_…); NULL for a transaction
    money_move_id text,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE,
    FOREIGN KEY (client_id, goal_id) REFERENCES goals (client_id, id) ON DELETE CASCADE,
    CHECK ((source = 'task') = (money_move_id IS NOT NULL))
);
-- A task or a transaction moves one goal at most, once.
CREATE UNIQUE INDEX goal_contributions_source ON goal_contributions (client_id, source, source_id);
CREATE INDEX goal_contributions_page ON goal_contributions (client_id, goal_id, created_at DESC, id DESC);
