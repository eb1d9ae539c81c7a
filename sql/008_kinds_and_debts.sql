-- 008: what money does beside what it was for (kind), finer categories
-- (subcategory), a bank feed's own id for a transaction (external_id), the
-- kind and subcategory a user's correction teaches, and an intake's debts
-- one by one.
ALTER TABLE transactions
    ADD COLUMN kind text NOT NULL DEFAULT 'spending'
        CHECK (kind IN ('spending', 'income', 'refund', 'transfer', 'debt_payment',
                        'savings_contribution', 'fee')),
    ADD COLUMN subcategory text CHECK (subcategory ~ '^[a-z_]{1,23}$'),
    ADD COLUMN external_id text CHECK (char_length(external_id) BETWEEN 1 AND 128);
UPDATE transactions SET kind = 'income' WHERE category = 'income';
-- Category "income" and kind income go together.
ALTER TABLE transactions ADD CONSTRAINT transactions_income_kind
    CHECK ((category = 'income') = (kind = 'income'));
-- A bank feed sends the same transaction twice: one row per user and id.
CREATE UNIQUE INDEX transactions_external ON transactions (client_id, user_id, external_id)
    WHERE external_id IS NOT NULL;

ALTER TABLE category_rules
    ADD COLUMN subcategory text CHECK (subcategory ~ '^[a-z_]{1,23}$'),
    ADD COLUMN kind text CHECK (kind IN ('spending', 'income', 'refund', 'transfer',
                                         'debt_payment', 'savings_contribution', 'fee'));

-- An intake's debts, in the order given; the intake's debt_balance is their
-- sum (and a debt_balance sent alone is one debt). Name and rate may be
-- unknown (NULL).
CREATE TABLE intake_debts (
    client_id       text NOT NULL,
    intake_id       text NOT NULL,
    position        smallint NOT NULL CHECK (position BETWEEN 0 AND 19),
    name            text CHECK (char_length(name) BETWEEN 1 AND 100),
    balance         numeric(16,2) NOT NULL CHECK (balance >= 0),
    -- percent per rate_period: 12.5 a month is 12.5, not 0.125
    interest_rate   numeric(7,3) CHECK (interest_rate >= 0 AND interest_rate <= 1000),
    rate_period     text NOT NULL CHECK (rate_period IN ('month', 'year')),
    minimum_payment numeric(16,2) CHECK (minimum_payment >= 0),
    PRIMARY KEY (client_id, intake_id, position),
    FOREIGN KEY (client_id, intake_id) REFERENCES financial_intakes (client_id, id)
        ON DELETE CASCADE
);
