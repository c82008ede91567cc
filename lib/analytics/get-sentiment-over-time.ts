import "server-only";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import {
  bucketBoundsSql,
  bucketSpanSql,
  commentScope,
  intervalSql,
  localBucketSql,
} from "./comment-scope-sql.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { BucketUnit, Period } from "./resolve-range.ts";
import { rollupBoundsCte, rollupServes, rollupWhere } from "./rollup-sql.ts";
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
      SELECT bounds.locals[h.i] AS bucket, h.positive, h.neutral, h.negative
      FROM (
        SELECT width_bucket(r.hour, bounds.starts) AS i, sum(r.positive)::int AS positive,
          sum(r.neutral)::int AS neutral, sum(r.negative)::int AS negative
        FROM comment_hourly_rollup r CROSS JOIN bounds
        WHERE ${rollupWhere(filters, period, "hour")}
        GROUP BY 1
        HAVING sum(r.positive + r.neutral + r.negative) > 0
      ) AS h CROSS JOIN bounds`
    : rawCounts(filters, period, unit, timeZone);
  const bounds = useRollup ? Prisma.sql`${rollupBoundsCte(filters, period, unit, timeZone)}, ` : Prisma.empty;
  return Prisma.sql`
    WITH ${bounds}counts AS (${counts}
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
