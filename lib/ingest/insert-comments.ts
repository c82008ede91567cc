import "server-only";
import type pg from "pg";
import type { ClassifierResult } from "../classifier/index.ts";
import type { Db } from "../db/client.ts";
import { intArrayLiteral } from "../db/int-array.ts";
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

interface InsertResult {
  inserted: number;
  /** With `lockParents`: the batch's articles and ingest runs that do not exist. */
  no_articles?: number[];
  no_runs?: number[];
}

async function query(tx: Tx, sql: string, params: unknown[]): Promise<InsertResult[]> {
  if ("query" in tx) return (await tx.query(sql, params)).rows as InsertResult[];
  return tx.$queryRawUnsafe<InsertResult[]>(sql, ...params);
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

/** The one statement that stores a batch of comments (see insertComments), and its parameters. */
function insertStatement(
  rows: CommentInsert[],
  knownWords: KnownWords | undefined,
  lockParents = false,
): { sql: string; params: unknown[]; newWords: string[] } {
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
  // With lockParents (the foreign-key checks are off: see insertCommentsBulk) the statement locks
  // the batch's articles and runs as those checks would, and says which of them do not exist.
  const locks = lockParents
    ? `locked_articles AS MATERIALIZED (
         SELECT id FROM article WHERE id = ANY($5::int[]) ORDER BY id FOR KEY SHARE
       ), locked_runs AS MATERIALIZED (
         SELECT id FROM ingest_run WHERE id = ANY($6::int[]) ORDER BY id FOR KEY SHARE
       ), `
    : "";
  const sql = `WITH ${locks}inserted AS (
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
     SELECT (SELECT count(*)::int FROM inserted) AS inserted${
       lockParents
         ? `,
       ARRAY(SELECT DISTINCT x FROM unnest($5::int[]) AS x
              WHERE NOT EXISTS (SELECT 1 FROM locked_articles a WHERE a.id = x) ORDER BY x) AS no_articles,
       ARRAY(SELECT DISTINCT x FROM unnest($6::int[]) AS x
              WHERE NOT EXISTS (SELECT 1 FROM locked_runs r WHERE r.id = x) ORDER BY x) AS no_runs`
         : ""
     }`;
  const params: unknown[] = [batch, version, new Date(), newWords];
  if (lockParents) {
    params.push(
      intArrayLiteral(rows.map((r) => r.articleId)),
      intArrayLiteral(rows.flatMap((r) => (r.ingestRunId === null ? [] : [r.ingestRunId]))),
    );
  }
  return { sql, params, newWords };
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
  const { sql, params, newWords } = insertStatement(rows, knownWords);
  const result = await query(tx, sql, params);
  knownWords?.addAll(newWords);
  return result[0]?.inserted ?? 0;
}

const replicaRoleByPool = new WeakMap<pg.Pool, Promise<boolean>>();

/** Whether this connection's role may set session_replication_role (a superuser, or granted SET). */
async function canSetReplicationRole(pool: pg.Pool): Promise<boolean> {
  const superuser = await pool.query<{ on: boolean }>(`SELECT current_setting('is_superuser') = 'on' AS on`);
  if (superuser.rows[0]?.on) return true;
  try {
    const granted = await pool.query<{ ok: boolean }>(
      `SELECT has_parameter_privilege('session_replication_role', 'SET') AS ok`,
    );
    return granted.rows[0]?.ok === true;
  } catch {
    return false; // PostgreSQL before 15 has no parameter privileges: only superusers may.
  }
}

/**
 * insertComments for a bulk ingest: the same rows stored and counted, with less work for
 * PostgreSQL where the database role allows it. PostgreSQL checks the foreign keys of `comment`
 * (article, ingest run) and of its version row with one query per inserted row each, about 24 µs
 * a comment at a million (measured: 9,576 comments/s with them, 11,255/s without). Here they are
 * switched off for the batch's own transaction (session_replication_role = replica, the
 * setting logical replication applies changes under) and done set-wise in the insert statement instead: it
 * takes the FOR KEY SHARE lock on the batch's distinct articles and runs that the per-row checks
 * would take, so none can be deleted until the batch commits, and a batch naming a missing one is
 * rolled back with `insertComments: no article N`. The analytics rollup triggers are ENABLE
 * ALWAYS (migration bulk_ingest_triggers), so they fire under the replica role too. Without the
 * privilege, or with `replicaRole: false`, it is one autocommitted insertComments. The words are
 * remembered once the batch has committed.
 */
export async function insertCommentsBulk(
  pool: pg.Pool,
  rows: CommentInsert[],
  knownWords: KnownWords,
  options: { replicaRole?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  let replica = options.replicaRole;
  if (replica === undefined) {
    let known = replicaRoleByPool.get(pool);
    if (!known) {
      known = canSetReplicationRole(pool);
      replicaRoleByPool.set(pool, known);
    }
    replica = await known;
  }
  if (!replica) return insertComments(pool, rows, knownWords);
  const { sql, params, newWords } = insertStatement(rows, knownWords, true);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // One round trip for both (a query without parameters may hold several statements).
    await client.query("BEGIN; SET LOCAL session_replication_role = replica");
    try {
      const result = (await client.query<InsertResult>(sql, params)).rows[0] as InsertResult;
      const noArticles = result.no_articles ?? [];
      const noRuns = result.no_runs ?? [];
      if (noArticles.length > 0) throw new Error(`insertComments: no article ${noArticles.join(", ")}`);
      if (noRuns.length > 0) throw new Error(`insertComments: no ingest run ${noRuns.join(", ")}`);
      await client.query("COMMIT");
      knownWords.addAll(newWords);
      return result.inserted;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
