-- bench/analysis.sql: bench/analysis.sh's funnel in SQL over the raw CSV
-- imported with the sqlite3 shell's .import (table events, all TEXT): a
-- customer reaches step k when any of their step-1 events (an attempt) is
-- followed, in order and within 7 days of that event, by events of steps
-- 2 … k.  Prints N1|N2|N3.
WITH e AS MATERIALIZED (
  SELECT customer_id AS c,
         CAST(round((julianday(timestamp) - 2440587.5) * 86400000) AS INTEGER) AS t,
         touchpoint AS tp
  FROM events
  WHERE touchpoint IN ('Payment notice', 'App login', 'Web login', 'IVR menu', 'Payment completed')),
s1 AS (SELECT c, t AS t1 FROM e WHERE tp = 'Payment notice'),
s2 AS (SELECT s1.c, s1.t1, min(e.t) AS t2 FROM s1
       JOIN e ON e.c = s1.c AND e.tp IN ('App login', 'Web login', 'IVR menu')
             AND e.t >= s1.t1 AND e.t - s1.t1 <= 604800000
       GROUP BY s1.c, s1.t1),
s3 AS (SELECT DISTINCT s2.c FROM s2
       JOIN e ON e.c = s2.c AND e.tp = 'Payment completed'
             AND e.t >= s2.t2 AND e.t - s2.t1 <= 604800000)
SELECT (SELECT count(DISTINCT c) FROM s1), (SELECT count(DISTINCT c) FROM s2),
       (SELECT count(*) FROM s3);
