-- 018: a transaction written costs the rollups one narrow row, not five upserts.
--
-- Until now each statement on transactions upserted the user's rows of
-- analytics_monthly, _weekly, _merchants and _totals (and, through
-- _totals, the client's analytics_periods) in the writer's transaction. The
-- weekly and merchant rollups have about one row a transaction, so at ten
-- million transactions every POST wrote some five rows into gigabytes of
-- indexes and lost up to half its throughput.
--
-- Now a write notes what it changed in analytics_pending, in its own
-- transaction (so the rollups plus the pending rows are exact at every
-- instant, for every path that writes a transaction), and
-- ozzie_analytics_fold() moves the pending rows into the rollups, grouped,
-- 50,000 at a time: ozzie-jobd every analytics_fold_ms, and the API before
-- any answer it reads live from the rollups, so that an answer is as exact
-- as before. The risk state of a user reads the user's pending rows with
-- the rollups, and "ozzie-admin analytics verify" compares the rollups plus
-- the pending rows with the raw rows.
CREATE TABLE analytics_pending (
    client_id        text NOT NULL,
    user_id          text NOT NULL,
    sign             smallint NOT NULL CHECK (sign IN (-1, 1)),	-- added, taken away
    transaction_date date NOT NULL,
    currency         text NOT NULL,
    category         text NOT NULL,
    source           text NOT NULL,
    merchant         text,
    kind             text NOT NULL,
    amount_cents     bigint NOT NULL
);
-- A user's pending rows, for the risk state read after each write.
CREATE INDEX analytics_pending_user ON analytics_pending (client_id, user_id);
-- Emptied every second or so: vacuumed often, so that it stays a few pages.
ALTER TABLE analytics_pending SET (autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_insert_threshold = 5000);

DROP TRIGGER analytics_txn_insert ON transactions;
DROP TRIGGER analytics_txn_update ON transactions;
DROP TRIGGER analytics_txn_delete ON transactions;
DROP TRIGGER analytics_periods_lock ON transactions;
DROP FUNCTION ozzie_analytics_txn();
DROP FUNCTION ozzie_analytics_lock();

-- A row added (+1). A row trigger: for the one-row insert of a POST it
-- costs a few per cent of the insert where a statement trigger's
-- transition table cost some 13% (pgbench, one row a statement).
CREATE FUNCTION ozzie_analytics_note_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO analytics_pending (client_id, user_id, sign, transaction_date, currency,
        category, source, merchant, kind, amount_cents)
    VALUES (NEW.client_id, NEW.user_id, 1, NEW.transaction_date, NEW.currency, NEW.category,
        NEW.source, NEW.merchant, NEW.kind, NEW.amount_cents);
    RETURN NULL;
END
$$;

-- What an update or delete of transactions changed, a statement at a time
-- (a user's delete takes all their rows at once): the rows taken away (-1)
-- and, updated, added back (+1); a row updated in none of the columns the
-- rollups read is left out.
CREATE FUNCTION ozzie_analytics_note() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO analytics_pending (client_id, user_id, sign, transaction_date, currency,
            category, source, merchant, kind, amount_cents)
        SELECT v.* FROM new_rows n JOIN old_rows o ON o.client_id = n.client_id AND o.id = n.id
        CROSS JOIN LATERAL (VALUES
            (n.client_id, n.user_id, 1::smallint, n.transaction_date, n.currency, n.category,
             n.source, n.merchant, n.kind, n.amount_cents),
            (o.client_id, o.user_id, -1::smallint, o.transaction_date, o.currency, o.category,
             o.source, o.merchant, o.kind, o.amount_cents)) AS v
        WHERE (n.user_id, n.transaction_date, n.currency, n.category, n.source, n.merchant,
            n.kind, n.amount_cents) IS DISTINCT FROM (o.user_id, o.transaction_date,
            o.currency, o.category, o.source, o.merchant, o.kind, o.amount_cents);
    ELSE
        INSERT INTO analytics_pending (client_id, user_id, sign, transaction_date, currency,
            category, source, merchant, kind, amount_cents)
        SELECT client_id, user_id, -1, transaction_date, currency, category, source, merchant,
            kind, amount_cents FROM old_rows;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER analytics_txn_insert AFTER INSERT ON transactions
    FOR EACH ROW EXECUTE FUNCTION ozzie_analytics_note_row();
CREATE TRIGGER analytics_txn_update AFTER UPDATE ON transactions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ozzie_analytics_note();
CREATE TRIGGER analytics_txn_delete AFTER DELETE ON transactions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ozzie_analytics_note();

-- One folder at a time, and never beside a user being deleted: the fold
-- holds this lock alone, a delete of users holds it shared. A user deleted
-- meanwhile would leave the fold upserting rows the delete's cascade takes
-- away (waiting on each other, or a row for a user no longer there); so a
-- fold sees every user either there or gone, and the pending rows of a user
-- gone are dropped with it.
CREATE FUNCTION ozzie_analytics_users_lock() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtext('ozzie.analytics_fold'));
    RETURN NULL;
END
$$;
CREATE TRIGGER analytics_users_lock BEFORE DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION ozzie_analytics_users_lock();

-- Up to max_rows pending rows into the rollups, in one statement, their
-- rows upserted in key order; returns how many pending rows it took: as
-- many as max_rows says there may be more, for another call (another
-- transaction, so that a backlog never makes one statement longer than the
-- statement timeout). analytics_periods is kept here from what the totals
-- were before and what they add (its row trigger on analytics_totals,
-- which a user's delete still fires, stands aside: one upsert a client's
-- period, not one a user's). Call it outside a transaction of your own, or
-- at its start: it waits for users being deleted.
CREATE FUNCTION ozzie_analytics_fold(max_rows integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    taken bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ozzie.analytics_fold'));
    PERFORM set_config('ozzie.analytics_rebuild', 'on', true);
    WITH d AS (DELETE FROM analytics_pending WHERE ctid = ANY (ARRAY(
            SELECT ctid FROM analytics_pending LIMIT max_rows))
        RETURNING *),
    e AS (SELECT d.*, d.sign * ozzie_spend(d.kind, d.amount_cents) AS sp,
            CASE WHEN d.kind IN ('spending', 'fee', 'refund') THEN d.sign ELSE 0 END AS sn,
            CASE WHEN d.kind = 'income' THEN d.sign * d.amount_cents ELSE 0 END AS ic,
            CASE WHEN d.kind = 'income' THEN d.sign ELSE 0 END AS inn
        FROM d JOIN users u ON u.client_id = d.client_id AND u.id = d.user_id),
    m AS (INSERT INTO analytics_monthly AS a (client_id, user_id, month, currency, category,
            source, spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, date_trunc('month', transaction_date)::date, currency,
            category, source, sum(sp), sum(sn), sum(ic), sum(inn), sum(sign)
        FROM e GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (client_id, user_id, month, currency, category, source) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count),
    w AS (INSERT INTO analytics_weekly AS a (client_id, user_id, week, currency, category,
            spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, date_trunc('week', transaction_date)::date, currency,
            category, sum(sp), sum(sn), sum(ic), sum(inn), sum(sign)
        FROM e GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (client_id, user_id, week, currency, category) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count),
    r AS (INSERT INTO analytics_merchants AS a (client_id, user_id, month, currency, merchant,
            category, spend_cents, spend_count)
        SELECT client_id, user_id, date_trunc('month', transaction_date)::date, currency,
            coalesce(merchant, ''), category, sum(sp), sum(sn)
        FROM e WHERE kind IN ('spending', 'fee', 'refund')
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (client_id, user_id, month, currency, merchant, category) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count),
    -- what each user's month and week ('m', 'w') of a currency changes by
    g AS (SELECT e.client_id, e.user_id, x.k, x.p, e.currency, sum(e.sp) AS sc,
            sum(e.sn) AS sn, sum(e.ic) AS ic, sum(e.inn) AS inn, sum(e.sign) AS n
        FROM e CROSS JOIN LATERAL (VALUES
            ('m'::"char", date_trunc('month', e.transaction_date)::date),
            ('w'::"char", date_trunc('week', e.transaction_date)::date)) AS x (k, p)
        GROUP BY 1, 2, 3, 4, 5),
    t AS (INSERT INTO analytics_totals AS a (client_id, user_id, kind, period, currency,
            spend_cents, spend_count, income_cents, income_count, txn_count)
        SELECT client_id, user_id, k, p, currency, sc, sn, ic, inn, n
        FROM g ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (client_id, user_id, kind, period, currency) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count),
    -- the totals as they were (every part of one statement sees the tables
    -- as they were when it began), so a user counts in a period when their
    -- counts leave zero and out when they come back to it
    o AS (SELECT g.*, coalesce(a.spend_count, 0) AS osn, coalesce(a.income_count, 0) AS oinn,
            coalesce(a.txn_count, 0) AS otn
        FROM g LEFT JOIN analytics_totals a ON a.client_id = g.client_id
            AND a.user_id = g.user_id AND a.kind = g.k AND a.period = g.p
            AND a.currency = g.currency),
    pr AS (INSERT INTO analytics_periods AS a (client_id, currency, kind, period, stripe,
            spend_cents, spend_count, income_cents, income_count, txn_count,
            users_spend, users_income, users_any)
        SELECT client_id, currency, k, p, ozzie_analytics_stripe(user_id), sum(sc), sum(sn),
            sum(ic), sum(inn), sum(n), sum((osn + sn > 0)::int - (osn > 0)::int),
            sum((oinn + inn > 0)::int - (oinn > 0)::int), sum((otn + n > 0)::int - (otn > 0)::int)
        FROM o GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (client_id, currency, kind, period, stripe) DO UPDATE SET
            spend_cents = a.spend_cents + EXCLUDED.spend_cents,
            spend_count = a.spend_count + EXCLUDED.spend_count,
            income_cents = a.income_cents + EXCLUDED.income_cents,
            income_count = a.income_count + EXCLUDED.income_count,
            txn_count = a.txn_count + EXCLUDED.txn_count,
            users_spend = a.users_spend + EXCLUDED.users_spend,
            users_income = a.users_income + EXCLUDED.users_income,
            users_any = a.users_any + EXCLUDED.users_any)
    SELECT count(*) INTO taken FROM d;
    PERFORM set_config('ozzie.analytics_rebuild', 'off', true);
    RETURN taken;
END
$$;

-- Users whose risk state a write left to ozzie-jobd: a user written to
-- again within analytics_fold_ms of their last refresh (a platform logging
-- a burst for one user) is noted here instead of being recomputed for
-- every write; ozzie-jobd recomputes them every analytics_fold_ms, and the
-- API before an answer that reads the risk state (the overview, the
-- at-risk list).
CREATE TABLE analytics_risk_due (
    client_id text NOT NULL,
    user_id   text NOT NULL,
    PRIMARY KEY (client_id, user_id)
);
