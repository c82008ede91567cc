import "server-only";
import { type LexiconFile, readLexiconFiles } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import type { LayerEntry } from "./layer-entry.ts";
import { type LayeredLexicon, layerLexicon } from "./layer-lexicon.ts";
import { layerFromJson } from "./layer-rows.ts";

export interface PublishedLexicon {
  /** The lexicon_version row, or null while nothing was ever published (the shipped files). */
  versionId: number | null;
  publicationId: number | null;
  layer: LayerEntry[];
  layered: LayeredLexicon;
}

let files: LexiconFile[] | undefined;
/** The shipped files, read once per process (they change only with a new release). */
export function shippedFiles(): LexiconFile[] {
  files ??= readLexiconFiles();
  return files;
}

const compiledByLayer = new Map<string, LayeredLexicon>();

/** Compiles files + layer, remembering the last few so repeated calls cost a lookup. */
export function compileLayer(layer: LayerEntry[]): LayeredLexicon {
  const cacheKey = JSON.stringify(layer);
  const hit = compiledByLayer.get(cacheKey);
  if (hit) return hit;
  const layered = layerLexicon(shippedFiles(), layer);
  if (compiledByLayer.size >= 8) compiledByLayer.delete(compiledByLayer.keys().next().value as string);
  compiledByLayer.set(cacheKey, layered);
  return layered;
}

/**
 * The lexicon the app classifies with: the shipped files plus the layer of the newest
 * publication (publish or roll-back). Ingest, the classify API, `raqib classify` and
 * `raqib reclassify` all use it, so they agree on one version.
 */
export async function getPublishedLexicon(options: { maxAgeMs?: number } = {}): Promise<PublishedLexicon> {
  if (options.maxAgeMs && recent && Date.now() - recent.at < options.maxAgeMs) return recent.value;
  const value = await readPublishedLexicon();
  recent = { at: Date.now(), value };
  return value;
}

/** The last answer, for hot paths (the Perspective API) that may use one a moment old. */
let recent: { at: number; value: PublishedLexicon } | undefined;

async function readPublishedLexicon(): Promise<PublishedLexicon> {
  const publication = await getDb().lexiconPublication.findFirst({
    orderBy: { id: "desc" },
    select: { id: true, lexiconVersion: { select: { id: true, layer: true } } },
  });
  if (!publication) return { versionId: null, publicationId: null, layer: [], layered: compileLayer([]) };
  const layer = layerFromJson(publication.lexiconVersion.layer);
  return {
    versionId: publication.lexiconVersion.id,
    publicationId: publication.id,
    layer,
    layered: compileLayer(layer),
  };
}

/**
 * A stored version by its hash (`files` = the shipped files alone). Throws a message naming the
 * version when there is no such version, or when the shipped files changed since it was made
 * (its hash cannot be reproduced).
 */
export async function getLexiconVersion(version: string): Promise<LayeredLexicon> {
  if (version === "files") return compileLayer([]);
  const row = await getDb().lexiconVersion.findUnique({ where: { version }, select: { layer: true } });
  if (!row) {
    if (compileLayer([]).compiled.version === version) return compileLayer([]);
    throw new Error(`lexicon version '${version}' does not exist (see the Versions list on /admin/lexicon)`);
  }
  const layered = compileLayer(layerFromJson(row.layer));
  if (layered.compiled.version !== version) {
    throw new Error(
      `lexicon version '${version}' was built on other shipped lexicon files; with this release's files its layer gives ${layered.compiled.version}`,
    );
  }
  return layered;
}
