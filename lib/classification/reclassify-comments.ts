import "server-only";
import type { ClassifierResult, CompiledLexicon } from "../classifier/index.ts";
import { getPool } from "../db/pool.ts";
import { classifierForStorage } from "./classify-for-storage.ts";

export interface ReclassifyProgress {
  done: number;
  total: number;
  seconds: number;
}

export interface ReclassifyBatch {
  /** The highest comment id written so far: a resumed run starts after it. */
  lastId: number;
  /** Comments handled by this run so far (unclassifiable ones included). */
  done: number;
  unclassifiable: number;
}

export interface ReclassifySummary {
  lexiconVersion: string;
  reclassified: number;
  /** Texts the classifier refused (empty, over its limit): left unclassified. */
  unclassifiable: number;
  seconds: number;
}

export interface ReclassifyOptions {
  onProgress?: (progress: ReclassifyProgress) => void;
  /** Called after each batch has committed, in order; throwing stops the run (it can resume). */
  onBatch?: (batch: ReclassifyBatch) => Promise<void> | void;
  /** Re-classify comments of the current version too. */
  all?: boolean;
  /** Resume: only comments with a greater id. */
  startAfterId?: number;
  batchSize?: number;
  /** Batch UPDATEs in flight at once (default 2). */
  writers?: number;
}

const BATCH = 5_000;

const UPDATE_SQL = `UPDATE comment AS c SET
   language = t.language, insult = t.insult, insult_score = t.insult_score,
   sentiment = t.sentiment::sentiment, sentiment_score = t.sentiment_score,
   stance = t.stance::jsonb, matches = t.matches::jsonb,
   lexicon_version = $8, classified_at = now()
 FROM unnest($1::int[], $2::text[], $3::bool[], $4::real[], $5::text[], $6::real[], $7::text[], $9::text[])
   AS t(id, language, insult, insult_score, sentiment, sentiment_score, stance, matches)
 WHERE c.id = t.id`;

/**
 * Re-classifies every comment whose stored lexicon version differs from `lexicon`'s, in id
 * order and in batches that each commit on their own (one set-based UPDATE … FROM unnest per
 * batch). Reading the next batch and writing the last one run in the database while this
 * process classifies, so the classifier and PostgreSQL work at the same time. Interrupted, it
 * resumes where it stopped: finished comments already carry the new version, and `startAfterId`
 * skips what a recorded run did.
 */
export async function reclassifyComments(
  lexicon: CompiledLexicon,
  options: ReclassifyOptions = {},
): Promise<ReclassifySummary> {
  const started = performance.now();
  const pool = getPool();
  const classify = classifierForStorage(lexicon);
  const version = lexicon.version;
  const batchSize = options.batchSize ?? BATCH;
  const stale = options.all ? "TRUE" : "lexicon_version IS DISTINCT FROM $1";
  const firstId = options.startAfterId ?? 0;
  const totalRow = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM comment WHERE ${stale} AND id > $${options.all ? 1 : 2}`,
    options.all ? [firstId] : [version, firstId],
  );
  const total = Number(totalRow.rows[0]?.n ?? 0);
  const select = (afterId: number) =>
    pool.query<{ id: number; body: string }>(
      `SELECT id, body FROM comment WHERE ${stale} AND id > $${options.all ? 1 : 2} ORDER BY id LIMIT $${options.all ? 2 : 3}`,
      options.all ? [afterId, batchSize] : [version, afterId, batchSize],
    );
  let done = 0;
  let unclassifiable = 0;
  // Up to `writers` batch UPDATEs run at once on their own connections (each is one backend's
  // work in PostgreSQL); progress is recorded strictly in id order, so a resumed run never skips
  // a batch that had not committed.
  const writers = Math.max(1, options.writers ?? 2);
  const inFlight: Promise<void>[] = [];
  let recorded: Promise<void> = Promise.resolve();
  type Rows = { rows: { id: number; body: string }[] };
  let next: Promise<Rows> = select(firstId);
  next.catch(() => {});
  for (;;) {
    const { rows } = await next;
    if (rows.length === 0) break;
    const lastId = rows[rows.length - 1]?.id ?? firstId;
    // The next read runs in the database while this batch is classified.
    next = rows.length < batchSize ? Promise.resolve({ rows: [] }) : select(lastId);
    next.catch(() => {});
    const ids: number[] = [];
    const results: ClassifierResult[] = [];
    let refused = 0;
    for (const row of rows) {
      const result = classify(row.body);
      if (!result) refused += 1;
      else {
        ids.push(row.id);
        results.push(result);
      }
    }
    if (inFlight.length >= writers) await inFlight.shift();
    const write =
      ids.length === 0
        ? Promise.resolve()
        : pool
            .query(UPDATE_SQL, [
              ids,
              results.map((x) => x.language),
              results.map((x) => x.insult),
              results.map((x) => x.insultScore),
              results.map((x) => x.sentiment),
              results.map((x) => x.sentimentScore),
              results.map((x) => JSON.stringify(x.stance)),
              version,
              results.map((x) => JSON.stringify(x.matches)),
            ])
            .then(() => undefined);
    const count = rows.length;
    recorded = recorded.then(async () => {
      await write;
      done += count;
      unclassifiable += refused;
      await options.onBatch?.({ lastId, done, unclassifiable });
      options.onProgress?.({ done, total, seconds: (performance.now() - started) / 1000 });
    });
    // A failed write or progress record stops the run before more is read.
    recorded.catch(() => {});
    inFlight.push(recorded);
  }
  await Promise.allSettled(inFlight);
  await recorded;
  return {
    lexiconVersion: version,
    reclassified: done - unclassifiable,
    unclassifiable,
    seconds: (performance.now() - started) / 1000,
  };
}
