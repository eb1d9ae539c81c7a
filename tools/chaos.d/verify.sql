-- verify.sql: how many of the ids on standard input (one a line: the
-- transactions and users tools/chaos saw acknowledged with a 201) are not in
-- the database. Run by tools/chaos as: psql -qtA -f verify.sql < ids
CREATE TEMP TABLE chaos_ack (id text NOT NULL);
\copy chaos_ack (id) FROM pstdin
SELECT count(*) FROM chaos_ack a
WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.id = a.id)
  AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a.id);
