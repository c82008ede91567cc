import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CompiledLexicon, compileLexicon, type LexiconFile } from "./compile-lexicon.ts";
import type { LexiconEntryInput } from "./parse-lexicon.ts";

/** lib/classifier/lexicons, found next to this module so it works from any working directory. */
export const LEXICON_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), "lexicons");

/** Reads every *.tsv file of a lexicon directory, sorted by name. */
export function readLexiconFiles(directory: string = LEXICON_DIRECTORY): LexiconFile[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".tsv"))
    .sort()
    .map((name) => ({ name, content: readFileSync(join(directory, name), "utf8") }));
}

/** Compiles the lexicon files of a directory, plus extra entries layered on top. */
export function loadLexicon(
  directory: string = LEXICON_DIRECTORY,
  extra: LexiconEntryInput[] = [],
): CompiledLexicon {
  return compileLexicon(readLexiconFiles(directory), extra);
}

let cached: CompiledLexicon | undefined;

/** The lexicon shipped in lib/classifier/lexicons, compiled once per process. */
export function defaultLexicon(): CompiledLexicon {
  cached ??= loadLexicon();
  return cached;
}
