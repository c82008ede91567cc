import "server-only";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { commentScope } from "./comment-scope-sql.ts";
import type { AnalyticsFilters, InsultSort } from "./filters.ts";
import type { Period } from "./resolve-range.ts";
import type { InsultRateRow } from "./shape-insult-rates.ts";

export const TOP_ARTICLES = 10;
export const TOP_SOURCES = 20;

const ORDER_SQL: Record<InsultSort, Prisma.Sql> = {
  rate: Prisma.raw("insults::float8 / nullif(classified, 0) DESC NULLS LAST, insults DESC, id"),
  insults: Prisma.raw("insults DESC, comments DESC, id"),
  comments: Prisma.raw("comments DESC, insults DESC, id"),
};

/**
 * Comments, classified comments and insults per source and for the top articles by the chosen
 * sort, in one query: comments are counted per article first, then rolled up to sources.
 * The SQL of `getInsultRates`, exported for the benchmark's EXPLAIN.
 */
export function insultRatesSql(filters: AnalyticsFilters, period: Period | null): Prisma.Sql {
  const scope = commentScope(filters, period);
  const order = ORDER_SQL[filters.insultSort];
  return Prisma.sql`
    WITH per_article AS (
      SELECT c.article_id,
        count(*)::int AS comments,
        count(c.insult)::int AS classified,
        count(*) FILTER (WHERE c.insult)::int AS insults
      FROM comment c ${scope.join}
      WHERE ${scope.where}
      GROUP BY c.article_id
    ), by_source AS (
      SELECT a.source_id AS id, src.name,
        sum(p.comments)::int AS comments, sum(p.classified)::int AS classified, sum(p.insults)::int AS insults
      FROM per_article p JOIN article a ON a.id = p.article_id LEFT JOIN source src ON src.id = a.source_id
      GROUP BY a.source_id, src.name
    ), by_article AS (
      SELECT p.article_id AS id, a.title AS name, p.comments, p.classified, p.insults
      FROM per_article p JOIN article a ON a.id = p.article_id
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
