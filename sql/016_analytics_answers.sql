-- 016: analytics answers precomputed for the usual periods (issue 17).
--
-- GET /v1/analytics/spending gives, per group, the median of the users'
-- spending over the whole period: every user's total of the period must be
-- summed before the median, so no rollup makes it cheap on a large client
-- (nor the overview's users active and medians of intakes, one row a user).
-- ozzie-jobd keeps, for each client and currency with enough users, the
-- answers of the default period (this month and the two before it), this
-- month and the last one: every spending group_by, with and without each
-- category, in one pass over the rollups, and the overview. A set of
-- answers says when it was computed (as_of: the start of the transaction
-- that read them, so nothing it counts is younger); the API serves it only
-- while it is younger than analytics_refresh_seconds and answers live
-- otherwise. Writes of transactions never touch these tables.
CREATE TABLE analytics_answer_sets (
    client_id    text NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
    currency     text NOT NULL,
    period_from  date NOT NULL,
    period_to    date NOT NULL,
    as_of        timestamptz NOT NULL,
    overview     bigint[],		-- GET /v1/analytics/overview's figures (store_analytics.c)
    took_ms      integer NOT NULL DEFAULT 0,	-- how long the computation took
    PRIMARY KEY (client_id, currency, period_from, period_to)
);

-- One group of one answer, in the order served (pos from 0). group_by ''
-- is the total; category '' is no category filter.
CREATE TABLE analytics_answer_groups (
    client_id    text NOT NULL,
    currency     text NOT NULL,
    period_from  date NOT NULL,
    period_to    date NOT NULL,
    group_by     text NOT NULL CHECK (group_by IN ('', 'category', 'merchant', 'month', 'source')),
    category     text NOT NULL,
    pos          integer NOT NULL,
    key          text NOT NULL,
    cents        bigint NOT NULL,
    count        bigint NOT NULL,
    users        bigint NOT NULL,
    median       bigint NOT NULL,
    PRIMARY KEY (client_id, currency, period_from, period_to, group_by, category, pos),
    FOREIGN KEY (client_id, currency, period_from, period_to)
        REFERENCES analytics_answer_sets ON DELETE CASCADE
);
