import "server-only";
import { getPool } from "../db/pool.ts";
import { buildExportQuery } from "./build-export-query.ts";
import { exportColumns } from "./export-columns.ts";
import type { ExportOptions } from "./export-options.ts";
import { type ExportRecord, shapeExportRecord } from "./shape-export-record.ts";
import type { RawExportRow } from "./stream-export-rows.ts";

export interface ExportPreview {
  columns: string[];
  /** The first rows exactly as the CSV would write them, before quoting. */
  rows: (string | number | boolean | null)[][];
}

function cell(value: unknown): string | number | boolean | null {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.stringify(value);
}

/** The first `limit` rows of the export, in its columns, for the export page. */
export async function previewExportRows(
  options: ExportOptions,
  context: { viewerId: string | null; salt: string; limit?: number },
): Promise<ExportPreview> {
  const limit = context.limit ?? 10;
  const { sql, params } = buildExportQuery(options, context.viewerId);
  const result = await getPool().query<RawExportRow>(
    `${sql} LIMIT ${Math.max(1, Math.min(limit, 100))}`,
    params,
  );
  const columns = exportColumns(options.rows);
  const records: ExportRecord[] = result.rows.map((row) =>
    shapeExportRecord(row, { annotators: options.annotators, salt: context.salt }),
  );
  const rows = records.flatMap((record) =>
    options.rows === "comment"
      ? [columns.map((c) => cell(c.get(record, undefined)))]
      : record.labels.map((label) => columns.map((c) => cell(c.get(record, label)))),
  );
  return { columns: columns.map((c) => c.name), rows: rows.slice(0, limit) };
}
