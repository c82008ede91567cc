import "server-only";
import { getPool } from "../db/pool.ts";
import { buildQueueFilter } from "./build-queue-filter.ts";
import { decodeCursor, encodeCursor, keysetSql, type QueueCursor } from "./queue-cursor.ts";
import { type CommentStatus, DEFAULT_PAGE_SIZE, type QueueParams } from "./queue-params.ts";

export interface QueueRow {
  id: number;
  status: CommentStatus;
  version: number;
  title: string | null;
  /** The first 280 characters of the body. */
  excerpt: string;
  author: string | null;
  postedAt: Date | null;
  insult: boolean | null;
  insultScore: number | null;
  sentiment: "positive" | "negative" | "neutral" | null;
  stance: Record<string, "favor" | "against">;
  language: string | null;
  articleId: number;
  articleTitle: string;
  sourceName: string | null;
  labelCount: number;
}

export interface QueuePage {
  data: QueueRow[];
  pageSize: number;
  /** Cursors for the next and previous pages; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

interface RawRow {
  id: number;
  status: CommentStatus;
  version: number;
  title: string | null;
  excerpt: string;
  author: string | null;
  posted_at: Date | null;
  insult: boolean | null;
  insult_score: number | null;
  sentiment: QueueRow["sentiment"];
  stance: Record<string, "favor" | "against"> | null;
  language: string | null;
  article_id: number;
  article_title: string;
  source_name: string | null;
  label_count: number;
  sort_value: string | null;
}

const SORT_VALUE: Record<QueueParams["sort"], string> = {
  id: "c.id::text",
  postedAt: "to_char(c.posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')",
  insultScore: "c.insult_score::text",
};

/** The page query itself, for listQueue and for EXPLAIN in bench/queue. */
export function queuePageQuery(
  params: QueueParams,
  viewerId: string,
): { sql: string; values: unknown[]; backwards: boolean; cursor: QueueCursor | null; dir: "asc" | "desc" } {
  const pageSize = params.size ?? DEFAULT_PAGE_SIZE;
  const backwards = params.before !== undefined && params.after === undefined;
  const cursor = decodeCursor(backwards ? params.before : params.after, params.sort);
  const dir = backwards ? (params.dir === "desc" ? "asc" : "desc") : params.dir;
  const filter = buildQueueFilter(params, viewerId);
  const keyset = keysetSql(params.sort, dir, cursor, filter.params.length + 1);
  const limit = filter.params.length + keyset.params.length + 1;
  const sql = `
    WITH page AS (
      SELECT c.id, c.status, c.version, c.title, left(c.body, 280) AS excerpt, c.author, c.posted_at,
             c.insult, c.insult_score, c.sentiment, c.stance, c.language, c.article_id,
             ${SORT_VALUE[params.sort]} AS sort_value
        FROM comment c
       WHERE ${filter.sql} AND ${keyset.where}
       ORDER BY ${keyset.orderBy}
       LIMIT $${limit}
    )
    SELECT page.*, a.title AS article_title, s.name AS source_name,
           (SELECT count(*)::int FROM comment_label l WHERE l.comment_id = page.id) AS label_count
      FROM page JOIN article a ON a.id = page.article_id LEFT JOIN source s ON s.id = a.source_id`;
  return { sql, values: [...filter.params, ...keyset.params, pageSize + 1], backwards, cursor, dir };
}

/**
 * One page of the queue, by keyset (no OFFSET: a deep page costs what the first does). The
 * article and label count are looked up only for the page's rows.
 */
export async function listQueue(params: QueueParams, viewerId: string): Promise<QueuePage> {
  const pageSize = params.size ?? DEFAULT_PAGE_SIZE;
  const { sql, values, backwards, cursor, dir } = queuePageQuery(params, viewerId);
  const { rows } = await getPool().query<RawRow>(sql, values);
  // The outer join does not keep the inner order: restore it from the keyset.
  const ordered = sortRows(rows, params.sort, dir);
  const more = ordered.length > pageSize;
  const pageRows = ordered.slice(0, pageSize);
  if (backwards) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  const toCursor = (row: RawRow): string =>
    encodeCursor({ value: row.sort_value, id: row.id } satisfies QueueCursor);
  const hasNext = backwards ? cursor !== null : more;
  const hasPrev = backwards ? more : cursor !== null;
  return {
    data: pageRows.map(toQueueRow),
    pageSize,
    nextCursor: hasNext && last ? toCursor(last) : null,
    prevCursor: hasPrev && first ? toCursor(first) : null,
  };
}

function sortRows(rows: RawRow[], sort: QueueParams["sort"], dir: "asc" | "desc"): RawRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const value = (row: RawRow): number | null =>
    sort === "id" ? row.id : sort === "postedAt" ? (row.posted_at?.getTime() ?? null) : row.insult_score;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return sign; // nulls are largest
      if (vb === null) return -sign;
      return sign * (va - vb);
    }
    return sign * (a.id - b.id);
  });
}

function toQueueRow(row: RawRow): QueueRow {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    title: row.title,
    excerpt: row.excerpt,
    author: row.author,
    postedAt: row.posted_at,
    insult: row.insult,
    insultScore: row.insult_score,
    sentiment: row.sentiment,
    stance: row.stance ?? {},
    language: row.language,
    articleId: row.article_id,
    articleTitle: row.article_title,
    sourceName: row.source_name,
    labelCount: row.label_count,
  };
}
