import type { LayerEntry } from "./layer-entry.ts";

/** A draft or proposal row as stored (lexicon_draft_entry, lexicon_proposal). */
export interface LayerRow {
  op: "set" | "remove";
  term: string;
  category: string;
  weight: number;
  language: string;
  target: string | null;
  side: string | null;
  flags: string;
  note: string;
}

export function layerEntryOfRow(row: LayerRow): LayerEntry {
  return {
    op: row.op,
    term: row.term,
    category: row.category,
    weight: row.weight,
    language: row.language,
    target: row.target,
    side: row.side,
    flags: row.flags,
    note: row.note,
  };
}

/** A layer as stored in lexicon_version.layer (JSON), read back with its types checked. */
export function layerFromJson(value: unknown): LayerEntry[] {
  if (!Array.isArray(value)) throw new Error("lexicon_version.layer is not an array");
  return value.map((item, index) => {
    const row = item as Partial<LayerEntry>;
    if (
      (row.op !== "set" && row.op !== "remove") ||
      typeof row.term !== "string" ||
      typeof row.category !== "string" ||
      typeof row.weight !== "number" ||
      typeof row.language !== "string"
    ) {
      throw new Error(`lexicon_version.layer[${index}] is not a layer entry`);
    }
    return {
      op: row.op,
      term: row.term,
      category: row.category,
      weight: row.weight,
      language: row.language,
      target: row.target ?? null,
      side: row.side ?? null,
      flags: row.flags ?? "",
      note: row.note ?? "",
    };
  });
}
