import { type ClassifierMatch, LEXICON_CATEGORIES, type LexiconCategory } from "../classifier/index.ts";

const categories = new Set<string>(LEXICON_CATEGORIES);

/** The matches column as stored (JSON); anything not shaped like a match is dropped. */
export function readStoredMatches(value: unknown): ClassifierMatch[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): ClassifierMatch[] => {
    if (typeof item !== "object" || item === null) return [];
    const m = item as Record<string, unknown>;
    if (typeof m.term !== "string" || typeof m.start !== "number" || typeof m.end !== "number") return [];
    if (typeof m.category !== "string" || !categories.has(m.category)) return [];
    return [m as unknown as ClassifierMatch & { category: LexiconCategory }];
  });
}
