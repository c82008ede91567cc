import { type LexiconEntry, normaliseTerm } from "../classifier/index.ts";

/** One row of the database layer over the shipped lexicon files. */
export interface LayerEntry {
  /** `set` adds an entry or replaces the file row with the same key; `remove` drops that file row. */
  op: "set" | "remove";
  term: string;
  category: string;
  weight: number;
  language: string;
  target: string | null;
  side: string | null;
  /** Comma-separated flags, as in the TSV column. */
  flags: string;
  note: string;
}

/**
 * An entry's identity: normalised term, category and target. It is the key compileLexicon
 * uses to find duplicates and to let a layered entry replace a file row, so one identity is
 * one row of the draft.
 */
export function entryKey(entry: { term: string; category: string; target?: string | null }): string {
  return `${normaliseTerm(entry.term.trim())}\t${entry.category.trim()}\t${(entry.target ?? "").trim()}`;
}

/** A compiled entry as a layer row (`set`), e.g. to start editing a file row. */
export function layerEntryFrom(entry: LexiconEntry, op: LayerEntry["op"] = "set"): LayerEntry {
  return {
    op,
    term: entry.term,
    category: entry.category,
    weight: entry.weight,
    language: entry.language,
    target: entry.target ?? null,
    side: entry.side ?? null,
    flags: entry.flags.join(","),
    note: entry.note,
  };
}

/** The layer in one canonical order (by key, then op), so equal layers compare and hash equal. */
export function sortLayer(layer: readonly LayerEntry[]): LayerEntry[] {
  return [...layer].sort((a, b) => {
    const ka = entryKey(a);
    const kb = entryKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : a.op < b.op ? -1 : a.op > b.op ? 1 : 0;
  });
}

/** True when two layer rows say the same thing (what a draft compares against the published layer). */
export function sameLayerEntry(a: LayerEntry, b: LayerEntry): boolean {
  return (
    a.op === b.op &&
    a.term.trim() === b.term.trim() &&
    a.category === b.category &&
    a.weight === b.weight &&
    a.language === b.language &&
    (a.target ?? null) === (b.target ?? null) &&
    (a.side ?? null) === (b.side ?? null) &&
    normaliseFlags(a.flags) === normaliseFlags(b.flags) &&
    a.note.trim() === b.note.trim()
  );
}

export function normaliseFlags(flags: string): string {
  return flags
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "")
    .sort()
    .join(",");
}
