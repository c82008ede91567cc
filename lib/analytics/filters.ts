import { z } from "zod";
import { isCalendarDay } from "./time-zone.ts";

export const RANGE_PRESETS = ["today", "7d", "30d", "12m", "all", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const INSULT_SORTS = ["rate", "insults", "comments"] as const;
export type InsultSort = (typeof INSULT_SORTS)[number];

export const MODERATION_STATUSES = ["pending", "approved", "rejected", "escalated"] as const;
export type ModerationStatusFilter = (typeof MODERATION_STATUSES)[number];

/** Whose labels the sentiment/stance/insult charts count: the classifier's or the moderators'. */
export const LABEL_SOURCES = ["classifier", "human"] as const;
export type LabelSource = (typeof LABEL_SOURCES)[number];

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const v = first(value);
    return v === "" || v === undefined ? undefined : v;
  }, schema.optional().catch(undefined));
const positiveId = z.coerce.number().int().positive().max(2_147_483_647);
const day = z.string().refine(isCalendarDay);

/**
 * The dashboard's filter bar, held in the URL. Anything unparseable falls back to its default
 * rather than failing the page: a hand-edited URL still shows a dashboard.
 */
export const analyticsFiltersSchema = z.object({
  range: z.preprocess(first, z.enum(RANGE_PRESETS).catch("30d")).default("30d"),
  from: optional(day),
  to: optional(day),
  source: optional(positiveId),
  article: optional(positiveId),
  language: optional(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
  status: optional(z.enum(MODERATION_STATUSES)),
  labels: z.preprocess(first, z.enum(LABEL_SOURCES).catch("classifier")).default("classifier"),
  compare: z.preprocess((value) => first(value) === "1", z.boolean()),
  insultSort: z.preprocess(first, z.enum(INSULT_SORTS).catch("rate")).default("rate"),
});

export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseAnalyticsFilters(params: SearchParams): AnalyticsFilters {
  const filters = analyticsFiltersSchema.parse(params);
  // A custom range needs both ends, in order; otherwise it is not a range.
  if (filters.range === "custom") {
    if (!filters.from || !filters.to) return { ...filters, range: "30d", from: undefined, to: undefined };
    if (filters.from > filters.to) return { ...filters, from: filters.to, to: filters.from };
  } else {
    return { ...filters, from: undefined, to: undefined };
  }
  return filters;
}

/** The URL query for `filters` (defaults left out), so links keep the rest of the filter bar. */
export function analyticsQuery(filters: AnalyticsFilters, change: Partial<AnalyticsFilters> = {}): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  if (next.range !== "30d") params.set("range", next.range);
  if (next.range === "custom") {
    if (next.from) params.set("from", next.from);
    if (next.to) params.set("to", next.to);
  }
  if (next.source !== undefined) params.set("source", String(next.source));
  if (next.article !== undefined) params.set("article", String(next.article));
  if (next.language) params.set("language", next.language);
  if (next.status) params.set("status", next.status);
  if (next.labels !== "classifier") params.set("labels", next.labels);
  if (next.compare) params.set("compare", "1");
  if (next.insultSort !== "rate") params.set("insultSort", next.insultSort);
  const query = params.toString();
  return query ? `?${query}` : "";
}
