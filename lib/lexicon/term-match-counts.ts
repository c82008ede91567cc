import "server-only";
import { SUPPRESSING_RULES } from "../classifier/index.ts";
import { getPool } from "../db/pool.ts";
import { termStatKey } from "./score-lexicon.ts";

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; counts: Map<string, number> }>();

/**
 * How many stored comments each term counted in (suppressed uses — negated, quoted, reported,
 * literal — left out), keyed by termStatKey. It reads every comment's matches, so the answer is
 * kept for five minutes per published version.
 */
export async function termMatchCounts(version: string): Promise<Map<string, number>> {
  const hit = cache.get(version);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.counts;
  const { rows } = await getPool().query<{ term: string; category: string; target: string; n: string }>(
    `SELECT m->>'term' AS term, m->>'category' AS category, coalesce(m->>'target', '') AS target,
            count(DISTINCT c.id) AS n
       FROM comment c CROSS JOIN LATERAL jsonb_array_elements(c.matches) AS m
      WHERE jsonb_typeof(c.matches) = 'array' AND (m->>'rule' IS NULL OR NOT (m->>'rule' = ANY($1::text[])))
      GROUP BY 1, 2, 3`,
    [SUPPRESSING_RULES],
  );
  const counts = new Map(rows.map((r) => [termStatKey(r.term, r.category, r.target || null), Number(r.n)]));
  cache.set(version, { at: Date.now(), counts });
  return counts;
}

/** Forget the counts (after a re-classification finished, so the page shows fresh figures). */
export function forgetTermMatchCounts(): void {
  cache.clear();
}
