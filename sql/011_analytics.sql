-- 011: analytics across a client's users (DESIGN §4.3). Rollups of the
-- transactions, kept by triggers on the transactions table so that every
-- path that writes one (a create, a batch, a text, an import, a PATCH, a
-- DELETE, an import undone, a user deleted) keeps them exact, and each
-- user's risk state, refreshed by the services after each write.
--
-- The rollups are per user (a row is one user's month, or week, of one
-- category and source, or one merchant): concurrent writes of different
-- users never touch the same row, and the medians per user are read from
-- them. A delete subtracts (a row at zero stays, counted as absent).

-- What a transaction adds to spending: spending and fees add, refunds take
-- back (as the per-user aggregates of store_txn do); income counts apart.
CREATE FUNCTION ozzie_spend(kind text, amount bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN kind IN ('spending', 'fee') THEN amount
                WHEN kind = 'refund' THEN -amount ELSE 0 END
$$;

CREATE TABLE analytics_monthly (
    client_id    text NOT NULL,
    user_id      text NOT NULL,
    month        date NOT NULL,
    currency     text NOT NULL,
    category     text NOT NULL,
    source       text NOT NULL,
    spend_cents  bigint NOT NULL DEFAULT 0,	-- spending + fees - refunds
    spend_count  bigint NOT NULL DEFAULT 0,	-- transactions of those kinds
    income_cents bigint NOT NULL DEFAULT 0,
    income_count bigint NOT NULL DEFAULT 0,
    txn_count    bigint NOT NULL DEFAULT 0,	-- every kind
    PRIMARY KEY (client_id, user_id, month, currency, category, source),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX analytics_monthly_read ON analytics_monthly (client_id, currency, month);

CREATE TABLE analytics_weekly (
    client_id    text NOT NULL,
    user_id      text NOT NULL,
    week         date NOT NULL,		-- its Monday
    currency     text NOT NULL,
    category     text NOT NULL,
    spend_cents  bigint NOT NULL DEFAULT 0,
    spend_count  bigint NOT NULL DEFAULT 0,
    income_cents bigint NOT NULL DEFAULT 0,
    income_count bigint NOT NULL DEFAULT 0,
    txn_count    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (client_id, user_id, week, currency, category),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX analytics_weekly_read ON analytics_weekly (client_id, currency, week);

-- Spending only (spending, fees, refunds), by the merchant as stored.
CREATE TABLE analytics_merchants (
    client_id    text NOT NULL,
    user_id      text NOT NULL,
    month        date NOT NULL,
    currency     text NOT NULL,
    merchant     text NOT NULL,		-- '' when none
    category     text NOT NULL,
    spend_cents  bigint NOT NULL DEFAULT 0,
    spend_count  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (client_id, user_id, month, currency, merchant, category),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX analytics_merchants_read ON analytics_merchants (client_id, currency, month);

-- Each user's totals of a month (kind 'm') and of a week (kind 'w', from its
-- Monday), every category and source together: what the overview, the
-- totals and the trends without a category read, one row per user and period.
CREATE TABLE analytics_totals (
    client_id    text NOT NULL,
    user_id      text NOT NULL,
    kind         "char" NOT NULL CHECK (kind IN ('m', 'w')),
    period       date NOT NULL,
    currency     text NOT NULL,
    spend_cents  bigint NOT NULL DEFAULT 0,
    spend_count  bigint NOT NULL DEFAULT 0,
    income_cents bigint NOT NULL DEFAULT 0,
    income_count bigint NOT NULL DEFAULT 0,
    txn_count    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (client_id, user_id, kind, period, currency),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX analytics_totals_read ON analytics_totals (client_id, currency, kind, period)
    INCLUDE (user_id, spend_cents, spend_count, income_cents, income_count, txn_count);

-- Each user's risk as of refreshed_at (domain/risk.h): the score, and for
-- each rule that fired its value and threshold in hundredths (NULL: did
-- not fire). The latest intake's figures feed the overview's medians.
CREATE TABLE analytics_users (
    client_id         text NOT NULL,
    user_id           text NOT NULL,
    currency          text NOT NULL,
    has_intake        boolean NOT NULL DEFAULT false,
    monthly_income    bigint,		-- hundredths, latest intake
    monthly_expenses  bigint,
    risk_score        integer NOT NULL DEFAULT 0 CHECK (risk_score BETWEEN 0 AND 100),
    reason_codes      text[] NOT NULL DEFAULT '{}',
    cash_flow_value   bigint, cash_flow_threshold bigint, cash_flow_basis text,
    fund_value        bigint, fund_threshold bigint,
    dti_value         bigint, dti_threshold bigint,
    interest_value    bigint, interest_threshold bigint,
    spike_value       bigint, spike_threshold bigint,
    missed_value      bigint, missed_threshold bigint,
    refreshed_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (client_id, user_id),
    FOREIGN KEY (client_id, user_id) REFERENCES users (client_id, id) ON DELETE CASCADE
);
CREATE INDEX analytics_users_risk ON analytics_users (client_id, currency, risk_score DESC, user_id DESC)
    WHERE risk_score > 0;

-- Counts of other tables over a period, by client.
CREATE INDEX plans_client_created ON plans (client_id, created_at);
CREATE INDEX chat_messages_client_created ON chat_messages (client_id, created_at);
CREATE INDEX money_move_cycles_client_due ON money_move_cycles (client_id, due_date);

-- The rollups follow every statement on transactions (transition tables:
-- one upsert per key of a batch, not one per row). An insert or update adds
-- with an upsert, keys in order; a delete subtracts from rows that exist
-- (when a user is deleted the cascade may have taken them already).
CREATE FUNCTION ozzie_analytics_txn() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO analytics_monthly AS a (client_id, user_id, month, currency, category,
            source, spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, date_trunc('month', transaction_date)::date, currency,
            category, source, sum(s * ozzie_spend(kind, amount_cents)),
            coalesce(sum(s) FILTER (WHERE kind IN ('spending', 'fee', 'refund')), 0),
            coalesce(sum(s * amount_cents) FILTER (WHERE kind = 'income'), 0),
            coalesce(sum(s) FILTER (WHERE kind = 'income'), 0), sum(s)
        FROM (SELECT n.*, 1 AS s FROM new_rows n) d GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (client_id, user_id, month, currency, category, source) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count;
        INSERT INTO analytics_weekly AS a (client_id, user_id, week, currency, category,
            spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, date_trunc('week', transaction_date)::date, currency,
            category, sum(s * ozzie_spend(kind, amount_cents)),
            coalesce(sum(s) FILTER (WHERE kind IN ('spending', 'fee', 'refund')), 0),
            coalesce(sum(s * amount_cents) FILTER (WHERE kind = 'income'), 0),
            coalesce(sum(s) FILTER (WHERE kind = 'income'), 0), sum(s)
        FROM (SELECT n.*, 1 AS s FROM new_rows n) d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (client_id, user_id, week, currency, category) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count;
        INSERT INTO analytics_merchants AS a (client_id, user_id, month, currency, merchant,
            category, spend_cents, spend_count)
        SELECT client_id, user_id, date_trunc('month', transaction_date)::date, currency,
            coalesce(merchant, ''), category, sum(s * ozzie_spend(kind, amount_cents)), sum(s)
        FROM (SELECT n.*, 1 AS s FROM new_rows n) d WHERE kind IN ('spending', 'fee', 'refund')
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (client_id, user_id, month, currency, merchant, category) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count;
        INSERT INTO analytics_totals AS a (client_id, user_id, kind, period, currency,
            spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, k, p, currency, sum(s * ozzie_spend(kind, amount_cents)),
            coalesce(sum(s) FILTER (WHERE kind IN ('spending', 'fee', 'refund')), 0),
            coalesce(sum(s * amount_cents) FILTER (WHERE kind = 'income'), 0),
            coalesce(sum(s) FILTER (WHERE kind = 'income'), 0), sum(s)
        FROM (SELECT n.*, 1 AS s FROM new_rows n) d CROSS JOIN LATERAL (VALUES
            ('m'::"char", date_trunc('month', d.transaction_date)::date),
            ('w'::"char", date_trunc('week', d.transaction_date)::date)) AS x (k, p)
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (client_id, user_id, kind, period, currency) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO analytics_monthly AS a (client_id, user_id, month, currency, category,
            source, spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, date_trunc('month', transaction_date)::date, currency,
            category, source, sum(s * ozzie_spend(kind, amount_cents)),
            coalesce(sum(s) FILTER (WHERE kind IN ('spending', 'fee', 'refund')), 0),
            coalesce(sum(s * amount_cents) FILTER (WHERE kind = 'income'), 0),
            coalesce(sum(s) FILTER (WHERE kind = 'income'), 0), sum(s)
        FROM (SELECT n.*, 1 AS s FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o) d GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (client_id, user_id, month, currency, category, source) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count;
        INSERT INTO analytics_weekly AS a (client_id, user_id, week, currency, category,
            spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, date_trunc('week', transaction_date)::date, currency,
            category, sum(s * ozzie_spend(kind, amount_cents)),
            coalesce(sum(s) FILTER (WHERE kind IN ('spending', 'fee', 'refund')), 0),
            coalesce(sum(s * amount_cents) FILTER (WHERE kind = 'income'), 0),
            coalesce(sum(s) FILTER (WHERE kind = 'income'), 0), sum(s)
        FROM (SELECT n.*, 1 AS s FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o) d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (client_id, user_id, week, currency, category) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count;
        INSERT INTO analytics_merchants AS a (client_id, user_id, month, currency, merchant,
            category, spend_cents, spend_count)
        SELECT client_id, user_id, date_trunc('month', transaction_date)::date, currency,
            coalesce(merchant, ''), category, sum(s * ozzie_spend(kind, amount_cents)), sum(s)
        FROM (SELECT n.*, 1 AS s FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o) d WHERE kind IN ('spending', 'fee', 'refund')
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (client_id, user_id, month, currency, merchant, category) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count;
        INSERT INTO analytics_totals AS a (client_id, user_id, kind, period, currency,
            spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, k, p, currency, sum(s * ozzie_spend(kind, amount_cents)),
            coalesce(sum(s) FILTER (WHERE kind IN ('spending', 'fee', 'refund')), 0),
            coalesce(sum(s * amount_cents) FILTER (WHERE kind = 'income'), 0),
            coalesce(sum(s) FILTER (WHERE kind = 'income'), 0), sum(s)
        FROM (SELECT n.*, 1 AS s FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o) d CROSS JOIN LATERAL (VALUES
            ('m'::"char", date_trunc('month', d.transaction_date)::date),
            ('w'::"char", date_trunc('week', d.transaction_date)::date)) AS x (k, p)
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (client_id, user_id, kind, period, currency) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count;
    ELSE
        UPDATE analytics_monthly a SET spend_cents = a.spend_cents - d.sc,
            spend_count = a.spend_count - d.sn, income_cents = a.income_cents - d.ic,
            income_count = a.income_count - d.inn, txn_count = a.txn_count - d.n
        FROM (SELECT client_id, user_id, date_trunc('month', transaction_date)::date AS m,
            currency, category, source, sum(ozzie_spend(kind, amount_cents)) AS sc,
            count(*) FILTER (WHERE kind IN ('spending', 'fee', 'refund')) AS sn,
            coalesce(sum(amount_cents) FILTER (WHERE kind = 'income'), 0) AS ic,
            count(*) FILTER (WHERE kind = 'income') AS inn, count(*) AS n
            FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6) d
        WHERE a.client_id = d.client_id AND a.user_id = d.user_id AND a.month = d.m
            AND a.currency = d.currency AND a.category = d.category AND a.source = d.source;
        UPDATE analytics_weekly a SET spend_cents = a.spend_cents - d.sc,
            spend_count = a.spend_count - d.sn, income_cents = a.income_cents - d.ic,
            income_count = a.income_count - d.inn, txn_count = a.txn_count - d.n
        FROM (SELECT client_id, user_id, date_trunc('week', transaction_date)::date AS w,
            currency, category, sum(ozzie_spend(kind, amount_cents)) AS sc,
            count(*) FILTER (WHERE kind IN ('spending', 'fee', 'refund')) AS sn,
            coalesce(sum(amount_cents) FILTER (WHERE kind = 'income'), 0) AS ic,
            count(*) FILTER (WHERE kind = 'income') AS inn, count(*) AS n
            FROM old_rows GROUP BY 1, 2, 3, 4, 5) d
        WHERE a.client_id = d.client_id AND a.user_id = d.user_id AND a.week = d.w
            AND a.currency = d.currency AND a.category = d.category;
        UPDATE analytics_merchants a SET spend_cents = a.spend_cents - d.sc,
            spend_count = a.spend_count - d.n
        FROM (SELECT client_id, user_id, date_trunc('month', transaction_date)::date AS m,
            currency, coalesce(merchant, '') AS merchant, category,
            sum(ozzie_spend(kind, amount_cents)) AS sc, count(*) AS n
            FROM old_rows WHERE kind IN ('spending', 'fee', 'refund') GROUP BY 1, 2, 3, 4, 5, 6) d
        WHERE a.client_id = d.client_id AND a.user_id = d.user_id AND a.month = d.m
            AND a.currency = d.currency AND a.merchant = d.merchant AND a.category = d.category;
        UPDATE analytics_totals a SET spend_cents = a.spend_cents - d.sc,
            spend_count = a.spend_count - d.sn, income_cents = a.income_cents - d.ic,
            income_count = a.income_count - d.inn, txn_count = a.txn_count - d.n
        FROM (SELECT client_id, user_id, x.k, x.p, currency,
            sum(ozzie_spend(kind, amount_cents)) AS sc,
            count(*) FILTER (WHERE kind IN ('spending', 'fee', 'refund')) AS sn,
            coalesce(sum(amount_cents) FILTER (WHERE kind = 'income'), 0) AS ic,
            count(*) FILTER (WHERE kind = 'income') AS inn, count(*) AS n
            FROM old_rows o CROSS JOIN LATERAL (VALUES
            ('m'::"char", date_trunc('month', o.transaction_date)::date),
            ('w'::"char", date_trunc('week', o.transaction_date)::date)) AS x (k, p)
            GROUP BY 1, 2, 3, 4, 5) d
        WHERE a.client_id = d.client_id AND a.user_id = d.user_id AND a.kind = d.k
            AND a.period = d.p AND a.currency = d.currency;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER analytics_txn_insert AFTER INSERT ON transactions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ozzie_analytics_txn();
CREATE TRIGGER analytics_txn_update AFTER UPDATE ON transactions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ozzie_analytics_txn();
CREATE TRIGGER analytics_txn_delete AFTER DELETE ON transactions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ozzie_analytics_txn();

-- Rollups of the rows already there.
INSERT INTO analytics_monthly (client_id, user_id, month, currency, category, source,
    spend_cents, spend_count, income_cents, income_count, txn_count)
SELECT client_id, user_id, date_trunc('month', transaction_date)::date, currency, category,
    source, sum(ozzie_spend(kind, amount_cents)),
    count(*) FILTER (WHERE kind IN ('spending', 'fee', 'refund')),
    coalesce(sum(amount_cents) FILTER (WHERE kind = 'income'), 0),
    count(*) FILTER (WHERE kind = 'income'), count(*)
FROM transactions GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO analytics_weekly (client_id, user_id, week, currency, category,
    spend_cents, spend_count, income_cents, income_count, txn_count)
SELECT client_id, user_id, date_trunc('week', transaction_date)::date, currency, category,
    sum(ozzie_spend(kind, amount_cents)),
    count(*) FILTER (WHERE kind IN ('spending', 'fee', 'refund')),
    coalesce(sum(amount_cents) FILTER (WHERE kind = 'income'), 0),
    count(*) FILTER (WHERE kind = 'income'), count(*)
FROM transactions GROUP BY 1, 2, 3, 4, 5;
INSERT INTO analytics_merchants (client_id, user_id, month, currency, merchant, category,
    spend_cents, spend_count)
SELECT client_id, user_id, date_trunc('month', transaction_date)::date, currency,
    coalesce(merchant, ''), category, sum(ozzie_spend(kind, amount_cents)), count(*)
FROM transactions WHERE kind IN ('spending', 'fee', 'refund') GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO analytics_totals (client_id, user_id, kind, period, currency,
    spend_cents, spend_count, income_cents, income_count, txn_count)
SELECT client_id, user_id, x.k, x.p, currency, sum(ozzie_spend(kind, amount_cents)),
    count(*) FILTER (WHERE kind IN ('spending', 'fee', 'refund')),
    coalesce(sum(amount_cents) FILTER (WHERE kind = 'income'), 0),
    count(*) FILTER (WHERE kind = 'income'), count(*)
FROM transactions t CROSS JOIN LATERAL (VALUES
    ('m'::"char", date_trunc('month', t.transaction_date)::date),
    ('w'::"char", date_trunc('week', t.transaction_date)::date)) AS x (k, p)
GROUP BY 1, 2, 3, 4, 5;
