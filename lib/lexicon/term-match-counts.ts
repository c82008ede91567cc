import "server-only";
import { SUPPRESSING_RULES } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { getPool } from "../db/pool.ts";
import { termStatKey } from "./score-lexicon.ts";

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; counts: Map<string, number> }>();

/**
 * Counts every stored comment's counted matches per term (suppressed uses — negated, quoted,
 * reported, literal — left out), keyed by termStatKey. Reads every comment's matches: seconds at
 * a million comments, so the re-classification job runs it once at its end and stores the
 * answer on its publication.
 */
export async function countTermMatches(): Promise<Map<string, number>> {
  const { rows } = await getPool().query<{ term: string; category: string; target: string; n: string }>(
    `SELECT m->>'term' AS term, m->>'category' AS category, coalesce(m->>'target', '') AS target,
            count(DISTINCT c.id) AS n
       FROM comment c CROSS JOIN LATERAL jsonb_array_elements(c.matches) AS m
      WHERE jsonb_typeof(c.matches) = 'array' AND (m->>'rule' IS NULL OR NOT (m->>'rule' = ANY($1::text[])))
      GROUP BY 1, 2, 3`,
    [SUPPRESSING_RULES],
  );
  return new Map(rows.map((r) => [termStatKey(r.term, r.category, r.target || null), Number(r.n)]));
}

/** Stores the counts on a publication (the job's last step). */
export async function storeTermCounts(publicationId: number): Promise<void> {
  const counts = await countTermMatches();
  await getDb().lexiconPublication.update({
    where: { id: publicationId },
    data: {
      termCounts: Object.fromEntries(counts) as Prisma.InputJsonValue,
      termCountsAt: new Date(),
    },
  });
}

/**
 * How many stored comments each term counted in under `version`: what the newest finished
 * re-classification to that version counted, or, for a version no job counted (the shipped files
 * before the first publish), a count made now and kept for five minutes.
 */
export async function termMatchCounts(version: string): Promise<Map<string, number>> {
  const stored = await getDb().lexiconPublication.findFirst({
    where: { lexiconVersion: { version }, termCountsAt: { not: null } },
    orderBy: { id: "desc" },
    select: { termCounts: true },
  });
  const json = stored?.termCounts;
  if (json && typeof json === "object" && !Array.isArray(json)) {
    return new Map(Object.entries(json as Record<string, number>));
  }
  const hit = cache.get(version);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.counts;
  const counts = await countTermMatches();
  cache.set(version, { at: Date.now(), counts });
  return counts;
}
