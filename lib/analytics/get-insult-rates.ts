import "server-only";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { commentScope } from "./comment-scope-sql.ts";
import type { AnalyticsFilters, InsultSort } from "./filters.ts";
import type { Period } from "./resolve-range.ts";
import { rollupServes, rollupWhere } from "./rollup-sql.ts";
import type { InsultRateRow } from "./shape-insult-rates.ts";
import { type Span, splitUtcDays } from "./utc-days.ts";

export const TOP_ARTICLES = 10;
export const TOP_SOURCES = 20;

const ORDER_SQL: Record<InsultSort, Prisma.Sql> = {
  rate: Prisma.raw("insults::float8 / nullif(classified, 0) DESC NULLS LAST, insults DESC, id"),
  insults: Prisma.raw("insults DESC, comments DESC, id"),
  comments: Prisma.raw("comments DESC, insults DESC, id"),
};

/**
 * Comments, classified comments and insults per source and for the top articles by the chosen
 * sort, in one query: comments are counted per article first, then rolled up to sources. The
 * per-article counts come from the daily article rollup for the period's whole UTC days plus
 * `comment` for its partial first and last days, or from `comment` alone when the rollup cannot
 * answer (an article filter, a zone with half hours).
 * The SQL of `getInsultRates`, exported for the benchmark's EXPLAIN and the tests.
 */
export function insultRatesSql(
  filters: AnalyticsFilters,
  period: Period | null,
  useRollup = rollupServes(filters, "UTC"),
): Prisma.Sql {
  const order = ORDER_SQL[filters.insultSort];
  const raw = (span: Span | null) => {
    const scope = commentScope(filters, span, { alwaysJoinArticle: true });
    return Prisma.sql`
      SELECT c.article_id, a.source_id, count(*)::int AS comments, count(c.insult)::int AS classified,
        count(*) FILTER (WHERE c.insult)::int AS insults
      FROM comment c ${scope.join}
      WHERE ${scope.where}
      GROUP BY c.article_id, a.source_id`;
  };
  let perArticle: Prisma.Sql;
  if (!useRollup) {
    perArticle = raw(period);
  } else {
    const { days, edges } = period ? splitUtcDays(period) : { days: null, edges: [] };
    const parts: Prisma.Sql[] = [];
    if (!period || days)
      parts.push(Prisma.sql`
        SELECT r.article_id, nullif(r.source_id, 0) AS source_id, sum(r.comments)::int AS comments,
          sum(r.classified)::int AS classified, sum(r.insults)::int AS insults
        FROM comment_daily_article_rollup r
        WHERE ${rollupWhere(filters, days, "day")}
        GROUP BY r.article_id, r.source_id`);
    for (const edge of edges) parts.push(raw(edge));
    perArticle =
      parts.length === 1 && edges.length === 0
        ? Prisma.sql`SELECT * FROM (${parts[0] as Prisma.Sql}) AS only_days WHERE comments > 0`
        : Prisma.sql`
      SELECT article_id, source_id, sum(comments)::int AS comments, sum(classified)::int AS classified,
        sum(insults)::int AS insults
      FROM (${Prisma.join(parts, " UNION ALL ")}) AS parts
      GROUP BY article_id, source_id
      HAVING sum(comments) > 0`;
  }
  return Prisma.sql`
    WITH per_article AS (${perArticle}
    ), by_source AS (
      SELECT p.source_id AS id, src.name, p.comments, p.classified, p.insults
      FROM (
        SELECT source_id, sum(comments)::int AS comments, sum(classified)::int AS classified,
          sum(insults)::int AS insults
        FROM per_article GROUP BY source_id
      ) AS p LEFT JOIN source src ON src.id = p.source_id
    ), by_article AS (
      -- The top articles first, then their titles: a join over ten rows, not every article.
      SELECT p.id, a.title AS name, p.comments, p.classified, p.insults
      FROM (
        SELECT article_id AS id, comments, classified, insults FROM per_article
        ORDER BY ${order} LIMIT ${TOP_ARTICLES}
      ) AS p JOIN article a ON a.id = p.id
    )
    (SELECT 'source' AS kind, * FROM by_source ORDER BY ${order} LIMIT ${TOP_SOURCES})
    UNION ALL
    (SELECT 'article' AS kind, * FROM by_article ORDER BY ${order} LIMIT ${TOP_ARTICLES})`;
}

export async function getInsultRates(
  filters: AnalyticsFilters,
  period: Period | null,
): Promise<{ bySource: InsultRateRow[]; byArticle: InsultRateRow[] }> {
  const sql = insultRatesSql(filters, period);
  const rows = await getDb().$queryRaw<(InsultRateRow & { kind: "source" | "article" })[]>(sql);
  const strip = ({ kind: _kind, ...row }: InsultRateRow & { kind: string }): InsultRateRow => row;
  return {
    bySource: rows.filter((row) => row.kind === "source").map(strip),
    byArticle: rows.filter((row) => row.kind === "article").map(strip),
  };
}
