import "server-only";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { bucketBoundsSql, commentScope, intervalSql, unitSql } from "./comment-scope-sql.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { BucketUnit, Period } from "./resolve-range.ts";
import type { ThroughputRows } from "./shape-moderation-throughput.ts";

interface Row {
  kind: "bucket" | "moderator" | "age";
  startsAt: Date;
  endsAt: Date;
  userId: string | null;
  userName: string | null;
  decisions: number;
  medianSeconds: number | null;
}

/**
 * Decisions per time bucket (of the decision, in the user's zone) and moderator, and the median
 * time from a comment's ingest to its first decision, per bucket of that decision. Undo rows are
 * not decisions, and a decision its moderator undid is dropped with its undo (an undo always
 * reverts the comment's latest decision, so it is that decision's next row). The comment filters
 * (source, article, language, status) apply; the period applies to decision dates.
 * The SQL of `getModerationThroughput`, exported for the benchmark's EXPLAIN.
 */
export function moderationThroughputSql(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Prisma.Sql {
  const scope = commentScope(filters, null);
  const filtered =
    filters.source !== undefined || filters.article !== undefined || !!filters.language || !!filters.status;
  // Without comment filters every decision counts and its row has the ingest time: no comment is
  // read. With filters, one primary-key lookup per decision, not a scan of every comment for a
  // hash join (OFFSET 0 keeps the planner from flattening the subquery into one).
  const inScope = filtered
    ? Prisma.sql`EXISTS (SELECT FROM comment c ${scope.join} WHERE c.id = d.comment_id AND ${scope.where} OFFSET 0)`
    : Prisma.sql`TRUE`;
  const bucket = Prisma.sql`k.bucket`;
  const inPeriod = period
    ? Prisma.sql`k.created_at >= ${period.from}::timestamptz AND k.created_at < ${period.to}::timestamptz`
    : Prisma.sql`TRUE`;
  // A comment's whole decision history (for its undo pairs and its first decision), but only for
  // comments decided in the period: the created_at index finds them.
  const decidedInPeriod = period
    ? Prisma.sql`d.comment_id IN (SELECT comment_id FROM comment_decision
        WHERE created_at >= ${period.from}::timestamptz AND created_at < ${period.to}::timestamptz)`
    : Prisma.sql`TRUE`;
  const span = period
    ? Prisma.sql`SELECT date_trunc(${unitSql(unit)}, ${period.from}::timestamptz AT TIME ZONE ${timeZone}) AS first,
        date_trunc(${unitSql(unit)}, (${period.to}::timestamptz AT TIME ZONE ${timeZone}) - interval '1 microsecond') AS last`
    : Prisma.sql`SELECT min(${bucket}) AS first, max(${bucket}) AS last FROM kept k`;
  return Prisma.sql`
    WITH undone AS (
      -- Decisions their own moderator undid: the row just before each undo, when it is that
      -- moderator's. Only comments with an undo need this window; they are few.
      SELECT x.previous_id AS id FROM (
        SELECT d.undo, d.user_id, lag(d.id) OVER w AS previous_id, lag(d.user_id) OVER w AS previous_user
        FROM comment_decision d
        WHERE d.comment_id IN (SELECT comment_id FROM comment_decision WHERE undo) AND ${decidedInPeriod}
        WINDOW w AS (PARTITION BY d.comment_id ORDER BY d.created_at, d.id)
      ) x
      WHERE x.undo AND x.previous_user = x.user_id
    ), bounds AS (
      -- Every local bucket start from the first decision's to the last's, as local times and as
      -- instants: a decision's bucket is then a binary search (width_bucket) rather than a time
      -- zone conversion per row.
      SELECT array_agg(b ORDER BY b) AS locals, array_agg(b AT TIME ZONE ${timeZone} ORDER BY b) AS starts
      FROM generate_series(
        date_trunc(${unitSql(unit)}, (SELECT min(created_at) FROM comment_decision) AT TIME ZONE ${timeZone}),
        date_trunc(${unitSql(unit)}, (SELECT max(created_at) FROM comment_decision) AT TIME ZONE ${timeZone}),
        ${intervalSql(unit)}) AS b
    ), kept AS MATERIALIZED (
      SELECT d.comment_id, d.user_id, d.created_at, d.comment_ingested_at AS ingested_at,
        bounds.locals[width_bucket(d.created_at, bounds.starts)] AS bucket
      FROM comment_decision d CROSS JOIN bounds
      WHERE ${decidedInPeriod} AND NOT d.undo AND d.id NOT IN (SELECT id FROM undone) AND ${inScope}
    ), firsts AS (
      -- Each comment's first kept decision, its bucket and the comment's ingest time (the same on
      -- all its rows). Buckets follow the decision time, so the first decision's is the least
      -- (unless a clock change moves local time back across a bucket start between two of one
      -- comment's decisions).
      SELECT min(created_at) AS created_at, min(ingested_at) AS ingested_at, min(bucket) AS bucket
      FROM kept GROUP BY comment_id
    ), span AS (${span}
    ), buckets AS (
      SELECT s.bucket FROM span CROSS JOIN LATERAL generate_series(span.first, span.last, ${intervalSql(unit)}) AS s(bucket)
    )
    SELECT 'bucket' AS kind, ${bucketBoundsSql(Prisma.sql`b.bucket`, period, unit, timeZone)},
      NULL AS "userId", NULL AS "userName", 0 AS decisions, NULL::float8 AS "medianSeconds", b.bucket AS sort_bucket
    FROM buckets b
    UNION ALL
    SELECT 'moderator', ${bucketBoundsSql(bucket, period, unit, timeZone)}, k.user_id, u.name,
      k.decisions, NULL, ${bucket}
    FROM (SELECT k.bucket, k.user_id, count(*)::int AS decisions FROM kept k WHERE ${inPeriod}
          GROUP BY k.bucket, k.user_id) k
    JOIN "user" u ON u.id = k.user_id
    UNION ALL
    SELECT 'age', ${bucketBoundsSql(bucket, period, unit, timeZone)}, NULL, NULL, count(*)::int,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', k.created_at - k.ingested_at)),
      ${bucket}
    FROM firsts k
    WHERE ${inPeriod}
    GROUP BY ${bucket}
    ORDER BY sort_bucket, kind, "userName"`;
}

export async function getModerationThroughput(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Promise<ThroughputRows> {
  const rows = await getDb().$queryRaw<Row[]>(moderationThroughputSql(filters, period, unit, timeZone));
  const result: ThroughputRows = { buckets: [], moderators: [], ages: [] };
  for (const row of rows) {
    const bucket = { startsAt: row.startsAt, endsAt: row.endsAt };
    if (row.kind === "bucket") result.buckets.push(bucket);
    else if (row.kind === "moderator")
      result.moderators.push({
        ...bucket,
        userId: row.userId ?? "",
        userName: row.userName ?? "",
        decisions: row.decisions,
      });
    else result.ages.push({ ...bucket, firstDecisions: row.decisions, medianSeconds: row.medianSeconds });
  }
  return result;
}
