import "server-only";
import { getDb } from "../db/client.ts";
import { entryKey, type LayerEntry, sameLayerEntry, sortLayer } from "./layer-entry.ts";
import { layerEntryOfRow } from "./layer-rows.ts";

export interface DraftChange {
  key: string;
  /** In the draft, not yet published / in the published layer, gone from the draft. */
  draft: LayerEntry | null;
  published: LayerEntry | null;
}

/** The draft layer (the whole set of database edits being worked on), in canonical order. */
export async function getDraftLayer(): Promise<LayerEntry[]> {
  const rows = await getDb().lexiconDraftEntry.findMany({ orderBy: { key: "asc" } });
  return sortLayer(rows.map(layerEntryOfRow));
}

/** How the draft differs from the published layer, key by key. */
export function draftChanges(draft: readonly LayerEntry[], published: readonly LayerEntry[]): DraftChange[] {
  const before = new Map(published.map((e) => [entryKey(e), e]));
  const after = new Map(draft.map((e) => [entryKey(e), e]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.flatMap((key) => {
    const a = before.get(key) ?? null;
    const b = after.get(key) ?? null;
    if (a && b && sameLayerEntry(a, b)) return [];
    return [{ key, draft: b, published: a }];
  });
}
