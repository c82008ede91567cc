import { buildQueueFilter } from "../moderation/build-queue-filter.ts";
import type { ExportOptions } from "./export-options.ts";

export interface ExportQuery {
  sql: string;
  params: unknown[];
}

/** The columns every export row is built from (lib/export/shape-export-record.ts reads them). */
/** ISO 8601 in UTC as text: cheaper than letting the driver build a Date for every cell. */
export const iso = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The columns every export row is built from (lib/export/shape-export-record.ts reads them). */
const SELECT_COLUMNS = `
  c.id, s.name AS source, a.url AS article_url, a.title AS article_title, c.author, c.title, c.body,
  ${iso("c.posted_at")} AS posted_at, ${iso("c.ingested_at")} AS ingested_at, c.language, c.status,
  CASE WHEN c.status IN ('approved', 'rejected') THEN
    (SELECT ${iso("d.created_at")} FROM comment_decision d WHERE d.comment_id = c.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1)
  END AS decided_at,
  c.insult, c.insult_score, c.sentiment, c.stance, c.matches, v.lexicon_version, ${iso("v.classified_at")} AS classified_at,
  (SELECT json_agg(json_build_object('user_id', l.user_id, 'role', u.role, 'insult', l.insult,
          'sentiment', l.sentiment, 'stance', l.stance, 'labelled_at', ${iso("l.updated_at")}) ORDER BY l.user_id)
     FROM comment_label l JOIN "user" u ON u.id = l.user_id WHERE l.comment_id = c.id) AS labels`;

/**
 * The export's SELECT: the moderation queue's WHERE clause (buildQueueFilter, so a filter means
 * the same rows in the queue and in the export) plus labelled-only and decided-only, in comment
 * id order. Labels come aggregated per comment as JSON, so one cursor pass gives whole rows.
 * "Decided" means approved or rejected (escalated is still open).
 */
export function buildExportQuery(options: ExportOptions, viewerId: string | null = null): ExportQuery {
  const filter = buildQueueFilter(options, viewerId);
  const where = [filter.sql];
  if (options.labelledOnly || options.rows === "annotator")
    where.push("EXISTS (SELECT 1 FROM comment_label l WHERE l.comment_id = c.id)");
  if (options.decidedOnly) where.push("c.status IN ('approved', 'rejected')");
  return {
    sql: `SELECT ${SELECT_COLUMNS}
  FROM comment c JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = a.source_id
  LEFT JOIN comment_classification v ON v.comment_id = c.id
 WHERE ${where.join(" AND ")}
 ORDER BY c.id`,
    params: filter.params,
  };
}

/** How many comments an export covers (`rows=annotator` counts labels instead). */
export function buildExportCountQuery(options: ExportOptions, viewerId: string | null = null): ExportQuery {
  const { sql, params } = buildExportQuery(options, viewerId);
  const from = sql.slice(sql.indexOf("\n  FROM comment c"), sql.lastIndexOf("\n ORDER BY"));
  const count =
    options.rows === "annotator"
      ? `SELECT count(*)::int AS n FROM comment_label l WHERE l.comment_id IN (SELECT c.id${from})`
      : `SELECT count(*)::int AS n${from}`;
  return { sql: count, params };
}
