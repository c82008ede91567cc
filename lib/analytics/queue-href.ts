import { STANCE_TARGETS, type StanceTarget } from "../classifier/types.ts";
import { queueHref as moderationQueueHref } from "../moderation/queue-href.ts";
import type { QueueParams } from "../moderation/queue-params.ts";
import type { ModerationStatusFilter } from "./filters.ts";
import { dayInZone } from "./time-zone.ts";

/**
 * Exactly which comments a chart element stands for, in the dashboard's terms. `queueHref`
 * turns it into the moderation queue's own parameters and address (lib/moderation/queue-href),
 * so a drill-down means what the queue's filter means.
 */
export interface QueueSelection {
  /** The analyst's zone: `from`/`to` are local midnights in it. */
  timeZone: string;
  /** Comment date (posted_at, else ingested_at) at or after this instant: a local midnight. */
  from?: Date;
  /** Comment date strictly before this instant: a local midnight. */
  to?: Date;
  source?: number;
  article?: number;
  language?: string;
  status?: ModerationStatusFilter;
  sentiment?: "positive" | "neutral" | "negative";
  stance?: { target: string; side: "favor" | "against" };
  insult?: boolean;
  /** Text the comment contains (the queue's search: a term's comments, suppressed matches included). */
  search?: string;
  /** Comments a moderator labelled `human` while the classifier said `classifier` (chart 6's cells). */
  labelPair?: Pick<QueueParams, "labelCheck" | "humanSaid" | "classifierSaid">;
}

/** Languages the queue can filter by; other codes are left out of the link rather than breaking it. */
const QUEUE_LANGUAGES = new Set<string>(["ar", "ar-Latn", "fr", "en", "und"]);

/**
 * The queue parameters for a selection: every queue (`queue=all`, not only flagged comments),
 * dates as the local calendar days they span (`to` inclusive) with the zone in `tz`.
 */
export function toQueueParams(selection: QueueSelection): Partial<QueueParams> {
  const params: Partial<QueueParams> = { queue: "all" };
  if (selection.sentiment) params.sentiment = selection.sentiment;
  if (selection.stance) {
    const target = selection.stance.target;
    if (!(STANCE_TARGETS as readonly string[]).includes(target))
      throw new RangeError(
        `drill-down: stance target "${target}" is not one the moderation queue can filter by`,
      );
    params.stanceTarget = target as StanceTarget;
    params.stanceSide = selection.stance.side;
  }
  if (selection.insult !== undefined) params.insult = selection.insult ? "yes" : "no";
  if (selection.search) params.q = selection.search;
  if (selection.labelPair) Object.assign(params, selection.labelPair);
  if (selection.source !== undefined) params.source = selection.source;
  if (selection.article !== undefined) params.article = selection.article;
  if (selection.language && QUEUE_LANGUAGES.has(selection.language))
    params.language = selection.language as QueueParams["language"];
  if (selection.status) params.status = selection.status;
  if (selection.from) params.from = dayInZone(selection.from, selection.timeZone);
  // `to` is exclusive (a midnight); the queue's `to` is the last day included.
  if (selection.to) params.to = dayInZone(new Date(selection.to.getTime() - 1), selection.timeZone);
  if ((selection.from || selection.to) && selection.timeZone !== "UTC") params.tz = selection.timeZone;
  return params;
}

/** `/moderation?…` for exactly the comments a chart element counts. */
export function queueHref(selection: QueueSelection): string {
  return moderationQueueHref(toQueueParams(selection));
}
