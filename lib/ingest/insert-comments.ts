import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
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

/** A batch's comments as stored, search text and words included, and the words it may add. */
interface PreparedBatch {
  rows: CommentInsert[];
  searchTexts: string[];
  /** Each comment's distinct search words, joined by a space (a word holds no white space). */
  words: string[];
  /** Sorted, so that two batches storing the same new words take their locks in the same order. */
  newWords: string[];
  lexiconVersion: string | null;
}

function prepareBatch(rows: CommentInsert[], knownWords: KnownWords | undefined): PreparedBatch {
  const versions = new Set(rows.flatMap((r) => (r.classification ? [r.classification.lexiconVersion] : [])));
  if (versions.size > 1)
    throw new Error(`insertComments: one lexicon version per call, got ${[...versions].join(", ")}`);
  const [lexiconVersion = null] = versions;
  const batchWords = new Set<string>();
  const searchTexts: string[] = [];
  const words: string[] = [];
  for (const r of rows) {
    const searchText = foldSearchText(r.title === null ? r.body : `${r.title} ${r.body}`);
    const own = searchWords(searchText);
    for (const word of own) if (word !== LONG_WORD_MARKER && !knownWords?.has(word)) batchWords.add(word);
    searchTexts.push(searchText);
    words.push(own.join(" "));
  }
  return { rows, searchTexts, words, newWords: [...batchWords].sort(), lexiconVersion };
}

/** The columns a batch arrives in: a JSON document's keys, or the COPY staging table's columns. */
const BATCH_COLUMNS = `a int, p int, t text, u text, b text, h uuid, d timestamptz, r int, l text, i bool,
  "is" real, s text, ss real, st jsonb, m jsonb, q text, w text`;
/** Per session: a bulk batch is copied into it, stored from it, and it empties at commit. */
const STAGE_TABLE = "raqib_comment_stage";

/**
 * The batch as one JSON document for json_to_recordset. JSON.stringify and PostgreSQL's JSON
 * parser are native code, several times cheaper than pg's per-element escaping of twenty
 * parameter arrays (but see copyBatchText: COPY is cheaper still for PostgreSQL).
 */
function batchJson(batch: PreparedBatch): string {
  return JSON.stringify(
    batch.rows.map((r, n) => {
      const c = r.classification;
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
        q: batch.searchTexts[n],
        w: batch.words[n],
      };
    }),
  );
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIALS = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A value in COPY's text format: `\N` for null, backslash, newline, CR and tab escaped. */
export function copyTextValue(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c] as string) : value;
}

/**
 * The batch in COPY's text format, one line a comment in BATCH_COLUMNS order. PostgreSQL reads it
 * about five times faster than the same rows as JSON through json_to_recordset (measured over
 * 5,000 stored comments: 45 ms against 220 ms), which was a quarter of its work per comment.
 */
function copyBatchText(batch: PreparedBatch): string {
  let text = "";
  batch.rows.forEach((r, n) => {
    const c = r.classification;
    const values = [
      r.articleId,
      r.position,
      r.title,
      r.author,
      r.body,
      r.bodyHash,
      r.postedAt === null ? null : r.postedAt.toISOString(),
      r.ingestRunId,
      c?.language ?? null,
      c?.insult ?? null,
      c?.insultScore ?? null,
      c?.sentiment ?? null,
      c?.sentimentScore ?? null,
      c?.stance == null ? null : JSON.stringify(c.stance),
      c?.matches == null ? null : JSON.stringify(c.matches),
      batch.searchTexts[n] as string,
      batch.words[n] as string,
    ];
    text += `${values.map(copyTextValue).join("\t")}\n`;
  });
  return text;
}

/**
 * The one statement that stores a batch of comments (see insertComments), and its parameters:
 * from a JSON document (`$1`), or from the staging table a COPY filled (source "stage").
 */
function insertStatement(
  batch: PreparedBatch,
  source: "json" | "stage",
  lockParents = false,
): { sql: string; params: unknown[] } {
  const params: unknown[] = source === "json" ? [batchJson(batch)] : [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const rowsSql =
    source === "json" ? `json_to_recordset($1::json) AS t(${BATCH_COLUMNS})` : `${STAGE_TABLE} AS t`;
  const version = param(batch.lexiconVersion);
  const classifiedAt = param(new Date());
  const newWords = param(batch.newWords);
  // The classified comments' version rows and new dictionary words go in in the same statement.
  // With lockParents (the foreign-key checks are off: see insertCommentsBulk) the statement locks
  // the batch's articles and runs as those checks would, and says which of them do not exist.
  const articles = lockParents ? param(intArrayLiteral(batch.rows.map((r) => r.articleId))) : "";
  const runs = lockParents
    ? param(intArrayLiteral(batch.rows.flatMap((r) => (r.ingestRunId === null ? [] : [r.ingestRunId]))))
    : "";
  const locks = lockParents
    ? `locked_articles AS MATERIALIZED (
         SELECT id FROM article WHERE id = ANY(${articles}::int[]) ORDER BY id FOR KEY SHARE
       ), locked_runs AS MATERIALIZED (
         SELECT id FROM ingest_run WHERE id = ANY(${runs}::int[]) ORDER BY id FOR KEY SHARE
       ), `
    : "";
  const sql = `WITH ${locks}inserted AS (
       INSERT INTO comment (article_id, position, title, author, body, body_hash, posted_at, ingest_run_id,
          language, insult, insult_score, sentiment, sentiment_score, stance, matches, search_text, search_words)
       SELECT t.a, t.p, t.t, t.u, t.b, t.h, t.d, t.r, t.l, t.i, t."is", t.s::sentiment, t.ss, t.st, t.m, t.q,
          string_to_array(t.w, ' ')
       FROM ${rowsSql}
       ON CONFLICT (body_hash) DO NOTHING
       RETURNING id, insult IS NOT NULL AS classified
     ), versioned AS (
       INSERT INTO comment_classification (comment_id, lexicon_version, classified_at)
       SELECT id, ${version}, ${classifiedAt}::timestamptz FROM inserted WHERE classified AND ${version}::text IS NOT NULL
     ), dictionary AS (
       INSERT INTO search_word (word)
       SELECT unnest(${newWords}::text[])
       ON CONFLICT (word) DO NOTHING
     )
     SELECT (SELECT count(*)::int FROM inserted) AS inserted${
       lockParents
         ? `,
       ARRAY(SELECT DISTINCT x FROM unnest(${articles}::int[]) AS x
              WHERE NOT EXISTS (SELECT 1 FROM locked_articles a WHERE a.id = x) ORDER BY x) AS no_articles,
       ARRAY(SELECT DISTINCT x FROM unnest(${runs}::int[]) AS x
              WHERE NOT EXISTS (SELECT 1 FROM locked_runs r WHERE r.id = x) ORDER BY x) AS no_runs`
         : ""
     }`;
  return { sql, params };
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
  const batch = prepareBatch(rows, knownWords);
  const { sql, params } = insertStatement(batch, "json");
  const result = await query(tx, sql, params);
  knownWords?.addAll(batch.newWords);
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
 * privilege, or with `replicaRole: false`, PostgreSQL's own checks run. Either way the rows reach
 * PostgreSQL by COPY into a session's temporary staging table, emptied at commit, and are stored
 * from there (see copyBatchText). The words are remembered once the batch has committed.
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
  const batch = prepareBatch(rows, knownWords);
  const { sql, params } = insertStatement(batch, "stage", replica);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    try {
      // One round trip (a query without parameters may hold several statements). The staging
      // table lives as long as the connection; only its first batch creates it.
      await client.query(
        `BEGIN;${replica ? " SET LOCAL session_replication_role = replica;" : ""}
         CREATE TEMP TABLE IF NOT EXISTS ${STAGE_TABLE} (${BATCH_COLUMNS}) ON COMMIT DELETE ROWS`,
      );
      await pipeline(
        Readable.from([copyBatchText(batch)]),
        client.query(copyFrom(`COPY ${STAGE_TABLE} FROM STDIN`)),
      );
      const result = (await client.query<InsertResult>(sql, params)).rows[0] as InsertResult;
      const noArticles = result.no_articles ?? [];
      const noRuns = result.no_runs ?? [];
      if (noArticles.length > 0) throw new Error(`insertComments: no article ${noArticles.join(", ")}`);
      if (noRuns.length > 0) throw new Error(`insertComments: no ingest run ${noRuns.join(", ")}`);
      await client.query("COMMIT");
      knownWords.addAll(batch.newWords);
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
