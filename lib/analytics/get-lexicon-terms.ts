import "server-only";
import { ABUSIVE_CATEGORIES, SUPPRESSING_RULES } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { commentScope } from "./comment-scope-sql.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { Period } from "./resolve-range.ts";
import { rollupServes, rollupWhere } from "./rollup-sql.ts";
import type { LexiconCategoryRow, LexiconTermRow } from "./shape-lexicon-terms.ts";
import { type Span, splitUtcDays } from "./utc-days.ts";

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
  humanAnswers: number;
  humanInsults: number;
}

/**
 * The most frequent counted lexicon matches (suppressed matches — negated, quoted, reported,
 * literal — left out) and the totals per category, in one query. Counts come from the daily term
 * rollup for the period's whole UTC days plus `comment` for its partial first and last days (or
 * `comment` alone with an article filter). Each top term also gets the moderators' insult answers
 * on the comments it matched (comment_label), for its precision according to humans.
 * The SQL of `getLexiconTerms`, exported for the benchmark's EXPLAIN and the tests.
 */
export function lexiconTermsSql(
  filters: AnalyticsFilters,
  period: Period | null,
  useRollup = rollupServes(filters, "UTC"),
): Prisma.Sql {
  const categories = Prisma.join(CHARTED_CATEGORIES.map((category) => Prisma.sql`${category}`));
  const suppressing = Prisma.join(SUPPRESSING_RULES.map((rule) => Prisma.sql`${rule}`));
  const counted = Prisma.sql`e->>'category' IN (${categories})
        AND (e->>'rule' IS NULL OR e->>'rule' NOT IN (${suppressing}))`;
  const raw = (span: Span | null) => {
    const scope = commentScope(filters, span);
    return Prisma.sql`
      SELECT e->>'term' AS term, e->>'category' AS category, count(*)::int AS matches,
        count(DISTINCT c.id)::int AS comments, count(DISTINCT c.id) FILTER (WHERE c.insult)::int AS flagged
      FROM comment c ${scope.join}
      CROSS JOIN LATERAL jsonb_array_elements(c.matches) AS e
      WHERE c.matches IS NOT NULL AND jsonb_typeof(c.matches) = 'array' AND ${scope.where} AND ${counted}
      GROUP BY 1, 2`;
  };
  const parts: Prisma.Sql[] = [];
  if (!useRollup) {
    parts.push(raw(period));
  } else {
    const { days, edges } = period ? splitUtcDays(period) : { days: null, edges: [] };
    if (!period || days)
      parts.push(Prisma.sql`
      SELECT r.term, r.category, sum(r.matches)::int AS matches, sum(r.comments)::int AS comments,
        sum(r.flagged)::int AS flagged
      FROM comment_daily_term_rollup r
      WHERE ${rollupWhere(filters, days, "day")} AND r.category IN (${categories})
      GROUP BY 1, 2`);
    for (const edge of edges) parts.push(raw(edge));
  }
  const labelScope = commentScope(filters, period);
  return Prisma.sql`
    WITH t AS MATERIALIZED (
      SELECT term, category, sum(matches)::int AS matches, sum(comments)::int AS comments,
        sum(flagged)::int AS flagged
      FROM (${Prisma.join(parts, " UNION ALL ")}) AS parts
      GROUP BY term, category
      HAVING sum(matches) > 0
    ), top AS (
      SELECT * FROM t ORDER BY matches DESC, term LIMIT ${TOP_TERMS}
    ), human AS (
      SELECT e.term, e.category, count(*)::int AS answers,
        count(*) FILTER (WHERE l.insult)::int AS insults
      FROM comment_label l JOIN comment c ON c.id = l.comment_id ${labelScope.join}
      CROSS JOIN LATERAL (
        SELECT DISTINCT x->>'term' AS term, x->>'category' AS category
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.matches) = 'array' THEN c.matches END) AS x
        WHERE (x->>'rule' IS NULL OR x->>'rule' NOT IN (${suppressing}))
      ) AS e
      WHERE l.insult IS NOT NULL AND ${labelScope.where}
        AND (e.term, e.category) IN (SELECT term, category FROM top)
      GROUP BY 1, 2
    )
    (SELECT 'term' AS kind, top.term, top.category, top.matches, top.comments, top.flagged,
       coalesce(human.answers, 0) AS "humanAnswers", coalesce(human.insults, 0) AS "humanInsults"
     FROM top LEFT JOIN human USING (term, category) ORDER BY top.matches DESC, top.term)
    UNION ALL
    (SELECT 'category', NULL, category, sum(matches)::int, sum(comments)::int, 0, 0, 0
     FROM t GROUP BY category ORDER BY category)`;
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
        humanAnswers: row.humanAnswers,
        humanInsults: row.humanInsults,
      })),
    categories: rows
      .filter((row) => row.kind === "category")
      .map((row) => ({ category: row.category, matches: row.matches, termComments: row.comments })),
  };
}
