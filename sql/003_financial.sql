-- 003: the user's financial data: monthly intakes, goals, transactions, and
-- the categories a user taught by correcting one. Everything hangs off the
-- user and goes with it (ON DELETE CASCADE).
CREATE TABLE financial_intakes (
    client_id          text NOT NULL,
    id                 text NOT NULL CHECK (id ~ '^ozz_intake_[A-Za-z0-9_-]{22}$'),
    user_id            text NOT NULL,
    month              text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    -- Major units, exact: numeric, never binary floating point.
    monthly_income     numeric(16,2) NOT NULL CHECK (monthly_income >= 0),
    monthly_expenses   numeric(16,2) NOT NULL CHECK (monthly_expenses >= 0),
    financial_goal     text NOT NULL CHECK (financial_goal IN ('savings', 'debt_payoff', 'investment')),
    next_pay_date      date,
    savings_balance    numeric(16,2) CHECK (savings_balance >= 0),
    debt_balance       numeric(16,2) CHECK (debt_balance >= 0),
    debt_interest_rate numeric(7,2) CHECK (debt_interest_rate >= 0 AND debt_interest_rate <= 1000),
    created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX financial_intakes_page ON financial_intakes (client_id, user_id, created_at DESC, id DESC);

CREATE TABLE goals (
    client_id       text NOT NULL,
    id              text NOT NULL CHECK (id ~ '^ozz_goal_[A-Za-z0-9_-]{22}$'),
    user_id         text NOT NULL,
    goal_type       text NOT NULL CHECK (goal_type IN ('savings', 'debt_payoff', 'investment')),
    goal_name       text NOT NULL CHECK (char_length(goal_name) BETWEEN 1 AND 100),
    target_amount   numeric(16,2) NOT NULL CHECK (target_amount > 0),
    starting_amount numeric(16,2) NOT NULL DEFAULT 0 CHECK (starting_amount >= 0),
    current_amount  numeric(16,2) NOT NULL DEFAULT 0 CHECK (current_amount >= 0),
    target_date     date,
    cadence         text NOT NULL DEFAULT 'monthly'
                    CHECK (cadence IN ('weekly', 'biweekly', 'twice_monthly', 'monthly')),
    next_move_date  date NOT NULL,
    status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'archived')),
    is_primary      boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE,
    -- Only an achieved goal may stand above its target.
    CHECK (current_amount <= target_amount OR status = 'achieved')
);
CREATE INDEX goals_page ON goals (client_id, user_id, created_at DESC, id DESC);
-- One active primary goal per user.
CREATE UNIQUE INDEX goals_one_primary ON goals (client_id, user_id) WHERE is_primary AND status = 'active';

-- When the next money move of a goal falls due, from a date, by cadence.
CREATE FUNCTION ozzie_next_move_date(cadence text, from_date date) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE cadence
        WHEN 'weekly' THEN from_date + 7
        WHEN 'biweekly' THEN from_date + 14
        WHEN 'twice_monthly' THEN
            CASE WHEN extract(day FROM from_date) < 15
                 THEN (date_trunc('month', from_date) + interval '14 days')::date
                 ELSE (date_trunc('month', from_date) + interval '1 month')::date END
        ELSE (from_date + interval '1 month')::date
    END
$$;
