import {
  type CompiledLexicon,
  compileLexicon,
  type LexiconEntry,
  type LexiconEntryInput,
  LexiconError,
  type LexiconFile,
  type LexiconProblem,
  parseLexiconFiles,
} from "../classifier/index.ts";
import { validateEntry } from "../classifier/parse-lexicon.ts";
import { entryKey, type LayerEntry, normaliseFlags, sortLayer } from "./layer-entry.ts";

/** Where an entry of the effective lexicon comes from. */
export type EntryOrigin = "file" | "changed" | "added" | "removed";

export interface EffectiveEntry {
  key: string;
  entry: LexiconEntry;
  origin: EntryOrigin;
  /** The shipped row this entry replaces or removes, when there is one. */
  fileEntry?: LexiconEntry;
}

export interface LayeredLexicon {
  compiled: CompiledLexicon;
  /** Every entry the files and the layer give, removed file rows included (origin `removed`). */
  entries: EffectiveEntry[];
  /** `remove` rows that name no shipped row (the files changed since): they do nothing. */
  unmatchedRemovals: LayerEntry[];
}

/** The layer row as compileLexicon's extra input. */
export function layerInput(entry: LayerEntry): LexiconEntryInput {
  return {
    term: entry.term.trim(),
    category: entry.category,
    weight: entry.weight,
    language: entry.language,
    target: entry.target ?? "",
    side: entry.side ?? "",
    flags: normaliseFlags(entry.flags),
    note: entry.note.trim(),
  };
}

/**
 * Validates one layer row as compileLexicon would; returns the problems (empty when valid),
 * each naming `location`.
 */
export function validateLayerEntry(entry: LayerEntry, location: string): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  validateEntry(layerInput(entry), location, problems);
  return problems;
}

/**
 * Compiles the shipped files with the database layer on top. `set` rows go in as compileLexicon's
 * extra entries (replacing the file row with the same key); `remove` rows blank the matching
 * file line, keeping every other line's number. The version is compileLexicon's hash of exactly
 * those files and extras: the same files and layer always give the same version, any edit a new
 * one, and an empty layer the version of the files alone.
 */
export function layerLexicon(files: LexiconFile[], layer: readonly LayerEntry[]): LayeredLexicon {
  const fileEntries = parseLexiconFiles(files);
  const byKey = new Map<string, LexiconEntry>();
  for (const entry of fileEntries) byKey.set(entryKey(entry), entry);

  const sorted = sortLayer(layer);
  const seenKeys = new Set<string>();
  const problems: LexiconProblem[] = [];
  const removedLines = new Map<string, Set<number>>();
  const unmatchedRemovals: LayerEntry[] = [];
  const extras: LexiconEntryInput[] = [];
  for (const row of sorted) {
    const key = entryKey(row);
    const location = `layer '${row.term}' (${row.category}${row.target ? `, ${row.target}` : ""})`;
    if (seenKeys.has(key)) {
      problems.push({ location, message: "appears twice in the layer" });
      continue;
    }
    seenKeys.add(key);
    if (row.op === "set") {
      problems.push(...validateLayerEntry(row, location));
      extras.push(layerInput(row));
      continue;
    }
    const fileEntry = byKey.get(key);
    if (!fileEntry) {
      unmatchedRemovals.push(row);
      continue;
    }
    const [name, line] = splitSource(fileEntry.source);
    let lines = removedLines.get(name);
    if (!lines) {
      lines = new Set();
      removedLines.set(name, lines);
    }
    lines.add(line);
  }
  if (problems.length > 0) throw new LexiconError(problems);

  const layeredFiles = files.map((file) => {
    const lines = removedLines.get(file.name);
    if (!lines) return file;
    const content = file.content
      .split("\n")
      .map((text, index) => (lines.has(index + 1) ? "" : text))
      .join("\n");
    return { name: file.name, content };
  });
  const compiled = compileLexicon(layeredFiles, extras);

  const layerByKey = new Map(sorted.map((row) => [entryKey(row), row]));
  const compiledByKey = new Map(compiled.entries.map((entry) => [entryKey(entry), entry]));
  const entries: EffectiveEntry[] = [];
  for (const fileEntry of fileEntries) {
    const key = entryKey(fileEntry);
    const row = layerByKey.get(key);
    if (!row) entries.push({ key, entry: fileEntry, origin: "file" });
    else if (row.op === "remove") entries.push({ key, entry: fileEntry, origin: "removed", fileEntry });
    else entries.push({ key, entry: compiledByKey.get(key) ?? fileEntry, origin: "changed", fileEntry });
  }
  for (const row of sorted) {
    const key = entryKey(row);
    if (row.op !== "set" || byKey.has(key)) continue;
    const entry = compiledByKey.get(key);
    if (entry) entries.push({ key, entry, origin: "added" });
  }
  return { compiled, entries, unmatchedRemovals };
}

function splitSource(source: string): [string, number] {
  const at = source.lastIndexOf(":");
  return [source.slice(0, at), Number(source.slice(at + 1))];
}
