import "server-only";
import type pg from "pg";
import { getPool } from "../db/pool.ts";
import type { ExportQuery } from "./build-export-query.ts";

/** Rows per FETCH: large enough to amortise the round trip, small enough to keep memory flat. */
export const FETCH_SIZE = 5_000;

export interface RawExportRow {
  id: number;
  source: string | null;
  article_url: string | null;
  article_title: string;
  author: string | null;
  title: string | null;
  body: string;
  /** ISO 8601 text in UTC (the query formats timestamps itself). */
  posted_at: string | null;
  ingested_at: string;
  language: string | null;
  status: "pending" | "approved" | "rejected" | "escalated";
  decided_at: string | null;
  insult: boolean | null;
  insult_score: number | null;
  sentiment: "positive" | "negative" | "neutral" | null;
  stance: Record<string, string> | null;
  matches: unknown[] | null;
  lexicon_version: string | null;
  classified_at: string | null;
  labels: RawLabel[] | null;
}

export interface RawLabel {
  user_id: string;
  role: string;
  insult: boolean | null;
  sentiment: "positive" | "negative" | "neutral" | null;
  stance: Record<string, string> | null;
  labelled_at: string;
}

/**
 * Streams the query's rows in batches from a server-side cursor (DECLARE … CURSOR, FETCH n)
 * on one pooled connection inside a read-only REPEATABLE READ transaction, so memory holds one
 * batch whatever the export's size and the export is one consistent snapshot. When `signal`
 * aborts (a cancelled download, a stopped CLI) a running FETCH is cancelled on the server
 * with pg_cancel_backend, the transaction rolled back and the connection released.
 */
export async function* streamExportRows(
  query: ExportQuery,
  options: { signal?: AbortSignal; fetchSize?: number } = {},
): AsyncGenerator<RawExportRow[]> {
  const pool = getPool();
  const client = await pool.connect();
  let pid: number | null = null;
  let fetching = false;
  let broken = false;
  const onAbort = () => {
    if (fetching && pid !== null)
      pool.query("SELECT pg_cancel_backend($1)", [pid]).catch((error: Error) => {
        console.error("export: could not cancel the export query:", error.message);
      });
  };
  options.signal?.addEventListener("abort", onAbort);
  try {
    pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid ?? null;
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`DECLARE raqib_export NO SCROLL CURSOR FOR ${query.sql}`, query.params);
    const fetchSql = `FETCH ${options.fetchSize ?? FETCH_SIZE} FROM raqib_export`;
    for (;;) {
      if (options.signal?.aborted) break;
      fetching = true;
      let result: pg.QueryResult<RawExportRow>;
      try {
        result = await client.query<RawExportRow>(fetchSql);
      } finally {
        fetching = false;
      }
      if (result.rows.length === 0) break;
      yield result.rows;
    }
  } catch (error) {
    if (options.signal?.aborted) return;
    broken = true;
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    try {
      await client.query("ROLLBACK");
    } catch {
      broken = true;
    }
    client.release(broken);
  }
}
