import "server-only";
import { getPool } from "../db/pool.ts";
import { buildExportLinesQuery } from "./build-export-lines-query.ts";
import { buildExportQuery } from "./build-export-query.ts";
import { exportColumns } from "./export-columns.ts";
import type { ExportOptions } from "./export-options.ts";
import { csvHeader, csvLines } from "./format-csv.ts";
import { jsonlLines } from "./format-jsonl.ts";
import { pseudonymiseAnnotator } from "./pseudonymise-annotator.ts";
import { type ExportRecord, shapeExportRecord } from "./shape-export-record.ts";
import { streamExportRows } from "./stream-export-rows.ts";

export interface ExportRun {
  viewerId: string | null;
  /** The export salt (pseudonymised annotators). */
  salt: string;
  signal?: AbortSignal;
  /** Called after each batch with the rows written so far. */
  onProgress?: (rows: number) => void;
  /** Keeps only the records this returns true for (the HF writer's splits). */
  keep?: (record: ExportRecord) => boolean;
  /** Filled in as the export runs: rows written (lines, not counting the header). */
  written?: { rows: number };
}

/** Every user's export name (their pseudonym): the users table is small, labels are many. */
async function annotatorPseudonyms(salt: string): Promise<Record<string, string>> {
  const users = await getPool().query<{ id: string }>(`SELECT id FROM "user"`);
  return Object.fromEntries(users.rows.map((u) => [u.id, pseudonymiseAnnotator(u.id, salt)]));
}

/**
 * The CSV or JSONL export as text chunks, one per cursor batch: header first (CSV, with the
 * optional BOM), then the rows. Nothing but one batch is held in memory. Without `keep`,
 * PostgreSQL writes the lines (buildExportLinesQuery) and they pass straight through; with it
 * (the HF writer's splits), each row is shaped into a record here.
 */
export async function* writeExport(options: ExportOptions, run: ExportRun): AsyncGenerator<string> {
  const format = options.format === "csv" ? "csv" : "jsonl";
  const columns = exportColumns(options.rows);
  const written = run.written ?? { rows: 0 };
  if (format === "csv") yield `${options.bom ? "\ufeff" : ""}${csvHeader(columns)}`;
  if (!run.keep) {
    const pseudonyms = options.annotators === "pseudonym" ? await annotatorPseudonyms(run.salt) : null;
    const query = buildExportLinesQuery(options, run.viewerId, pseudonyms);
    for await (const batch of streamExportRows<{ line: string }>(query, { signal: run.signal })) {
      let chunk = "";
      for (const row of batch) chunk += row.line;
      written.rows += batch.length;
      run.onProgress?.(written.rows);
      yield chunk;
    }
    return;
  }
  const shape = { annotators: options.annotators, salt: run.salt };
  for await (const batch of streamExportRows(buildExportQuery(options, run.viewerId), {
    signal: run.signal,
  })) {
    let chunk = "";
    for (const row of batch) {
      const record = shapeExportRecord(row, shape);
      if (run.keep && !run.keep(record)) continue;
      chunk += format === "csv" ? csvLines(record, columns, options.rows) : jsonlLines(record, options.rows);
      written.rows += options.rows === "comment" ? 1 : record.labels.length;
    }
    run.onProgress?.(written.rows);
    if (chunk !== "") yield chunk;
  }
}
