-- 014: analytics faster at a million transactions (the targets of tools/bench phase 9).
--
-- Each client's totals of a month (kind 'm') or week ('w') per currency,
-- with the number of users who spent, had income and had any transaction in
-- it, kept from analytics_totals (one row a user and period) by a row
-- trigger: the trends without a category and the overview's sums read a few
-- rows here instead of one row per user. A row is striped by a hash of the
-- user id (16 stripes), so concurrent writes of different users seldom wait
-- on the same row; readers sum the stripes. "ozzie-admin analytics rebuild"
-- fills it from the raw rows (the trigger stands aside while it does, with
-- ozzie.analytics_rebuild set) and "verify" compares each stripe.
CREATE TABLE analytics_periods (
    client_id    text NOT NULL,
    currency     text NOT NULL,
    kind         "char" NOT NULL CHECK (kind IN ('m', 'w')),
    period       date NOT NULL,
    stripe       smallint NOT NULL CHECK (stripe BETWEEN 0 AND 15),
    spend_cents  bigint NOT NULL DEFAULT 0,
    spend_count  bigint NOT NULL DEFAULT 0,
    income_cents bigint NOT NULL DEFAULT 0,
    income_count bigint NOT NULL DEFAULT 0,
    txn_count    bigint NOT NULL DEFAULT 0,
    users_spend  bigint NOT NULL DEFAULT 0,	-- users whose spend_count > 0
    users_income bigint NOT NULL DEFAULT 0,	-- income_count > 0
    users_any    bigint NOT NULL DEFAULT 0,	-- txn_count > 0
    PRIMARY KEY (client_id, currency, kind, period, stripe)
);

CREATE FUNCTION ozzie_analytics_stripe(user_id text) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$ SELECT (hashtext(user_id) & 15)::smallint $$;

-- What a user's row of analytics_totals changed, added to its period.
CREATE FUNCTION ozzie_analytics_periods() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    n analytics_totals;
    o analytics_totals;
    k analytics_totals;
BEGIN
    IF current_setting('ozzie.analytics_rebuild', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN n := NEW; k := NEW; END IF;
    IF TG_OP <> 'INSERT' THEN o := OLD; k := OLD; END IF;
    IF TG_OP = 'UPDATE' AND (n.spend_cents, n.spend_count, n.income_cents, n.income_count,
        n.txn_count) IS NOT DISTINCT FROM (o.spend_cents, o.spend_count, o.income_cents,
        o.income_count, o.txn_count) THEN
        RETURN NULL;
    END IF;
    INSERT INTO analytics_periods AS a (client_id, currency, kind, period, stripe,
        spend_cents, spend_count, income_cents, income_count, txn_count,
        users_spend, users_income, users_any)
    VALUES (k.client_id, k.currency, k.kind, k.period, ozzie_analytics_stripe(k.user_id),
        coalesce(n.spend_cents, 0) - coalesce(o.spend_cents, 0),
        coalesce(n.spend_count, 0) - coalesce(o.spend_count, 0),
        coalesce(n.income_cents, 0) - coalesce(o.income_cents, 0),
        coalesce(n.income_count, 0) - coalesce(o.income_count, 0),
        coalesce(n.txn_count, 0) - coalesce(o.txn_count, 0),
        (coalesce(n.spend_count, 0) > 0)::int - (coalesce(o.spend_count, 0) > 0)::int,
        (coalesce(n.income_count, 0) > 0)::int - (coalesce(o.income_count, 0) > 0)::int,
        (coalesce(n.txn_count, 0) > 0)::int - (coalesce(o.txn_count, 0) > 0)::int)
    ON CONFLICT (client_id, currency, kind, period, stripe) DO UPDATE SET
        spend_cents = a.spend_cents + EXCLUDED.spend_cents,
        spend_count = a.spend_count + EXCLUDED.spend_count,
        income_cents = a.income_cents + EXCLUDED.income_cents,
        income_count = a.income_count + EXCLUDED.income_count,
        txn_count = a.txn_count + EXCLUDED.txn_count,
        users_spend = a.users_spend + EXCLUDED.users_spend,
        users_income = a.users_income + EXCLUDED.users_income,
        users_any = a.users_any + EXCLUDED.users_any;
    RETURN NULL;
END
$$;

CREATE TRIGGER analytics_periods AFTER INSERT OR UPDATE OR DELETE ON analytics_totals
    FOR EACH ROW EXECUTE FUNCTION ozzie_analytics_periods();

-- A delete of transactions subtracts from analytics_totals in no set order
-- (sql/011), and its rows' periods may share a stripe with another user's
-- write: the periods' rows are locked first, in key order (a statement
-- trigger fires before analytics_txn_delete: triggers go by name), as the
-- inserts and updates take them, so two writers never wait on each other.
CREATE FUNCTION ozzie_analytics_lock() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM analytics_periods a
    WHERE (a.client_id, a.currency, a.kind, a.period, a.stripe) IN (
        SELECT o.client_id, o.currency, x.k, x.p, ozzie_analytics_stripe(o.user_id)
        FROM old_rows o CROSS JOIN LATERAL (VALUES
            ('m'::"char", date_trunc('month', o.transaction_date)::date),
            ('w'::"char", date_trunc('week', o.transaction_date)::date)) AS x (k, p))
    ORDER BY a.client_id, a.currency, a.kind, a.period, a.stripe FOR UPDATE;
    RETURN NULL;
END
$$;

CREATE TRIGGER analytics_periods_lock AFTER DELETE ON transactions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ozzie_analytics_lock();

INSERT INTO analytics_periods (client_id, currency, kind, period, stripe, spend_cents,
    spend_count, income_cents, income_count, txn_count, users_spend, users_income, users_any)
SELECT client_id, currency, kind, period, ozzie_analytics_stripe(user_id), sum(spend_cents),
    sum(spend_count), sum(income_cents), sum(income_count), sum(txn_count),
    count(*) FILTER (WHERE spend_count > 0), count(*) FILTER (WHERE income_count > 0),
    count(*) FILTER (WHERE txn_count > 0)
FROM analytics_totals GROUP BY 1, 2, 3, 4, 5;

-- The spending groups read each user's rows of the period from covering
-- indexes (index-only scans of the period, not the whole table), and with
-- a category only that category's rows.
DROP INDEX analytics_monthly_read;
CREATE INDEX analytics_monthly_read ON analytics_monthly (client_id, currency, month)
    INCLUDE (category, source, user_id, spend_cents, spend_count);
CREATE INDEX analytics_monthly_category ON analytics_monthly (client_id, currency, category, month)
    INCLUDE (user_id, spend_cents, spend_count, income_cents, income_count, txn_count);
DROP INDEX analytics_merchants_read;
CREATE INDEX analytics_merchants_read ON analytics_merchants (client_id, currency, month)
    INCLUDE (merchant, user_id, spend_cents, spend_count);
