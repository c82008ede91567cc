import { z } from "zod";
import { isTimeZone } from "../analytics/time-zone.ts";
import { STANCE_TARGETS } from "../classifier/types.ts";
import { LABEL_CHECKS, LABEL_VALUES } from "./label-pairs-sql.ts";

/** The queues, in the order the workspace shows them. */
export const QUEUES = ["flagged", "pending", "escalated", "approved", "rejected", "all"] as const;
export type Queue = (typeof QUEUES)[number];

export const STATUSES = ["pending", "approved", "rejected", "escalated"] as const;
export type CommentStatus = (typeof STATUSES)[number];

/** Columns the queue may be sorted by: each has an index that serves keyset pagination. */
export const SORTABLE_COLUMNS = ["id", "postedAt", "insultScore"] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const LANGUAGES = ["ar", "ar-Latn", "fr", "en", "und"] as const;

/** Below the classifier's insult threshold (0.5) but close enough that a person should look. */
export const LOW_CONFIDENCE_SCORE = 0.25;

const yesNo = z.enum(["yes", "no"]);
const id = z.coerce.number().int().positive().max(2_147_483_647);
const score = z.coerce.number().min(0).max(1);
const day = z.iso.date();

/**
 * What the queue shows: every filter as a plain object. The export issue builds the same SQL
 * from the same object (buildQueueFilter), so a filter means one thing everywhere.
 */
export const queueFilterSchema = z.object({
  queue: z.enum(QUEUES).default("flagged"),
  status: z.enum(STATUSES).optional(),
  insult: yesNo.optional(),
  scoreMin: score.optional(),
  scoreMax: score.optional(),
  sentiment: z.enum(["positive", "negative", "neutral"]).optional(),
  stanceTarget: z.enum(STANCE_TARGETS).optional(),
  stanceSide: z.enum(["favor", "against"]).optional(),
  source: id.optional(),
  article: id.optional(),
  language: z.enum(LANGUAGES).optional(),
  /**
   * The comment's date (posted_at, else ingested_at — the date the dashboard charts), both
   * days inclusive, YYYY-MM-DD, as calendar days in `tz`.
   */
  from: day.optional(),
  to: day.optional(),
  /** The IANA zone `from` and `to` are days in (the analyst's zone on a drill-down); UTC if absent. */
  tz: z.string().refine(isTimeZone, { message: "must be an IANA time zone such as Asia/Riyadh" }).optional(),
  labelled: yesNo.optional(),
  /**
   * Comments a moderator answered `humanSaid` on the `labelCheck` question while the classifier
   * (at labelling time) said `classifierSaid`: a cell of the dashboard's confusion matrix.
   */
  labelCheck: z.enum(LABEL_CHECKS).optional(),
  humanSaid: z.enum(LABEL_VALUES).optional(),
  classifierSaid: z.enum(LABEL_VALUES).optional(),
  labelledBy: z.enum(["me", "others"]).optional(),
  q: z.string().trim().max(200).optional(),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/** The whole URL state of the queue: filters, sort, page size and keyset cursor. */
export const queueParamsSchema = queueFilterSchema.extend({
  sort: z.enum(SORTABLE_COLUMNS).default("id"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { message: "must be 25, 50 or 100" })
    .optional(),
  /** Keyset cursor: the page after (`after`) or before (`before`) a row, as `value~id`. */
  after: z.string().max(80).optional(),
  before: z.string().max(80).optional(),
  /** The comment open in the side panel. */
  c: id.optional(),
});
export type QueueParams = z.infer<typeof queueParamsSchema>;

export type ParsedQueueParams =
  | { ok: true; params: QueueParams }
  | { ok: false; params: QueueParams; problems: { param: string; message: string }[] };

/** URL search params (or Next's searchParams record) as one string per key; empty values count as absent. */
export function searchParamsRecord(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries: [string, string | undefined][] =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]);
  const raw: Record<string, string> = {};
  for (const [key, value] of entries) if (value !== undefined && value.trim() !== "") raw[key] = value;
  return raw;
}

/**
 * URL search params → queue state. Empty values count as absent. A bad value is reported by
 * name and dropped, so a mistyped link still opens the queue.
 */
export function parseQueueParams(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): ParsedQueueParams {
  const raw = searchParamsRecord(input);
  const first = queueParamsSchema.safeParse(raw);
  if (first.success) return { ok: true, params: first.data };
  const problems = first.error.issues.map((issue) => ({
    param: String(issue.path[0] ?? ""),
    message: issue.message,
  }));
  for (const p of problems) delete raw[p.param];
  return { ok: false, params: queueParamsSchema.parse(raw), problems };
}

/** The keys of queueFilterSchema, to tell filters apart from paging and selection params. */
export const FILTER_KEYS = Object.keys(queueFilterSchema.shape) as (keyof QueueFilter)[];
