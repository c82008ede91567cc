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
  /** Of those, comments whose results differ from what they held (the rest only got the version). */
  changed: number;
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

/**
 * One batch's write, one statement: the comments whose results changed get them (a new version
 * of the wide comment row), and every re-classified comment gets the new lexicon version in
 * comment_classification (a heap-only update of a narrow row for comments classified before).
 * A comment deleted since it was read is skipped.
 */
const WRITE_SQL = `WITH changed AS (
   UPDATE comment AS c SET
     language = t.language, insult = t.insult, insult_score = t.insult_score,
     sentiment = t.sentiment::sentiment, sentiment_score = t.sentiment_score,
     stance = t.stance::jsonb, matches = t.matches::jsonb
   FROM unnest($1::int[], $2::text[], $3::bool[], $4::real[], $5::text[], $6::real[], $7::text[], $8::text[])
     AS t(id, language, insult, insult_score, sentiment, sentiment_score, stance, matches)
   WHERE c.id = t.id
 )
 INSERT INTO comment_classification (comment_id, lexicon_version, classified_at)
 SELECT c.id, $10, now() FROM unnest($9::int[]) AS a(id) JOIN comment c ON c.id = a.id
 ON CONFLICT (comment_id) DO UPDATE
   SET lexicon_version = EXCLUDED.lexicon_version, classified_at = EXCLUDED.classified_at`;

/** A comment as read for re-classification: its text and the results it holds now. */
export interface StoredRow {
  id: number;
  body: string;
  language: string | null;
  insult: boolean | null;
  insult_score: number | null;
  sentiment: string | null;
  sentiment_score: number | null;
  stance: unknown;
  matches: unknown;
}

/** Deep equality of JSON values (what a jsonb column holds against what the classifier gave). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    count += 1;
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) count -= 1;
  return count === 0;
}

/** Stored scores are float4: compare at that precision. */
function sameReal(stored: number | null, computed: number): boolean {
  return stored !== null && Math.fround(stored) === Math.fround(computed);
}

/** Whether the stored results are exactly the classifier's new ones. */
export function holdsResult(row: StoredRow, result: ClassifierResult): boolean {
  return (
    row.insult === result.insult &&
    row.sentiment === result.sentiment &&
    row.language === result.language &&
    sameReal(row.insult_score, result.insultScore) &&
    sameReal(row.sentiment_score, result.sentimentScore) &&
    sameJson(row.stance, result.stance) &&
    sameJson(row.matches, result.matches)
  );
}

export async function reclassifyComments(
  lexicon: CompiledLexicon,
  options: ReclassifyOptions = {},
): Promise<ReclassifySummary> {
  const started = performance.now();
  const pool = getPool();
  const classify = classifierForStorage(lexicon);
  const version = lexicon.version;
  const batchSize = options.batchSize ?? BATCH;
  // $1 is the version in every query, so "all" is the same query with the test switched off.
  const stale = options.all ? "$1::text IS NOT NULL" : "v.lexicon_version IS DISTINCT FROM $1";
  // The version table's range condition starts its side of the merge join at the batch, not at
  // its first row (which made every batch scan all the rows before it).
  const from = "comment c LEFT JOIN comment_classification v ON v.comment_id = c.id AND v.comment_id > $2";
  const firstId = options.startAfterId ?? 0;
  const totalRow = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${from} WHERE ${stale} AND c.id > $2`,
    [version, firstId],
  );
  const total = Number(totalRow.rows[0]?.n ?? 0);
  const select = (afterId: number) =>
    pool.query<StoredRow>(
      `SELECT c.id, c.body, c.language, c.insult, c.insult_score, c.sentiment::text AS sentiment,
         c.sentiment_score, c.stance, c.matches
       FROM ${from} WHERE ${stale} AND c.id > $2 ORDER BY c.id LIMIT $3`,
      [version, afterId, batchSize],
    );
  let done = 0;
  let changed = 0;
  let unclassifiable = 0;
  // Up to `writers` batch UPDATEs run at once on their own connections (each is one backend's
  // work in PostgreSQL); progress is recorded strictly in id order, so a resumed run never skips
  // a batch that had not committed.
  const writers = Math.max(1, options.writers ?? 2);
  const inFlight: Promise<void>[] = [];
  let recorded: Promise<void> = Promise.resolve();
  type Rows = { rows: StoredRow[] };
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
    const changedIds: number[] = [];
    const results: ClassifierResult[] = [];
    let refused = 0;
    for (const row of rows) {
      const result = classify(row.body);
      if (!result) refused += 1;
      else {
        ids.push(row.id);
        if (!holdsResult(row, result)) {
          changedIds.push(row.id);
          results.push(result);
        }
      }
    }
    if (inFlight.length >= writers) await inFlight.shift();
    const write =
      ids.length === 0
        ? Promise.resolve()
        : pool
            .query(WRITE_SQL, [
              changedIds,
              results.map((x) => x.language),
              results.map((x) => x.insult),
              results.map((x) => x.insultScore),
              results.map((x) => x.sentiment),
              results.map((x) => x.sentimentScore),
              results.map((x) => JSON.stringify(x.stance)),
              results.map((x) => JSON.stringify(x.matches)),
              ids,
              version,
            ])
            .then(() => undefined);
    const count = rows.length;
    recorded = recorded.then(async () => {
      await write;
      done += count;
      changed += changedIds.length;
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
    changed,
    unclassifiable,
    seconds: (performance.now() - started) / 1000,
  };
}
