import "server-only";
import { Prisma } from "../db/generated/client.ts";
import { bucketSpanSql, intervalSql, unitSql } from "./comment-scope-sql.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { BucketUnit, Period } from "./resolve-range.ts";
import { isWholeHourZone } from "./time-zone.ts";
import type { Span } from "./utc-days.ts";

type ScopeFilters = Pick<AnalyticsFilters, "source" | "article" | "language" | "status">;

/**
 * Whether the rollups can answer exactly: they have no article key (an article's comments are
 * few, and the raw query finds them by index), and hourly rows add up to local days only in
 * zones that are a whole number of hours from UTC.
 */
export function rollupServes(filters: ScopeFilters, timeZone: string): boolean {
  return filters.article === undefined && isWholeHourZone(timeZone);
}

/**
 * The filter bar as SQL over a rollup aliased `r`: its time column within `span` (instants for
 * `hour`, UTC days for `day`), and source, language and status (rollups key "none" as 0 / '').
 */
export function rollupWhere(filters: ScopeFilters, span: Span | null, column: "hour" | "day"): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (span && column === "hour")
    conditions.push(Prisma.sql`r.hour >= ${span.from}::timestamptz AND r.hour < ${span.to}::timestamptz`);
  if (span && column === "day")
    conditions.push(
      Prisma.sql`r.day >= (${span.from}::timestamptz AT TIME ZONE 'UTC')::date AND r.day < (${span.to}::timestamptz AT TIME ZONE 'UTC')::date`,
    );
  if (filters.source !== undefined) conditions.push(Prisma.sql`r.source_id = ${filters.source}`);
  if (filters.language) conditions.push(Prisma.sql`r.language = ${filters.language}`);
  if (filters.status) conditions.push(Prisma.sql`r.status = ${filters.status}::moderation_status`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/**
 * CTE `bounds(starts, locals)`: every local bucket's start as an instant (sorted) and as the local
 * timestamp the raw queries' date_trunc gives, over the period or over all the rollup's hours.
 * `width_bucket(r.hour, bounds.starts)` then finds a rollup row's bucket by binary search: no
 * zone conversion per row, and a hash aggregate over a handful of groups.
 */
export function rollupBoundsCte(
  filters: ScopeFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Prisma.Sql {
  const span = period
    ? bucketSpanSql(period, unit, timeZone)
    : Prisma.sql`SELECT date_trunc(${unitSql(unit)}, min(r.hour) AT TIME ZONE ${timeZone}) AS first,
        date_trunc(${unitSql(unit)}, max(r.hour) AT TIME ZONE ${timeZone}) AS last
      FROM comment_hourly_rollup r WHERE ${rollupWhere(filters, null, "hour")}`;
  return Prisma.sql`bounds AS MATERIALIZED (
      SELECT array_agg(b.local AT TIME ZONE ${timeZone} ORDER BY b.local) AS starts,
        array_agg(b.local ORDER BY b.local) AS locals
      FROM (${span}) AS sp CROSS JOIN LATERAL generate_series(sp.first, sp.last, ${intervalSql(unit)}) AS b(local)
    )`;
}
