import "server-only";
import pg from "pg";
import { buildExportCopyQuery } from "./build-export-copy-query.ts";
import { buildExportQuery } from "./build-export-query.ts";
import { copyExportLines } from "./copy-export-lines.ts";
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

/**
 * The CSV or JSONL export as UTF-8 chunks, each ending at a row boundary: header first (CSV,
 * with the optional BOM), then the rows; memory holds one chunk whatever the export's size.
 * Without `keep`, PostgreSQL returns the cells through COPY and copyExportLines writes the
 * bytes (the fast path); with it (the HF writer's splits), rows come through a cursor and are
 * shaped into records here (the reference path, which the preview shares).
 */
export async function* writeExport(options: ExportOptions, run: ExportRun): AsyncGenerator<Buffer> {
  const format = options.format === "csv" ? "csv" : "jsonl";
  const columns = exportColumns(options.rows);
  const written = run.written ?? { rows: 0 };
  if (format === "csv") yield Buffer.from(`${options.bom ? "\ufeff" : ""}${csvHeader(columns)}`, "utf8");
  if (!run.keep) {
    const names = new Map<string, string>();
    const annotatorName =
      options.annotators === "id"
        ? (userId: string) => userId
        : (userId: string) => {
            let name = names.get(userId);
            if (name === undefined) {
              name = pseudonymiseAnnotator(userId, run.salt);
              names.set(userId, name);
            }
            return name;
          };
    const query = buildExportCopyQuery(options, run.viewerId, pg.escapeLiteral);
    const base = written.rows;
    yield* copyExportLines(query, format, {
      annotatorName,
      signal: run.signal,
      onRows: (rows) => {
        written.rows = base + rows;
        run.onProgress?.(written.rows);
      },
    });
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
    if (chunk !== "") yield Buffer.from(chunk, "utf8");
  }
}
