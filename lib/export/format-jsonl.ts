import type { ExportRecord } from "./shape-export-record.ts";

/**
 * The JSONL lines for one record. Per comment: the record as is, labels as a nested array.
 * Per annotator: one line per label, the record's fields plus that label under `label`.
 */
export function jsonlLines(record: ExportRecord, rows: "comment" | "annotator"): string {
  if (rows === "comment") return `${JSON.stringify(record)}\n`;
  let out = "";
  const { labels, ...rest } = record;
  for (const label of labels) out += `${JSON.stringify({ ...rest, label })}\n`;
  return out;
}
