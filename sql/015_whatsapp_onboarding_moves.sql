-- 015: onboarding in the WhatsApp conversation, and money moves released on their due date.
--
-- One row a user while ozzie-jobd asks the five questions (monthly income,
-- monthly spending, savings, debts and their interest, the goal): the step
-- the conversation waits on and the answers so far, in minor units of the
-- user's currency. The last answer turns them into the intake, the goal
-- and the first plan through the services, as the API would; the row then
-- stays at 'done'. 'off': the user stopped ("later"); "start" asks again.
-- A client may leave onboarding to its own app: onboarding = false.
ALTER TABLE evolution_integrations ADD COLUMN onboarding boolean NOT NULL DEFAULT true;

CREATE TABLE wa_onboarding (
    client_id    text NOT NULL,
    user_id      text NOT NULL,
    step         text NOT NULL CHECK (step IN ('income', 'expenses', 'savings', 'debt',
                     'rate', 'goal', 'goal_amount', 'done', 'off')),
    income       bigint CHECK (income >= 0),
    expenses     bigint CHECK (expenses > 0),
    savings      bigint CHECK (savings >= 0),
    debt         bigint CHECK (debt >= 0),
    -- percent in thousandths (12.5% -> 12500), per rate_period
    rate         bigint CHECK (rate > 0 AND rate <= 1000000),
    rate_period  text CHECK (rate_period IN ('month', 'year')),
    goal_name    text CHECK (char_length(goal_name) BETWEEN 1 AND 100),
    goal_type    text CHECK (goal_type IN ('savings', 'debt_payoff', 'investment')),
    goal_emergency boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, user_id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);

-- Money moves due without a request (DESIGN §1, ozzie-jobd's scheduled
-- work): a cycle reads 'available' from its due date on; ozzie-jobd sweeps
-- the cycles that came due, notes when (released_at) and sends the
-- platform money_move.available, once, in the same transaction. Cycles due
-- before this migration count as released already: no burst of old events.
ALTER TABLE money_move_cycles ADD COLUMN released_at timestamptz;
UPDATE money_move_cycles SET released_at = updated_at WHERE due_date <= current_date;
CREATE INDEX money_move_cycles_unreleased ON money_move_cycles (due_date)
    WHERE status = 'scheduled' AND released_at IS NULL;
