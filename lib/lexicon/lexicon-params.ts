import { z } from "zod";
import { LEXICON_CATEGORIES } from "../classifier/types.ts";
import { searchParamsRecord } from "../moderation/queue-params.ts";

/** The page's views: entries, the draft and its test, suggestions, proposals, versions, import/export. */
export const LEXICON_VIEWS = ["entries", "draft", "suggestions", "proposals", "versions", "import"] as const;
export type LexiconView = (typeof LEXICON_VIEWS)[number];

/** Columns the entry table may be sorted by. */
export const ENTRY_SORTS = ["term", "category", "weight", "matches", "precision"] as const;
export type EntrySort = (typeof ENTRY_SORTS)[number];

export const ENTRY_ORIGINS = ["all", "edited", "file", "changed", "added", "removed"] as const;
export const ENTRY_PAGE_SIZE = 50;

export const lexiconParamsSchema = z.object({
  view: z.enum(LEXICON_VIEWS).default("entries"),
  q: z.string().trim().max(200).optional(),
  category: z.enum(LEXICON_CATEGORIES).optional(),
  origin: z.enum(ENTRY_ORIGINS).default("all"),
  /** Most-matched first: the entries that decide most results. */
  sort: z.enum(ENTRY_SORTS).default("matches"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** The entry open in the edit form, by key. */
  edit: z.string().max(500).optional(),
});
export type LexiconParams = z.infer<typeof lexiconParamsSchema>;

/** URL search params → page state; a bad value is dropped (the default applies) rather than failing the page. */
export function parseLexiconParams(input: Record<string, string | string[] | undefined>): LexiconParams {
  const raw = searchParamsRecord(input);
  const first = lexiconParamsSchema.safeParse(raw);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete raw[String(issue.path[0] ?? "")];
  return lexiconParamsSchema.parse(raw);
}

/** The address of the page with these params (defaults left out). */
export function lexiconHref(params: Partial<LexiconParams>): string {
  const search = new URLSearchParams();
  const defaults: Partial<Record<keyof LexiconParams, unknown>> = {
    view: "entries",
    origin: "all",
    sort: "matches",
    dir: "desc",
    page: 1,
  };
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || defaults[key as keyof LexiconParams] === value) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return `/admin/lexicon${query ? `?${query}` : ""}`;
}
