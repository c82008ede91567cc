import "server-only";
import type { CompiledLexicon } from "../classifier/index.ts";
import { getPool } from "../db/pool.ts";
import { classifierForStorage } from "./classify-for-storage.ts";

export interface ReclassifyProgress {
  done: number;
  total: number;
  seconds: number;
}

export interface ReclassifySummary {
  lexiconVersion: string;
  reclassified: number;
  /** Texts the classifier refused (empty, over its limit): left unclassified. */
  unclassifiable: number;
  seconds: number;
}

const BATCH = 2_000;

/**
 * Re-classifies every comment whose stored lexicon version differs from `lexicon`'s, in id
 * order and in batches that each commit on their own. Interrupted, it resumes where it
 * stopped: finished comments already carry the new version.
 */
export async function reclassifyComments(
  lexicon: CompiledLexicon,
  options: { onProgress?: (progress: ReclassifyProgress) => void; all?: boolean } = {},
): Promise<ReclassifySummary> {
  const started = performance.now();
  const pool = getPool();
  const classify = classifierForStorage(lexicon);
  const version = lexicon.version;
  const stale = options.all ? "TRUE" : "lexicon_version IS DISTINCT FROM $1";
  const totalRow = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM comment WHERE ${stale}`,
    options.all ? [] : [version],
  );
  const total = Number(totalRow.rows[0]?.n ?? 0);
  let lastId = 0;
  let done = 0;
  let unclassifiable = 0;
  for (;;) {
    const params = options.all ? [lastId, BATCH] : [version, lastId, BATCH];
    const offset = options.all ? 0 : 1;
    const { rows } = await pool.query<{ id: number; body: string }>(
      `SELECT id, body FROM comment WHERE ${stale} AND id > $${offset + 1} ORDER BY id LIMIT $${offset + 2}`,
      params,
    );
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]?.id ?? lastId;
    const results = rows.map((row) => classify(row.body));
    const ids: number[] = [];
    const r = results.flatMap((result, i) => {
      if (!result) {
        unclassifiable += 1;
        return [];
      }
      ids.push(rows[i]?.id as number);
      return [result];
    });
    await pool.query(
      `UPDATE comment AS c SET
         language = t.language, insult = t.insult, insult_score = t.insult_score,
         sentiment = t.sentiment::sentiment, sentiment_score = t.sentiment_score,
         stance = t.stance::jsonb, matches = t.matches::jsonb,
         lexicon_version = $8, classified_at = now()
       FROM unnest($1::int[], $2::text[], $3::bool[], $4::real[], $5::text[], $6::real[], $7::text[], $9::text[])
         AS t(id, language, insult, insult_score, sentiment, sentiment_score, stance, matches)
       WHERE c.id = t.id`,
      [
        ids,
        r.map((x) => x.language),
        r.map((x) => x.insult),
        r.map((x) => x.insultScore),
        r.map((x) => x.sentiment),
        r.map((x) => x.sentimentScore),
        r.map((x) => JSON.stringify(x.stance)),
        version,
        r.map((x) => JSON.stringify(x.matches)),
      ],
    );
    done += rows.length;
    options.onProgress?.({ done, total, seconds: (performance.now() - started) / 1000 });
  }
  return {
    lexiconVersion: version,
    reclassified: done - unclassifiable,
    unclassifiable,
    seconds: (performance.now() - started) / 1000,
  };
}
