import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "./queue-params.ts";

/** The cookie that remembers a moderator's columns and page size (read by the page, written by the table). */
export const QUEUE_PREFS_COOKIE = "raqib-queue-prefs";

export const QUEUE_COLUMNS = [
  "id",
  "comment",
  "author",
  "article",
  "status",
  "insultScore",
  "sentiment",
  "language",
  "postedAt",
  "labels",
] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];

export interface QueuePrefs {
  size: number;
  hidden: QueueColumn[];
}

export const DEFAULT_QUEUE_PREFS: QueuePrefs = { size: DEFAULT_PAGE_SIZE, hidden: ["id", "language"] };

/** The cookie's value → prefs; anything unexpected falls back to the defaults. */
export function parseQueuePrefs(value: string | undefined): QueuePrefs {
  if (!value) return DEFAULT_QUEUE_PREFS;
  try {
    const raw = JSON.parse(decodeURIComponent(value)) as { size?: unknown; hidden?: unknown };
    const size = (PAGE_SIZES as readonly unknown[]).includes(raw.size)
      ? (raw.size as number)
      : DEFAULT_PAGE_SIZE;
    const hidden = Array.isArray(raw.hidden)
      ? raw.hidden.filter(
          (c): c is QueueColumn => (QUEUE_COLUMNS as readonly unknown[]).includes(c) && c !== "comment",
        )
      : DEFAULT_QUEUE_PREFS.hidden;
    return { size, hidden };
  } catch {
    return DEFAULT_QUEUE_PREFS;
  }
}

export function serialiseQueuePrefs(prefs: QueuePrefs): string {
  return encodeURIComponent(JSON.stringify(prefs));
}
