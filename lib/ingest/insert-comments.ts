import "server-only";
import type { ClassifierResult } from "../classifier/index.ts";
import type { Db } from "../db/client.ts";
import { foldSearchText } from "../search/fold-search-text.ts";
import { LONG_WORD_MARKER, searchWords } from "../search/search-words.ts";

export interface CommentInsert {
  articleId: number;
  position: number;
  title: string | null;
  author: string | null;
  body: string;
  bodyHash: string;
  postedAt: Date | null;
  ingestRunId: number | null;
  classification: ClassifierResult | null;
}

/** A Prisma transaction, or a pg client/pool: bulk paths pass pg, where large arrays are cheap. */
type Tx =
  | Pick<Db, "$queryRawUnsafe">
  | { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> };

async function query(tx: Tx, sql: string, params: unknown[]): Promise<{ inserted: number }[]> {
  if ("query" in tx) return (await tx.query(sql, params)).rows as { inserted: number }[];
  return tx.$queryRawUnsafe<{ inserted: number }[]>(sql, ...params);
}

/**
 * Words an ingest run has already put in the search dictionary (search_word), so that each batch
 * sends only words it may be the first to store. A word is added once the batch that stored it
 * has committed: a batch that failed leaves its words to the next one. Bounded: past `limit`
 * words it starts afresh (a forgotten word is only sent again, ON CONFLICT skips it).
 */
export class KnownWords {
  private words = new Set<string>();
  constructor(private readonly limit = 100_000) {}
  has(word: string): boolean {
    return this.words.has(word);
  }
  addAll(words: readonly string[]): void {
    if (this.words.size + words.length > this.limit) this.words = new Set();
    for (const word of words) this.words.add(word);
  }
}

/**
 * Inserts comments in one multi-row statement (arrays through unnest: about ten times faster
 * than one insert per row). A comment whose body hash is already stored is skipped; the result
 * is how many rows were inserted, so the caller can count the duplicates. Classified comments
 * get their lexicon version row (comment_classification) in the same statement, and the words of
 * their search text join the search dictionary (search_word): the distinct words of the batch,
 * less those `knownWords` says a committed batch of the same run stored already. Pass
 * `knownWords` only with a pool or client outside a transaction, where the statement commits by
 * itself: inside a transaction that may still roll back, the words would be remembered too early.
 */
export async function insertComments(
  tx: Tx,
  rows: CommentInsert[],
  knownWords?: KnownWords,
): Promise<number> {
  if (rows.length === 0) return 0;
  const versions = new Set(rows.flatMap((r) => (r.classification ? [r.classification.lexiconVersion] : [])));
  if (versions.size > 1)
    throw new Error(`insertComments: one lexicon version per call, got ${[...versions].join(", ")}`);
  const [version = null] = versions;
  const batchWords = new Set<string>();
  // One JSON document for the whole batch: JSON.stringify and PostgreSQL's JSON parser are native
  // code, several times cheaper than pg's per-element escaping of twenty parameter arrays.
  const batch = JSON.stringify(
    rows.map((r) => {
      const c = r.classification;
      const searchText = foldSearchText(r.title === null ? r.body : `${r.title} ${r.body}`);
      const words = searchWords(searchText);
      for (const word of words) if (word !== LONG_WORD_MARKER && !knownWords?.has(word)) batchWords.add(word);
      return {
        a: r.articleId,
        p: r.position,
        t: r.title,
        u: r.author,
        b: r.body,
        h: r.bodyHash,
        d: r.postedAt,
        r: r.ingestRunId,
        l: c?.language ?? null,
        i: c?.insult ?? null,
        is: c?.insultScore ?? null,
        s: c?.sentiment ?? null,
        ss: c?.sentimentScore ?? null,
        st: c?.stance ?? null,
        m: c?.matches ?? null,
        q: searchText,
        w: words,
      };
    }),
  );
  // Sorted, so that two batches storing the same new words take their locks in the same order.
  const newWords = [...batchWords].sort();
  // The classified comments' version rows and new dictionary words go in in the same statement.
  const result = await query(
    tx,
    `WITH inserted AS (
       INSERT INTO comment (article_id, position, title, author, body, body_hash, posted_at, ingest_run_id,
          language, insult, insult_score, sentiment, sentiment_score, stance, matches, search_text, search_words)
       SELECT t.a, t.p, t.t, t.u, t.b, t.h, t.d, t.r, t.l, t.i, t."is", t.s::sentiment, t.ss, t.st, t.m, t.q, t.w
       FROM json_to_recordset($1::json) AS t(a int, p int, t text, u text, b text, h text, d timestamptz, r int,
          l text, i bool, "is" real, s text, ss real, st jsonb, m jsonb, q text, w text[])
       ON CONFLICT (body_hash) DO NOTHING
       RETURNING id, insult IS NOT NULL AS classified
     ), versioned AS (
       INSERT INTO comment_classification (comment_id, lexicon_version, classified_at)
       SELECT id, $2, $3::timestamptz FROM inserted WHERE classified AND $2::text IS NOT NULL
     ), dictionary AS (
       INSERT INTO search_word (word)
       SELECT unnest($4::text[])
       ON CONFLICT (word) DO NOTHING
     )
     SELECT count(*)::int AS inserted FROM inserted`,
    [batch, version, new Date(), newWords],
  );
  knownWords?.addAll(newWords);
  return result[0]?.inserted ?? 0;
}
