import { createHash } from "node:crypto";
import {
  ARABIC_PREFIXES,
  ARABIC_SUFFIXES,
  ARABIZI_PREFIXES,
  ARABIZI_SUFFIXES,
  LATIN_SUFFIXES,
} from "./affixes.ts";
import { CodeFilter, CodeTable, hashString, MAX_KEY_LENGTH, POWERS } from "./code-table.ts";
import { LexiconError, type LexiconProblem } from "./errors.ts";
import { normaliseTerm } from "./normalise.ts";
import { type LexiconEntryInput, parseLexiconTsv, validateEntry } from "./parse-lexicon.ts";
import { KIND_ARABIC, KIND_LATIN, tokenise } from "./tokenise.ts";
import {
  ABUSIVE_CATEGORIES,
  LEXICON_CATEGORIES,
  type LexiconCategory,
  type LexiconEntry,
  STANCE_TARGETS,
  type StanceSide,
  type StanceTarget,
} from "./types.ts";

export interface CompiledEntry {
  entry: LexiconEntry;
  // The row's fields the scope rules read, copied here: every compiled entry has one object
  // shape, where rows come in three (without target, with target, with target and side), and
  // decide then reads one object per entry instead of two.
  term: string;
  category: LexiconCategory;
  weight: number;
  target: StanceTarget | undefined;
  side: StanceSide | undefined;
  /** Index of target in STANCE_TARGETS, or -1. */
  targetIndex: number;
  exact: boolean;
  literal: boolean;
  context: boolean;
  /** Arabizi rows are the only Latin rows that accept Arabizi prefixes (ya, el, w…). */
  arabizi: boolean;
  /** Category and target as one number: a token keeps one reading per meaning. */
  meaning: number;
  /** What the matcher does with it: ROLE_CONTENT or one of the modifier roles. */
  role: number;
  /** One of the five categories that make insultScore. */
  abusive: boolean;
}

/** Roles, so the matcher dispatches on a number rather than a category string. */
export const ROLE_CONTENT = 0;
export const ROLE_NEGATOR = 1;
export const ROLE_VOCATIVE = 2;
export const ROLE_REPORTING = 3;
export const ROLE_DISTANCING = 4;
export const ROLE_INTENSIFIER = 5;
export const ROLE_EXCEPTION = 6;
const ROLES: Partial<Record<string, number>> = {
  negator: ROLE_NEGATOR,
  vocative: ROLE_VOCATIVE,
  reporting: ROLE_REPORTING,
  distancing: ROLE_DISTANCING,
  intensifier: ROLE_INTENSIFIER,
  exception: ROLE_EXCEPTION,
};

/** A surface form of single-word entries: the stem the entries were written as, plus a suffix. */
export interface WordHit {
  entries: CompiledEntry[];
  stemLength: number;
  suffixLength: number;
}

export interface HashedText {
  text: string;
  hash: number;
}

export interface CompiledPhrase {
  entries: CompiledEntry[];
  /** Normalised tokens; the first is the lookup key, the last may carry a suffix. */
  tokens: HashedText[];
  lastForms: HashedText[];
  /** Some entry is exact (no clitics on the first word) / every entry is Arabizi. */
  anyExact: boolean;
  allArabizi: boolean;
  /** Every entry is an exception phrase (حمار وحشي): it only marks a span, it is not a hit. */
  allException: boolean;
}

export interface LookupSlot {
  word?: WordHit;
  /**
   * Phrases starting with this token, by the hash of their second token (any allowed form of it
   * when it is also the last), each list longest first: a token such as الله or يا starts dozens
   * of phrases, and this way only those whose next word fits are checked.
   */
  phrases?: Map<number, CompiledPhrase[]>;
  /**
   * The same as a small open-addressing table, set once compiling is done (cheaper than a Map
   * keyed by numbers that may not fit a small integer): phraseHashes[slot] holds a hash,
   * phraseIndexes[slot] its list's index in phraseLists plus one, 0 for an empty slot.
   */
  phraseHashes?: Int32Array;
  phraseIndexes?: Int32Array;
  phraseLists?: CompiledPhrase[][];
}

export interface CompiledLexicon {
  /** First 12 hex characters of the sha256 of the files and extra entries. */
  version: string;
  entries: LexiconEntry[];
  /** Every surface form (stem + suffix) and phrase start, keyed by normalised code units. */
  table: CodeTable<LookupSlot>;
  /**
   * Every token that can find something in the table, as written or after a proclitic: each key,
   * and each proclitic + key. Most tokens are not lexicon words; one check here spares them the
   * lookup of every proclitic reading.
   */
  tokenFilter: CodeFilter;
}

/** Where a second-word hash starts its probe in a slot's phrase table of mask + 1 entries. */
export function phraseSlot(hash: number, mask: number): number {
  return (Math.imul(hash, 0x9e3779b1) >>> 16) & mask;
}

/** The filter of every key and every proclitic + key that matchTokens could look up. */
function tokenFilterFor(keys: Iterable<string>, count: number): CodeFilter {
  const arabic = ARABIC_PREFIXES.map((p) => ({ hash: hashString(p), length: p.length }));
  const arabizi = ARABIZI_PREFIXES.map((p) => ({ hash: hashString(p), length: p.length }));
  const filter = new CodeFilter(count * (1 + arabic.length));
  for (const key of keys) {
    const hash = hashString(key);
    filter.add(hash, key.length);
    // Stems of fewer than two letters are never looked up after a proclitic.
    if (key.length < 2) continue;
    const first = key.charCodeAt(0);
    // Keys hold letters of one script; a token of the other script never strips these prefixes.
    const prefixes = first >= 0x0600 && first <= 0x06ff ? arabic : first < 0x80 ? arabizi : [];
    for (const prefix of prefixes) {
      const length = prefix.length + key.length;
      if (length > MAX_KEY_LENGTH) continue;
      filter.add((Math.imul(prefix.hash, POWERS[key.length] as number) + hash) | 0, length);
    }
  }
  return filter;
}

export interface LexiconFile {
  name: string;
  content: string;
}

function suffixesFor(entry: LexiconEntry, kind: number): readonly string[] {
  if (entry.flags.includes("exact")) return [""];
  if (kind === KIND_ARABIC) return ARABIC_SUFFIXES;
  if (kind === KIND_LATIN) return entry.language === "ar-Latn" ? ARABIZI_SUFFIXES : LATIN_SUFFIXES;
  return [""];
}

function slotFor(slots: Map<string, LookupSlot>, key: string): LookupSlot {
  let slot = slots.get(key);
  if (!slot) {
    // Every slot gets every field, so the matcher sees one object shape.
    slot = {
      word: undefined,
      phrases: undefined,
      phraseHashes: undefined,
      phraseIndexes: undefined,
      phraseLists: undefined,
    };
    slots.set(key, slot);
  }
  return slot;
}

function hashed(text: string): HashedText {
  return { text, hash: hashString(text) };
}

function addWordForm(
  slots: Map<string, LookupSlot>,
  surface: string,
  stemLength: number,
  compiled: CompiledEntry,
): void {
  const slot = slotFor(slots, surface);
  const suffixLength = surface.length - stemLength;
  const hit = slot.word;
  // One surface can be read several ways (ارهابيين = ارهابي+ين or ارهاب+يين): the longest stem,
  // i.e. the least stripping, is the likeliest reading.
  if (!hit || stemLength > hit.stemLength) slot.word = { entries: [compiled], stemLength, suffixLength };
  else if (stemLength === hit.stemLength && !hit.entries.some((e) => sameMeaning(e.entry, compiled.entry))) {
    hit.entries.push(compiled);
  }
}

/** المجرم and مجرم both land on مجرم: one reading per category and target is enough. */
function sameMeaning(a: LexiconEntry, b: LexiconEntry): boolean {
  return a === b || (a.category === b.category && a.target === b.target);
}

/** Key used to find duplicates: the same normalised term, category and target. */
function identity(entry: LexiconEntry): string {
  return `${normaliseTerm(entry.term)}\t${entry.category}\t${entry.target ?? ""}`;
}

/**
 * Compiles lexicon files plus extra entries (e.g. edits stored in the database) into lookup
 * tables. Extra entries replace file rows with the same normalised term, category and target.
 * The version is a hash of exactly what was compiled, so results can be traced to it.
 */
export function compileLexicon(files: LexiconFile[], extra: LexiconEntryInput[] = []): CompiledLexicon {
  const problems: LexiconProblem[] = [];
  const sortedFiles = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const fromFiles = sortedFiles.flatMap((file) => parseLexiconTsv(file.name, file.content, problems));
  const seen = new Map<string, LexiconEntry>();
  for (const entry of fromFiles) {
    const key = identity(entry);
    const earlier = seen.get(key);
    if (earlier)
      problems.push({
        location: entry.source,
        message: `duplicate of ${earlier.source} ('${earlier.term}', ${entry.category})`,
      });
    else seen.set(key, entry);
  }
  extra.forEach((input, index) => {
    const entry = validateEntry(input, `extra[${index}]`, problems);
    if (entry) seen.set(identity(entry), entry);
  });
  if (problems.length > 0) throw new LexiconError(problems);

  const hash = createHash("sha256");
  for (const file of sortedFiles) hash.update(`${file.name}\n${file.content}\n\0`);
  const extraLines = extra
    .map((e) =>
      [
        e.term,
        e.category,
        e.weight,
        e.language,
        e.target ?? "",
        e.side ?? "",
        Array.isArray(e.flags) ? e.flags.join(",") : (e.flags ?? ""),
        e.note ?? "",
      ].join("\t"),
    )
    .sort();
  for (const line of extraLines) hash.update(`extra\n${line}\n\0`);
  const version = hash.digest("hex").slice(0, 12);

  const entries = [...seen.values()];
  const slots = new Map<string, LookupSlot>();
  const phrasesByKey = new Map<string, CompiledPhrase>();
  for (const entry of entries) {
    const compiled: CompiledEntry = {
      entry,
      term: entry.term,
      category: entry.category,
      weight: entry.weight,
      target: entry.target,
      side: entry.side,
      targetIndex: entry.target ? STANCE_TARGETS.indexOf(entry.target) : -1,
      exact: entry.flags.includes("exact"),
      literal: entry.flags.includes("literal"),
      context: entry.flags.includes("context"),
      arabizi: entry.language === "ar-Latn",
      role: ROLES[entry.category] ?? ROLE_CONTENT,
      abusive: (ABUSIVE_CATEGORIES as readonly string[]).includes(entry.category),
      meaning:
        LEXICON_CATEGORIES.indexOf(entry.category) * 8 +
        (entry.target ? STANCE_TARGETS.indexOf(entry.target) + 1 : 0),
    };
    const { tokens } = tokenise(normaliseTerm(entry.term));
    const first = tokens[0];
    if (!first) continue;
    if (tokens.length === 1) {
      const stems = [first.norm];
      // A single Arabic word written with the article also matches without it (الثوار, ثوار);
      // two-letter remainders are too ambiguous (الله → له).
      if (
        first.kind === KIND_ARABIC &&
        !compiled.exact &&
        first.norm.startsWith("ال") &&
        first.norm.length >= 5
      ) {
        stems.push(first.norm.slice(2));
      }
      for (const stem of stems) {
        for (const suffix of suffixesFor(entry, first.kind)) {
          addWordForm(slots, stem + suffix, stem.length, compiled);
          // Final ى (ي after normalisation) is written ا before a suffix: أغبى → أغباك.
          if (suffix !== "" && first.kind === KIND_ARABIC && stem.endsWith("ي")) {
            addWordForm(slots, `${stem.slice(0, -1)}ا${suffix}`, stem.length, compiled);
          }
        }
      }
      continue;
    }
    const norms = tokens.map((t) => t.norm);
    const phraseKey = norms.join(" ");
    const existing = phrasesByKey.get(phraseKey);
    if (existing) {
      existing.entries.push(compiled);
      existing.anyExact ||= compiled.exact;
      existing.allArabizi &&= compiled.arabizi;
      existing.allException &&= compiled.role === ROLE_EXCEPTION;
      continue;
    }
    const last = tokens[tokens.length - 1] ?? first;
    const lastForms = suffixesFor(entry, last.kind).map((s) => hashed(last.norm + s));
    const phrase: CompiledPhrase = {
      entries: [compiled],
      tokens: norms.map(hashed),
      lastForms,
      anyExact: compiled.exact,
      allArabizi: compiled.arabizi,
      allException: compiled.role === ROLE_EXCEPTION,
    };
    phrasesByKey.set(phraseKey, phrase);
    const slot = slotFor(slots, first.norm);
    slot.phrases ??= new Map();
    const secondForms = tokens.length === 2 ? lastForms : [hashed(norms[1] as string)];
    for (const form of secondForms) {
      const list = [...(slot.phrases.get(form.hash) ?? []), phrase].sort(
        (a, b) => b.tokens.length - a.tokens.length,
      );
      slot.phrases.set(form.hash, list);
    }
  }
  const table = new CodeTable<LookupSlot>(slots.size);
  for (const [key, slot] of slots) {
    if (slot.phrases) {
      let size = 4;
      while (size < slot.phrases.size * 2) size *= 2;
      const hashes = new Int32Array(size);
      const indexes = new Int32Array(size);
      const lists: CompiledPhrase[][] = [];
      for (const [hash, list] of slot.phrases) {
        let at = phraseSlot(hash, size - 1);
        while (indexes[at] !== 0) at = (at + 1) & (size - 1);
        hashes[at] = hash;
        lists.push(list);
        indexes[at] = lists.length;
      }
      slot.phraseHashes = hashes;
      slot.phraseIndexes = indexes;
      slot.phraseLists = lists;
    }
    table.upsert(key, () => slot);
  }
  return { version, entries, table, tokenFilter: tokenFilterFor(slots.keys(), slots.size) };
}
