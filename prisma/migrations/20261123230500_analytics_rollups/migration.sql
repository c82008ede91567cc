-- CreateTable
CREATE TABLE "comment_hourly_rollup" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "source_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "status" "moderation_status" NOT NULL,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "classified" INTEGER NOT NULL DEFAULT 0,
    "insults" INTEGER NOT NULL DEFAULT 0,
    "positive" INTEGER NOT NULL DEFAULT 0,
    "neutral" INTEGER NOT NULL DEFAULT 0,
    "negative" INTEGER NOT NULL DEFAULT 0,
    "russia_favor" INTEGER NOT NULL DEFAULT 0,
    "russia_against" INTEGER NOT NULL DEFAULT 0,
    "usa_favor" INTEGER NOT NULL DEFAULT 0,
    "usa_against" INTEGER NOT NULL DEFAULT 0,
    "syrian_government_favor" INTEGER NOT NULL DEFAULT 0,
    "syrian_government_against" INTEGER NOT NULL DEFAULT 0,
    "syrian_opposition_favor" INTEGER NOT NULL DEFAULT 0,
    "syrian_opposition_against" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "comment_hourly_rollup_pkey" PRIMARY KEY ("hour","source_id","language","status")
);

-- CreateTable
CREATE TABLE "comment_daily_article_rollup" (
    "day" DATE NOT NULL,
    "article_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "status" "moderation_status" NOT NULL,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "classified" INTEGER NOT NULL DEFAULT 0,
    "insults" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "comment_daily_article_rollup_pkey" PRIMARY KEY ("day","article_id","language","status")
);

-- CreateTable
CREATE TABLE "comment_daily_term_rollup" (
    "day" DATE NOT NULL,
    "source_id" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "status" "moderation_status" NOT NULL,
    "term" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "matches" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "flagged" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "comment_daily_term_rollup_pkey" PRIMARY KEY ("day","source_id","language","status","term","category")
);

-- CreateIndex
CREATE INDEX "comment_decision_created_at_idx" ON "comment_decision"("created_at");

-- Rollup maintenance (written by hand below this line: functions and triggers are not part of
-- Prisma's diff). Statement-level triggers with transition tables: one set-based upsert per
-- statement whatever its size, so a 20,000-row re-classification batch or a 1,000-row ingest batch
-- costs three grouped INSERT … ON CONFLICT statements, not 20,000 row triggers. Rows of an update
-- that changes none of the rolled-up columns (search text, version bumps without a status change)
-- cancel out. Rollup rows may fall to zero; readers sum them, so zero rows change nothing.

-- The classifier's SUPPRESSING_RULES (lib/classifier/types.ts): a match with one of these rules
-- does not count as the writer's own word. An integration test checks that the two lists agree.
CREATE OR REPLACE FUNCTION raqib_match_counts(rule text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT rule IS NULL OR rule NOT IN ('negated', 'quoted', 'reported', 'literal')
$fn$;

-- The upsert of every rollup for a set of comment rows with a sign (+1 added, -1 removed).
-- `source` is a query returning comment columns plus `sign`.
CREATE OR REPLACE FUNCTION raqib_comment_rollup_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    WITH d AS MATERIALIZED (
      SELECT x.sign, coalesce(x.posted_at, x.ingested_at) AS at, x.article_id,
        coalesce(a.source_id, 0) AS source_id, coalesce(x.language, '') AS language, x.status,
        x.insult, x.sentiment,
        CASE WHEN jsonb_typeof(x.stance) = 'object' THEN x.stance END AS stance,
        CASE WHEN jsonb_typeof(x.matches) = 'array' THEN x.matches END AS matches
      FROM (%s) AS x LEFT JOIN article a ON a.id = x.article_id
    ), hourly AS (
      INSERT INTO comment_hourly_rollup AS r (hour, source_id, language, status, comments, classified, insults, positive, neutral, negative, russia_favor, russia_against, usa_favor, usa_against, syrian_government_favor, syrian_government_against, syrian_opposition_favor, syrian_opposition_against)
      SELECT * FROM (
        SELECT date_trunc('hour', at, 'UTC') AS hour, source_id, language, status,
          sum(sign)::int AS comments,
          coalesce(sum(sign) FILTER (WHERE insult IS NOT NULL), 0)::int AS classified,
          coalesce(sum(sign) FILTER (WHERE insult), 0)::int AS insults,
          coalesce(sum(sign) FILTER (WHERE sentiment = 'positive'), 0)::int AS positive,
          coalesce(sum(sign) FILTER (WHERE sentiment = 'neutral'), 0)::int AS neutral,
          coalesce(sum(sign) FILTER (WHERE sentiment = 'negative'), 0)::int AS negative,
          coalesce(sum(sign) FILTER (WHERE stance ->> 'russia' = 'favor'), 0)::int AS russia_favor,
          coalesce(sum(sign) FILTER (WHERE stance ->> 'russia' = 'against'), 0)::int AS russia_against,
          coalesce(sum(sign) FILTER (WHERE stance ->> 'usa' = 'favor'), 0)::int AS usa_favor,
          coalesce(sum(sign) FILTER (WHERE stance ->> 'usa' = 'against'), 0)::int AS usa_against,
          coalesce(sum(sign) FILTER (WHERE stance ->> 'syrian_government' = 'favor'), 0)::int AS syrian_government_favor,
          coalesce(sum(sign) FILTER (WHERE stance ->> 'syrian_government' = 'against'), 0)::int AS syrian_government_against,
          coalesce(sum(sign) FILTER (WHERE stance ->> 'syrian_opposition' = 'favor'), 0)::int AS syrian_opposition_favor,
          coalesce(sum(sign) FILTER (WHERE stance ->> 'syrian_opposition' = 'against'), 0)::int AS syrian_opposition_against
        FROM d GROUP BY 1, 2, 3, 4
      ) AS g
      -- A key whose counts all net to zero (rows that moved within it) needs no write.
      WHERE (comments, classified, insults, positive, neutral, negative, russia_favor, russia_against, usa_favor, usa_against, syrian_government_favor, syrian_government_against, syrian_opposition_favor, syrian_opposition_against) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (hour, source_id, language, status) DO UPDATE SET
        comments = r.comments + excluded.comments,
        classified = r.classified + excluded.classified,
        insults = r.insults + excluded.insults,
        positive = r.positive + excluded.positive,
        neutral = r.neutral + excluded.neutral,
        negative = r.negative + excluded.negative,
        russia_favor = r.russia_favor + excluded.russia_favor,
        russia_against = r.russia_against + excluded.russia_against,
        usa_favor = r.usa_favor + excluded.usa_favor,
        usa_against = r.usa_against + excluded.usa_against,
        syrian_government_favor = r.syrian_government_favor + excluded.syrian_government_favor,
        syrian_government_against = r.syrian_government_against + excluded.syrian_government_against,
        syrian_opposition_favor = r.syrian_opposition_favor + excluded.syrian_opposition_favor,
        syrian_opposition_against = r.syrian_opposition_against + excluded.syrian_opposition_against
      RETURNING 1
    ), articles AS (
      INSERT INTO comment_daily_article_rollup AS r (day, article_id, source_id, language, status,
        comments, classified, insults)
      SELECT * FROM (
        SELECT (at AT TIME ZONE 'UTC')::date AS day, article_id, source_id, language, status,
          sum(sign)::int AS comments,
          coalesce(sum(sign) FILTER (WHERE insult IS NOT NULL), 0)::int AS classified,
          coalesce(sum(sign) FILTER (WHERE insult), 0)::int AS insults
        FROM d GROUP BY 1, 2, 3, 4, 5
      ) AS g
      WHERE (comments, classified, insults) <> (0, 0, 0)
      ORDER BY 1, 2, 4, 5
      ON CONFLICT (day, article_id, language, status) DO UPDATE SET
        comments = r.comments + excluded.comments, classified = r.classified + excluded.classified,
        insults = r.insults + excluded.insults
      RETURNING 1
    )
    INSERT INTO comment_daily_term_rollup AS r (day, source_id, language, status, term, category,
      matches, comments, flagged)
    SELECT * FROM (
      SELECT (d.at AT TIME ZONE 'UTC')::date AS day, d.source_id, d.language, d.status, m.term, m.category,
        sum(d.sign * m.n)::int AS matches, sum(d.sign)::int AS comments,
        coalesce(sum(d.sign) FILTER (WHERE d.insult), 0)::int AS flagged
      FROM d CROSS JOIN LATERAL (
        SELECT e ->> 'term' AS term, e ->> 'category' AS category, count(*) AS n
        FROM jsonb_array_elements(d.matches) AS e
        WHERE raqib_match_counts(e ->> 'rule') AND e ->> 'term' IS NOT NULL AND e ->> 'category' IS NOT NULL
        GROUP BY 1, 2
      ) AS m
      WHERE d.matches IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6
    ) AS g
    WHERE (matches, comments, flagged) <> (0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, source_id, language, status, term, category) DO UPDATE SET
      matches = r.matches + excluded.matches, comments = r.comments + excluded.comments,
      flagged = r.flagged + excluded.flagged
  $q$, source)
$fn$;

-- Room on each page for the new version of an updated row: rollup updates touch no indexed
-- column, so with free space they are HOT updates (no new index entries).
ALTER TABLE comment_hourly_rollup SET (fillfactor = 70);
ALTER TABLE comment_daily_article_rollup SET (fillfactor = 70);
ALTER TABLE comment_daily_term_rollup SET (fillfactor = 70);

CREATE OR REPLACE FUNCTION raqib_comment_rollups_trigger() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  columns constant text := 'posted_at, ingested_at, article_id, language, status, insult, sentiment, stance, matches';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE raqib_comment_rollup_sql('SELECT n.*, 1 AS sign FROM new_rows n');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE raqib_comment_rollup_sql('SELECT o.*, -1 AS sign FROM old_rows o');
  ELSE
    -- Old rows count -1 and new rows +1; a row whose rolled-up columns did not change cancels
    -- out in the GROUP BY (a hash aggregate: transition tables have no index, so a join of the
    -- two could degrade to a nested loop over both).
    EXECUTE raqib_comment_rollup_sql(format(
      'SELECT %1$s, sum(sign)::int AS sign FROM (
         SELECT id, %1$s, 1 AS sign FROM new_rows UNION ALL SELECT id, %1$s, -1 FROM old_rows) AS t
       GROUP BY id, %1$s HAVING sum(sign) <> 0', columns));
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER comment_rollups_insert AFTER INSERT ON comment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raqib_comment_rollups_trigger();
CREATE TRIGGER comment_rollups_update AFTER UPDATE ON comment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raqib_comment_rollups_trigger();
CREATE TRIGGER comment_rollups_delete AFTER DELETE ON comment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION raqib_comment_rollups_trigger();

-- Rebuilds every rollup from `comment` (after a TRUNCATE, or to repair by hand).
CREATE OR REPLACE FUNCTION raqib_rebuild_comment_rollups() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE comment_hourly_rollup, comment_daily_article_rollup, comment_daily_term_rollup;
  EXECUTE raqib_comment_rollup_sql('SELECT c.*, 1 AS sign FROM comment c');
END
$fn$;

CREATE OR REPLACE FUNCTION raqib_comment_truncated_trigger() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE comment_hourly_rollup, comment_daily_article_rollup, comment_daily_term_rollup;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER comment_rollups_truncate AFTER TRUNCATE ON comment
  FOR EACH STATEMENT EXECUTE FUNCTION raqib_comment_truncated_trigger();

SELECT raqib_rebuild_comment_rollups();
