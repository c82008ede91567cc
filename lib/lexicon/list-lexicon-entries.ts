import "server-only";
import { normaliseTerm } from "../classifier/index.ts";
import { draftChanges, getDraftLayer } from "./get-draft.ts";
import { compileLayer, getPublishedLexicon } from "./get-published-lexicon.ts";
import type { EntryOrigin } from "./layer-lexicon.ts";
import { ENTRY_PAGE_SIZE, type LexiconParams } from "./lexicon-params.ts";
import { publishedTermPrecision } from "./published-term-precision.ts";
import { termStatKey } from "./score-lexicon.ts";
import { termMatchCounts } from "./term-match-counts.ts";

export interface EntryRow {
  key: string;
  term: string;
  category: string;
  weight: number;
  language: string;
  target: string | null;
  side: string | null;
  flags: string;
  note: string;
  /** Relative to the shipped files, in the draft. */
  origin: EntryOrigin;
  /** The draft differs from the published lexicon for this entry. */
  pending: boolean;
  /** Stored comments this term counted in, with the published lexicon. */
  matches: number;
  /** Human-labelled comments that judged it, and the share that agreed; null when none. */
  judged: number;
  precision: number | null;
  /** Exception phrases that contain this term (they switch it off where they match). */
  exceptions: string[];
}

export interface EntryPage {
  data: EntryRow[];
  count: number;
  page: number;
  pageSize: number;
  publishedVersion: string;
  draftVersion: string;
  pendingChanges: number;
}

/** Search that ignores diacritics, tatweel, letter variants and case (the classifier's own normalisation). */
export function matchesSearch(query: string, ...fields: string[]): boolean {
  const q = normaliseTerm(query).toLowerCase();
  if (q === "") return true;
  return fields.some((f) => normaliseTerm(f).toLowerCase().includes(q));
}

/**
 * One page of the draft lexicon's entries (shipped rows with the draft's edits on top), with
 * each term's match count and precision under the published lexicon, filtered, sorted and paged
 * on the server as the URL says.
 */
export async function listLexiconEntries(params: LexiconParams): Promise<EntryPage> {
  const [published, draftLayer] = await Promise.all([getPublishedLexicon(), getDraftLayer()]);
  const draft = compileLayer(draftLayer);
  const publishedVersion = published.layered.compiled.version;
  const [counts, precision] = await Promise.all([
    termMatchCounts(publishedVersion),
    publishedTermPrecision(published.layered.compiled),
  ]);
  const changes = draftChanges(draftLayer, published.layer);
  const pendingKeys = new Set(changes.map((c) => c.key));
  const exceptionTerms = draft.entries
    .filter((e) => e.entry.category === "exception" && e.origin !== "removed")
    .map((e) => ({ term: e.entry.term, norm: normaliseTerm(e.entry.term) }));

  let rows: EntryRow[] = draft.entries.map(({ key, entry, origin }) => {
    const stat = termStatKey(entry.term, entry.category, entry.target);
    const p = precision.get(stat);
    return {
      key,
      term: entry.term,
      category: entry.category,
      weight: entry.weight,
      language: entry.language,
      target: entry.target ?? null,
      side: entry.side ?? null,
      flags: entry.flags.join(","),
      note: entry.note,
      origin,
      pending: pendingKeys.has(key),
      matches: counts.get(stat) ?? 0,
      judged: p?.judged ?? 0,
      precision: p && p.judged > 0 ? p.correct / p.judged : null,
      exceptions: [],
    };
  });
  if (params.q) rows = rows.filter((r) => matchesSearch(params.q as string, r.term, r.note));
  if (params.category) rows = rows.filter((r) => r.category === params.category);
  if (params.origin === "edited") rows = rows.filter((r) => r.origin !== "file" || r.pending);
  else if (params.origin !== "all") rows = rows.filter((r) => r.origin === params.origin);
  const dir = params.dir === "desc" ? -1 : 1;
  const value = (r: EntryRow): string | number =>
    params.sort === "precision"
      ? (r.precision ?? -1)
      : params.sort === "term"
        ? normaliseTerm(r.term)
        : params.sort === "category"
          ? r.category
          : r[params.sort];
  rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (x < y ? -1 : x > y ? 1 : 0) * dir || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
  const count = rows.length;
  const page = Math.min(params.page, Math.max(1, Math.ceil(count / ENTRY_PAGE_SIZE)));
  const data = rows.slice((page - 1) * ENTRY_PAGE_SIZE, page * ENTRY_PAGE_SIZE);
  for (const row of data) {
    if (row.category === "exception") continue;
    const norm = normaliseTerm(row.term);
    row.exceptions = exceptionTerms
      .filter((e) => e.norm !== norm && e.norm.includes(norm))
      .map((e) => e.term);
  }
  return {
    data,
    count,
    page,
    pageSize: ENTRY_PAGE_SIZE,
    publishedVersion,
    draftVersion: draft.compiled.version,
    pendingChanges: changes.length,
  };
}
