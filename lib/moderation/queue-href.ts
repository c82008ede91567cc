import type { QueueParams } from "./queue-params.ts";

type Changes = { [K in keyof QueueParams]?: QueueParams[K] | null };

/**
 * The queue's address for `params` with `changes` applied (null removes a key). Any change
 * other than the cursor or the open comment starts again from the first page.
 */
export function queueHref(params: Partial<QueueParams>, changes: Changes = {}): string {
  const keepsCursor = Object.keys(changes).every((k) => k === "after" || k === "before" || k === "c");
  const merged: Record<string, unknown> = { ...params, ...changes };
  if (!keepsCursor) {
    if (!("after" in changes)) delete merged.after;
    if (!("before" in changes)) delete merged.before;
  }
  if ("after" in changes && changes.after) delete merged.before;
  if ("before" in changes && changes.before) delete merged.after;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    // Defaults stay out of the address.
    if ((key === "sort" && value === "id") || (key === "dir" && value === "desc")) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `/moderation?${text}` : "/moderation";
}

/** The admin export page for exactly the comments this queue view shows (its filters, no paging). */
export function exportHref(params: Partial<QueueParams>): string {
  const href = queueHref(params, { c: null, after: null, before: null, size: null });
  return href.replace(/^\/moderation/, "/admin/export");
}
