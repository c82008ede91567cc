import { z } from "zod";
import { queueFilterSchema, searchParamsRecord } from "../moderation/queue-params.ts";

export const EXPORT_FORMATS = ["csv", "jsonl", "hf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const flag = z
  .union([z.boolean(), z.enum(["yes", "no", "true", "false", "1", "0"])])
  .transform((v) => v === true || v === "yes" || v === "true" || v === "1");

/**
 * What an export writes: the moderation queue's own filter (same schema, same SQL through
 * buildQueueFilter) plus the export's options. The queue defaults to "all" here, not the
 * workspace's "flagged", so an export without filters is everything.
 */
export const exportOptionsSchema = queueFilterSchema.extend({
  queue: queueFilterSchema.shape.queue.unwrap().default("all"),
  format: z.enum(EXPORT_FORMATS).default("csv"),
  /** `comment`: one row per comment; `annotator`: one row per (comment, annotator) label. */
  rows: z.enum(["comment", "annotator"]).default("comment"),
  labelledOnly: flag.default(false),
  decidedOnly: flag.default(false),
  /** `id`: the annotator's user id; `pseudonym`: an HMAC of it with this install's export salt. */
  annotators: z.enum(["id", "pseudonym"]).default("pseudonym"),
  /** Prefix a UTF-8 byte order mark so Excel reads the CSV as UTF-8. */
  bom: flag.default(false),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export type ParsedExportOptions =
  | { ok: true; options: ExportOptions }
  | { ok: false; problems: { param: string; message: string }[] };

/** URL search params (or a plain record) → export options; empty values count as absent. */
export function parseExportOptions(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): ParsedExportOptions {
  const parsed = exportOptionsSchema.safeParse(searchParamsRecord(input));
  if (parsed.success) return { ok: true, options: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      param: String(issue.path[0] ?? ""),
      message: issue.message,
    })),
  };
}

/** The options as a query string (for links between the queue, the export page and the API). */
export function exportOptionsToQuery(options: Partial<ExportOptions>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === false) continue;
    query.set(key, value === true ? "yes" : String(value));
  }
  return query;
}
