-- 005: plans (immutable snapshots of the finance engine's output) and money
-- moves (cycles of do / learn / mind tasks on the goal's cadence).
CREATE TABLE plans (
    client_id        text NOT NULL,
    id               text NOT NULL CHECK (id ~ '^ozz_plan_[A-Za-z0-9_-]{22}$'),
    user_id          text NOT NULL,
    -- the plan as the API shows it (numbers exact: jsonb keeps numeric scale)
    body             jsonb NOT NULL,
    -- what the money moves need without reparsing the body
    monthly_move_cents bigint NOT NULL DEFAULT 0 CHECK (monthly_move_cents >= 0),
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX plans_page ON plans (client_id, user_id, created_at DESC, id DESC);

-- The first completed task earns a bonus, exactly once: the user row says when.
ALTER TABLE users ADD COLUMN first_completion_at timestamptz;

CREATE TABLE money_move_cycles (
    client_id    text NOT NULL,
    id           text NOT NULL CHECK (id ~ '^ozz_mm_[A-Za-z0-9_-]{22}$'),
    user_id      text NOT NULL,
    plan_id      text NOT NULL,
    goal_id      text,
    cycle_number integer NOT NULL CHECK (cycle_number >= 1),
    cadence      text NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'twice_monthly', 'monthly')),
    due_date     date NOT NULL,
    -- 'scheduled' reads as 'available' once due_date has come (see the API)
    status       text NOT NULL DEFAULT 'scheduled'
                 CHECK (status IN ('scheduled', 'completed', 'skipped')),
    completed_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id),
    UNIQUE (client_id, user_id, cycle_number),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX money_move_cycles_page ON money_move_cycles (client_id, user_id, created_at DESC, id DESC);

CREATE TABLE money_move_tasks (
    client_id      text NOT NULL,
    id             text NOT NULL CHECK (id ~ '^ozz_task_[A-Za-z0-9_-]{22}$'),
    cycle_id       text NOT NULL,
    user_id        text NOT NULL,
    task_type      text NOT NULL CHECK (task_type IN ('do', 'learn', 'mind')),
    title          text NOT NULL,
    amount_cents   bigint CHECK (amount_cents IS NULL OR amount_cents >= 0),
    priority       integer NOT NULL,
    status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'skipped')),
    points_awarded integer NOT NULL DEFAULT 0,
    completed_at   timestamptz,
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, cycle_id) REFERENCES money_move_cycles (client_id, id) ON DELETE CASCADE,
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX money_move_tasks_cycle ON money_move_tasks (client_id, cycle_id, priority);
