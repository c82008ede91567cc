import type { ModerationStatusFilter } from "./filters.ts";

/**
 * Exactly which comments a chart element stands for. Every drill-down link on the dashboard
 * is made here, so adapting them to the moderation queue's URL schema is a one-file change.
 */
export interface QueueSelection {
  /** Comment date (posted_at, else ingested_at) at or after this instant. */
  from?: Date;
  /** Comment date strictly before this instant. */
  to?: Date;
  source?: number;
  article?: number;
  language?: string;
  status?: ModerationStatusFilter;
  sentiment?: "positive" | "neutral" | "negative";
  stance?: { target: string; side: "favor" | "against" };
  insult?: boolean;
  /** A lexicon term the comment matched (counted matches only). */
  term?: string;
}

export const QUEUE_PATH = "/moderation";

/** `/moderation?…` with the selection's parameters in a fixed order; instants as ISO 8601 UTC. */
export function queueHref(selection: QueueSelection): string {
  const params = new URLSearchParams();
  if (selection.sentiment) params.set("sentiment", selection.sentiment);
  if (selection.stance) params.set("stance", `${selection.stance.target}:${selection.stance.side}`);
  if (selection.insult !== undefined) params.set("insult", selection.insult ? "1" : "0");
  if (selection.term) params.set("term", selection.term);
  if (selection.source !== undefined) params.set("source", String(selection.source));
  if (selection.article !== undefined) params.set("article", String(selection.article));
  if (selection.language) params.set("language", selection.language);
  if (selection.status) params.set("status", selection.status);
  if (selection.from) params.set("from", selection.from.toISOString());
  if (selection.to) params.set("to", selection.to.toISOString());
  const query = params.toString();
  return query ? `${QUEUE_PATH}?${query}` : QUEUE_PATH;
}
