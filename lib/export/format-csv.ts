import type { CellValue, ExportColumn } from "./export-columns.ts";
import type { ExportRecord } from "./shape-export-record.ts";

/** A cell that a spreadsheet would run as a formula: starts with = + - @, a tab or a CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell: RFC 4180 quoting (fields with a comma, quote or line break in double quotes,
 * quotes doubled) and formula-injection neutralisation: a text cell starting with = + - @, tab
 * or CR gets a leading `'`, which spreadsheets show but never evaluate (OWASP's advice).
 * Numbers are written as numbers, so a negative score stays a number.
 */
export function csvCell(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header line (CRLF-terminated, as RFC 4180 has it). */
export function csvHeader(columns: ExportColumn[]): string {
  return `${columns.map((c) => csvCell(c.name)).join(",")}\r\n`;
}

/** The CSV lines for one record: one line, or one per label in per-annotator mode. */
export function csvLines(
  record: ExportRecord,
  columns: ExportColumn[],
  rows: "comment" | "annotator",
): string {
  if (rows === "comment") return `${columns.map((c) => csvCell(c.get(record, undefined))).join(",")}\r\n`;
  let out = "";
  for (const label of record.labels)
    out += `${columns.map((c) => csvCell(c.get(record, label))).join(",")}\r\n`;
  return out;
}
