import "server-only";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import {
  bucketBoundsSql,
  bucketSpanSql,
  commentScope,
  intervalSql,
  localBucketSql,
  unitSql,
} from "./comment-scope-sql.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { BucketUnit, Period } from "./resolve-range.ts";
import { rollupServes, rollupWhere } from "./rollup-sql.ts";
import type { SentimentBucketRow } from "./shape-sentiment-over-time.ts";

/**
 * Classified comments per sentiment and time bucket in the user's zone, empty buckets as zeros.
 * Summed from the hourly rollup when it can answer exactly (`rollupServes`), else counted from
 * `comment`. The SQL of `getSentimentOverTime`, exported for the benchmark's EXPLAIN and for the
 * tests that hold the two paths equal.
 */
export function sentimentOverTimeSql(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
  useRollup = rollupServes(filters, timeZone),
): Prisma.Sql {
  const counts = useRollup
    ? Prisma.sql`
      SELECT date_trunc(${unitSql(unit)}, h.hour AT TIME ZONE ${timeZone}) AS bucket,
        sum(h.positive)::int AS positive, sum(h.neutral)::int AS neutral, sum(h.negative)::int AS negative
      FROM (
        -- Hours first: the zone conversion then runs once per hour, not once per rollup row.
        SELECT r.hour, sum(r.positive)::int AS positive, sum(r.neutral)::int AS neutral,
          sum(r.negative)::int AS negative
        FROM comment_hourly_rollup r
        WHERE ${rollupWhere(filters, period, "hour")}
        GROUP BY r.hour
      ) AS h
      GROUP BY 1
      HAVING sum(h.positive + h.neutral + h.negative) > 0`
    : rawCounts(filters, period, unit, timeZone);
  return Prisma.sql`
    WITH counts AS (${counts}
    ), span AS (${bucketSpanSql(period, unit, timeZone)})
    SELECT ${bucketBoundsSql(Prisma.sql`s.bucket`, period, unit, timeZone)},
      coalesce(counts.positive, 0) AS positive,
      coalesce(counts.neutral, 0) AS neutral,
      coalesce(counts.negative, 0) AS negative
    FROM span CROSS JOIN LATERAL generate_series(span.first, span.last, ${intervalSql(unit)}) AS s(bucket)
    LEFT JOIN counts ON counts.bucket = s.bucket
    ORDER BY s.bucket`;
}

function rawCounts(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Prisma.Sql {
  const scope = commentScope(filters, period);
  return Prisma.sql`
      SELECT ${localBucketSql(unit, timeZone)} AS bucket,
        count(*) FILTER (WHERE c.sentiment = 'positive')::int AS positive,
        count(*) FILTER (WHERE c.sentiment = 'neutral')::int AS neutral,
        count(*) FILTER (WHERE c.sentiment = 'negative')::int AS negative
      FROM comment c ${scope.join}
      WHERE ${scope.where} AND c.sentiment IS NOT NULL
      GROUP BY 1`;
}

export async function getSentimentOverTime(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Promise<SentimentBucketRow[]> {
  const sql = sentimentOverTimeSql(filters, period, unit, timeZone);
  return getDb().$queryRaw<SentimentBucketRow[]>(sql);
}
