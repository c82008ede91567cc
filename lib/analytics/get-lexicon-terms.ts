import "server-only";
import { ABUSIVE_CATEGORIES, SUPPRESSING_RULES } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { commentScope } from "./comment-scope-sql.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { Period } from "./resolve-range.ts";
import type { LexiconCategoryRow, LexiconTermRow } from "./shape-lexicon-terms.ts";

export const TOP_TERMS = 15;

/** Categories that carry meaning on their own (not negators, intensifiers and other modifiers). */
export const CHARTED_CATEGORIES = [...ABUSIVE_CATEGORIES, "positive", "negative", "stance"] as const;

interface TermRow {
  kind: "term" | "category";
  term: string | null;
  category: string;
  matches: number;
  comments: number;
  flagged: number;
}

/**
 * The most frequent counted lexicon matches (suppressed matches — negated, quoted, reported,
 * literal — left out) and the totals per category, in one query.
 * The SQL of `getLexiconTerms`, exported for the benchmark's EXPLAIN.
 */
export function lexiconTermsSql(filters: AnalyticsFilters, period: Period | null): Prisma.Sql {
  const scope = commentScope(filters, period);
  const categories = Prisma.join(CHARTED_CATEGORIES.map((category) => Prisma.sql`${category}`));
  const suppressing = Prisma.join(SUPPRESSING_RULES.map((rule) => Prisma.sql`${rule}`));
  return Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT c.id, c.insult, e->>'term' AS term, e->>'category' AS category
      FROM comment c ${scope.join}
      CROSS JOIN LATERAL jsonb_array_elements(c.matches) AS e
      WHERE c.matches IS NOT NULL AND jsonb_typeof(c.matches) = 'array' AND ${scope.where}
        AND e->>'category' IN (${categories})
        AND (e->>'rule' IS NULL OR e->>'rule' NOT IN (${suppressing}))
    )
    (SELECT 'term' AS kind, term, category, count(*)::int AS matches,
       count(DISTINCT id)::int AS comments, count(DISTINCT id) FILTER (WHERE insult)::int AS flagged
     FROM m GROUP BY term, category ORDER BY matches DESC, term LIMIT ${TOP_TERMS})
    UNION ALL
    (SELECT 'category', NULL, category, count(*)::int, count(DISTINCT id)::int, 0 FROM m GROUP BY category)`;
}

export async function getLexiconTerms(
  filters: AnalyticsFilters,
  period: Period | null,
): Promise<{ terms: LexiconTermRow[]; categories: LexiconCategoryRow[] }> {
  const sql = lexiconTermsSql(filters, period);
  const rows = await getDb().$queryRaw<TermRow[]>(sql);
  return {
    terms: rows
      .filter((row) => row.kind === "term" && row.term !== null)
      .map((row) => ({
        term: row.term ?? "",
        category: row.category,
        matches: row.matches,
        comments: row.comments,
        flagged: row.flagged,
      })),
    categories: rows
      .filter((row) => row.kind === "category")
      .map((row) => ({ category: row.category, matches: row.matches, comments: row.comments })),
  };
}
