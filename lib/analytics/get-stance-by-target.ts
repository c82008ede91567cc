import "server-only";
import { STANCE_TARGETS } from "../classifier/index.ts";
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
import type { StanceBucketRow, StanceSourceRow } from "./shape-stance.ts";

interface StanceRow {
  grouping: "time" | "source";
  startsAt: Date | null;
  endsAt: Date | null;
  sourceId: number | null;
  sourceName: string | null;
  target: string;
  favor: number;
  against: number;
}

/**
 * Favor/against counts per stance target, both per time bucket (every bucket, zeros included)
 * and per source, in one query over the comments that take a side.
 * The SQL of `getStanceByTarget`, exported for the benchmark's EXPLAIN.
 */
export function stanceByTargetSql(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Prisma.Sql {
  const scope = commentScope(filters, period, { alwaysJoinArticle: true });
  const targets = Prisma.join(STANCE_TARGETS.map((target) => Prisma.sql`${target}`));
  return Prisma.sql`
    WITH sides AS MATERIALIZED (
      SELECT ${localBucketSql(unit, timeZone)} AS bucket, a.source_id, st.key AS target, st.value AS side
      FROM comment c ${scope.join}
      CROSS JOIN LATERAL jsonb_each_text(c.stance) AS st
      WHERE c.stance IS NOT NULL AND jsonb_typeof(c.stance) = 'object' AND ${scope.where}
    ), counts AS (
      SELECT bucket, target,
        count(*) FILTER (WHERE side = 'favor')::int AS favor,
        count(*) FILTER (WHERE side = 'against')::int AS against
      FROM sides GROUP BY bucket, target
    ), span AS (${bucketSpanSql(period, unit, timeZone)})
    SELECT 'time' AS grouping, ${bucketBoundsSql(Prisma.sql`s.bucket`, period, unit, timeZone)},
      NULL::int AS "sourceId", NULL::text AS "sourceName", t.target,
      coalesce(counts.favor, 0) AS favor, coalesce(counts.against, 0) AS against, s.bucket AS sort_bucket
    FROM span CROSS JOIN LATERAL generate_series(span.first, span.last, ${intervalSql(unit)}) AS s(bucket)
    CROSS JOIN unnest(ARRAY[${targets}]::text[]) AS t(target)
    LEFT JOIN counts ON counts.bucket = s.bucket AND counts.target = t.target
    UNION ALL
    SELECT 'source', NULL, NULL, sides.source_id, src.name, sides.target,
      count(*) FILTER (WHERE side = 'favor')::int, count(*) FILTER (WHERE side = 'against')::int, NULL
    FROM sides LEFT JOIN source src ON src.id = sides.source_id
    GROUP BY sides.source_id, src.name, sides.target
    ORDER BY grouping DESC, sort_bucket, "sourceName", target`;
}

export async function getStanceByTarget(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Promise<{ overTime: StanceBucketRow[]; bySource: StanceSourceRow[] }> {
  const sql = stanceByTargetSql(filters, period, unit, timeZone);
  const rows = await getDb().$queryRaw<StanceRow[]>(sql);
  const overTime: StanceBucketRow[] = [];
  const bySource: StanceSourceRow[] = [];
  for (const row of rows) {
    if (row.grouping === "time" && row.startsAt && row.endsAt) {
      overTime.push({
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        target: row.target,
        favor: row.favor,
        against: row.against,
      });
    } else if (row.grouping === "source") {
      bySource.push({
        sourceId: row.sourceId,
        sourceName: row.sourceName,
        target: row.target,
        favor: row.favor,
        against: row.against,
      });
    }
  }
  return { overTime, bySource };
}
