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
import { rollupBoundsCte, rollupServes, rollupWhere } from "./rollup-sql.ts";
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

/** The rollup's stance columns, per target. */
const ROLLUP_STANCE_COLUMNS: Record<(typeof STANCE_TARGETS)[number], [string, string]> = {
  russia: ["russia_favor", "russia_against"],
  usa: ["usa_favor", "usa_against"],
  syrian_government: ["syrian_government_favor", "syrian_government_against"],
  syrian_opposition: ["syrian_opposition_favor", "syrian_opposition_against"],
};

/**
 * Favor/against counts per stance target (the classifier's targets), both per time bucket (every
 * bucket, zeros included) and per source, in one query over the comments that take a side:
 * from the hourly rollup when it can answer exactly, else from `comment`.
 * The SQL of `getStanceByTarget`, exported for the benchmark's EXPLAIN and the tests.
 */
export function stanceByTargetSql(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
  useRollup = rollupServes(filters, timeZone),
): Prisma.Sql {
  const targets = Prisma.join(STANCE_TARGETS.map((target) => Prisma.sql`${target}`));
  let sides: Prisma.Sql;
  let grouped = Prisma.empty;
  if (useRollup) {
    const columns = STANCE_TARGETS.flatMap((target) => ROLLUP_STANCE_COLUMNS[target]);
    const sums = (alias: string) =>
      Prisma.raw(columns.map((column) => `sum(${alias}.${column})::int AS ${column}`).join(", "));
    const values = Prisma.join(
      STANCE_TARGETS.map((target) => {
        const [favor, against] = ROLLUP_STANCE_COLUMNS[target];
        return Prisma.sql`(${target}, p.${Prisma.raw(favor)}, p.${Prisma.raw(against)})`;
      }),
    );
    // One pass over the rollup sums per local bucket and per source (grouping sets): the time
    // series needs no source and the per-source bars no time. Only the few resulting rows are
    // unpivoted into (target, favor, against).
    sides = Prisma.sql`
      SELECT p.kind, p.bucket, p.source_id, st.target, st.favor, st.against
      FROM (
        SELECT 'time' AS kind, bounds.locals[g.i] AS bucket, NULL::int AS source_id,
          ${Prisma.raw(columns.map((c) => `g.${c}`).join(", "))}
        FROM g CROSS JOIN bounds WHERE g.i IS NOT NULL
        UNION ALL
        SELECT 'source', NULL, nullif(g.source_id, 0), ${Prisma.raw(columns.map((c) => `g.${c}`).join(", "))}
        FROM g WHERE g.i IS NULL
      ) AS p
      CROSS JOIN LATERAL (VALUES ${values}) AS st(target, favor, against)
      WHERE st.favor + st.against <> 0`;
    grouped = Prisma.sql`${rollupBoundsCte(filters, period, unit, timeZone)}, g AS MATERIALIZED (
      SELECT width_bucket(r.hour, bounds.starts) AS i, r.source_id, ${sums("r")}
      FROM comment_hourly_rollup r CROSS JOIN bounds
      WHERE ${rollupWhere(filters, period, "hour")}
      GROUP BY GROUPING SETS ((1), (r.source_id))
    ), `;
  } else {
    const scope = commentScope(filters, period, { alwaysJoinArticle: true });
    sides = Prisma.sql`
      SELECT 'both' AS kind, ${localBucketSql(unit, timeZone)} AS bucket, a.source_id, st.key AS target,
        (st.value = 'favor')::int AS favor, (st.value = 'against')::int AS against
      FROM comment c ${scope.join}
      CROSS JOIN LATERAL jsonb_each_text(c.stance) AS st
      WHERE c.stance IS NOT NULL AND jsonb_typeof(c.stance) = 'object' AND ${scope.where}
        AND st.key IN (${targets})`;
  }
  return Prisma.sql`
    WITH ${grouped}sides AS MATERIALIZED (${sides}
    ), counts AS (
      SELECT bucket, target, sum(favor)::int AS favor, sum(against)::int AS against
      FROM sides WHERE kind <> 'source' GROUP BY bucket, target
      HAVING sum(favor) + sum(against) > 0
    ), span AS (${bucketSpanSql(period, unit, timeZone)})
    SELECT 'time' AS grouping, ${bucketBoundsSql(Prisma.sql`s.bucket`, period, unit, timeZone)},
      NULL::int AS "sourceId", NULL::text AS "sourceName", t.target,
      coalesce(counts.favor, 0) AS favor, coalesce(counts.against, 0) AS against, s.bucket AS sort_bucket
    FROM span CROSS JOIN LATERAL generate_series(span.first, span.last, ${intervalSql(unit)}) AS s(bucket)
    CROSS JOIN unnest(ARRAY[${targets}]::text[]) AS t(target)
    LEFT JOIN counts ON counts.bucket = s.bucket AND counts.target = t.target
    UNION ALL
    SELECT 'source', NULL, NULL, sides.source_id, src.name, sides.target,
      sum(sides.favor)::int, sum(sides.against)::int, NULL
    FROM sides LEFT JOIN source src ON src.id = sides.source_id
    WHERE sides.kind <> 'time'
    GROUP BY sides.source_id, src.name, sides.target
    HAVING sum(sides.favor) + sum(sides.against) > 0
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
