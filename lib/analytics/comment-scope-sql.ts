import "server-only";
import { Prisma } from "../db/generated/client.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { BucketUnit, Period } from "./resolve-range.ts";

/** A comment's date: when the reader posted it where the input says so, else when it was ingested. */
export const COMMENT_DATE = Prisma.raw("coalesce(c.posted_at, c.ingested_at)");

/** Only these reach SQL as text; they come from `BucketUnit`, never from the request. */
const UNIT_SQL: Record<BucketUnit, Prisma.Sql> = {
  day: Prisma.raw("'day'"),
  week: Prisma.raw("'week'"),
  month: Prisma.raw("'month'"),
};
const INTERVAL_SQL: Record<BucketUnit, Prisma.Sql> = {
  day: Prisma.raw("interval '1 day'"),
  week: Prisma.raw("interval '1 week'"),
  month: Prisma.raw("interval '1 month'"),
};

export function unitSql(unit: BucketUnit): Prisma.Sql {
  return UNIT_SQL[unit];
}

export function intervalSql(unit: BucketUnit): Prisma.Sql {
  return INTERVAL_SQL[unit];
}

/** The local (wall-clock) bucket a comment falls in: `date_trunc(unit, date AT TIME ZONE tz)`. */
export function localBucketSql(unit: BucketUnit, timeZone: string): Prisma.Sql {
  return Prisma.sql`date_trunc(${unitSql(unit)}, ${COMMENT_DATE} AT TIME ZONE ${timeZone})`;
}

export interface CommentScope {
  /** `JOIN article a …` when a filter needs the article, else nothing. */
  join: Prisma.Sql;
  where: Prisma.Sql;
}

/**
 * The filter bar as SQL over `comment c`. The date test is written per column (posted_at, or
 * ingested_at where posted_at is null) so PostgreSQL can use both columns' indexes.
 */
export function commentScope(
  filters: Pick<AnalyticsFilters, "source" | "article" | "language" | "status">,
  period: Pick<Period, "from" | "to"> | null,
  options: { alwaysJoinArticle?: boolean } = {},
): CommentScope {
  const conditions: Prisma.Sql[] = [];
  if (period) {
    conditions.push(Prisma.sql`((c.posted_at >= ${period.from}::timestamptz AND c.posted_at < ${period.to}::timestamptz)
      OR (c.posted_at IS NULL AND c.ingested_at >= ${period.from}::timestamptz AND c.ingested_at < ${period.to}::timestamptz))`);
  }
  if (filters.source !== undefined) conditions.push(Prisma.sql`a.source_id = ${filters.source}`);
  if (filters.article !== undefined) conditions.push(Prisma.sql`c.article_id = ${filters.article}`);
  if (filters.language) conditions.push(Prisma.sql`c.language = ${filters.language}`);
  if (filters.status) conditions.push(Prisma.sql`c.status = ${filters.status}::moderation_status`);
  const needsArticle = options.alwaysJoinArticle || filters.source !== undefined;
  return {
    join: needsArticle ? Prisma.sql`JOIN article a ON a.id = c.article_id` : Prisma.empty,
    where: conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`,
  };
}

/**
 * The local buckets to show: every bucket of the period (so empty days show as zero), or for all
 * time every bucket between the first and last that has data. `counts` is a CTE with `bucket`.
 */
export function bucketSpanSql(period: Period | null, unit: BucketUnit, timeZone: string): Prisma.Sql {
  if (!period) return Prisma.sql`SELECT min(bucket) AS first, max(bucket) AS last FROM counts`;
  return Prisma.sql`SELECT date_trunc(${unitSql(unit)}, ${period.from}::timestamptz AT TIME ZONE ${timeZone}) AS first,
    date_trunc(${unitSql(unit)}, (${period.to}::timestamptz AT TIME ZONE ${timeZone}) - interval '1 microsecond') AS last`;
}

/**
 * A bucket's bounds as instants, clamped to the period so a drill-down from a partial first or
 * last bucket opens exactly the comments the bar counts.
 */
export function bucketBoundsSql(
  bucket: Prisma.Sql,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Prisma.Sql {
  const start = Prisma.sql`(${bucket} AT TIME ZONE ${timeZone})`;
  const end = Prisma.sql`((${bucket} + ${intervalSql(unit)}) AT TIME ZONE ${timeZone})`;
  if (!period) return Prisma.sql`${start} AS "startsAt", ${end} AS "endsAt"`;
  return Prisma.sql`greatest(${start}, ${period.from}::timestamptz) AS "startsAt", least(${end}, ${period.to}::timestamptz) AS "endsAt"`;
}
