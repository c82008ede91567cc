import { ARABIC_PREFIXES, ARABIZI_PREFIXES } from "./affixes.ts";
import { hashCodes, MAX_KEY_LENGTH, suffixHashes } from "./code-table.ts";
import type {
  CompiledEntry,
  CompiledLexicon,
  CompiledPhrase,
  HashedText,
  LookupSlot,
} from "./compile-lexicon.ts";
import * as lexiconModule from "./compile-lexicon.ts";
import { phraseSlot } from "./compile-lexicon.ts";
import { KIND_ARABIC, KIND_LATIN, KIND_SYMBOL, type ScannedTokens, suffixHashOf } from "./scan.ts";

// Local copies: imported bindings cost a module-record lookup on every use in hot code.
const ROLE_CONTENT = lexiconModule.ROLE_CONTENT;
const ROLE_NEGATOR = lexiconModule.ROLE_NEGATOR;
const ROLE_VOCATIVE = lexiconModule.ROLE_VOCATIVE;
const ROLE_REPORTING = lexiconModule.ROLE_REPORTING;
const ROLE_DISTANCING = lexiconModule.ROLE_DISTANCING;
const ROLE_INTENSIFIER = lexiconModule.ROLE_INTENSIFIER;
const ROLE_EXCEPTION = lexiconModule.ROLE_EXCEPTION;

/** Lexicon entries found on a token range [first, last]. */
export interface Hit {
  first: number;
  last: number;
  /** The hit's entries are MatchPass.entries[entryStart..entryEnd). */
  entryStart: number;
  entryEnd: number;
  /** The word carried a vocative prefix (ياكلب, ya7mar). */
  vocativePrefix: boolean;
}

export interface Negator {
  index: number;
  /** How many tokens ahead it reaches: round(weight × 3), at least 1. */
  reach: number;
}

export interface Intensifier {
  index: number;
  weight: number;
}

/** Everything one pass over the tokens finds; the scope rules are applied afterwards. */
export interface MatchPass {
  /** The first hitCount entries are this pass's hits (the array is reused, longer than that). */
  hits: Hit[];
  hitCount: number;
  /** The hits' content entries back to back (reused from call to call, like hits). */
  entries: CompiledEntry[];
  negators: Negator[];
  vocatives: number[];
  reporting: number[];
  distancing: number[];
  intensifiers: Intensifier[];
  /** Token ranges covered by exception phrases (حمار وحشي, لحم الخنزير). */
  exceptionSpans: [number, number][];
  /** Sentences holding a literal-context cue (مزرعة, بيطري, zoo). */
  contextSentences: number[];
}

type Prefix = { codes: number[]; vocative: boolean };
/** Prefixes by their first code unit (minus `base`), so a token only tries those that can fit. */
function prefixTable(prefixes: readonly string[], vocative: string, base: number): (Prefix[] | undefined)[] {
  const table: (Prefix[] | undefined)[] = new Array(256).fill(undefined);
  for (const prefix of prefixes) {
    const first = prefix.charCodeAt(0) - base;
    const list = table[first] ?? [];
    list.push({ codes: [...prefix].map((c) => c.charCodeAt(0)), vocative: prefix === vocative });
    table[first] = list;
  }
  return table;
}
const ARABIC_BASE = 0x0600;
const ARABIC_BY_FIRST = prefixTable(ARABIC_PREFIXES, "يا", ARABIC_BASE);
const ARABIZI_BY_FIRST = prefixTable(ARABIZI_PREFIXES, "ya", 0);

// Per-token working state, reused: the readings of the current token, one per meaning.
const MAX_READINGS = 32;
const readingEntry: (CompiledEntry | undefined)[] = new Array(MAX_READINGS);
const readingStem = new Int32Array(MAX_READINGS);
const readingPrefix = new Int32Array(MAX_READINGS);
const readingVocative = new Uint8Array(MAX_READINGS);
let readingCount = 0;
let bestPhrase: CompiledPhrase | undefined;
let bestPhraseVocative = false;
const suffixHash = new Int32Array(MAX_KEY_LENGTH + 1);
let collapsed = new Uint16Array(MAX_KEY_LENGTH + 1);

function sameText(
  codes: Uint16Array,
  start: number,
  end: number,
  hash: number,
  expected: HashedText,
): boolean {
  if (end - start !== expected.text.length || hash !== expected.hash) return false;
  for (let k = 0; k < expected.text.length; k++)
    if (codes[start + k] !== expected.text.charCodeAt(k)) return false;
  return true;
}

function phraseMatches(
  phrase: CompiledPhrase,
  codes: Uint16Array,
  tokens: ScannedTokens,
  at: number,
): boolean {
  const n = phrase.tokens.length;
  if (at + n > tokens.count) return false;
  const clause = tokens.clause[at];
  for (let k = 1; k < n; k++) {
    const t = at + k;
    if (tokens.clause[t] !== clause) return false;
    const start = tokens.codeStart[t] as number;
    const end = tokens.codeEnd[t] as number;
    const hash = tokens.hash[t] as number;
    if (k === n - 1) {
      for (const form of phrase.lastForms) if (sameText(codes, start, end, hash, form)) return true;
      return false;
    }
    if (!sameText(codes, start, end, hash, phrase.tokens[k] as HashedText)) return false;
  }
  return true;
}

function consider(
  slot: LookupSlot,
  codes: Uint16Array,
  tokens: ScannedTokens,
  at: number,
  prefixLength: number,
  latinPrefix: boolean,
  vocative: boolean,
): void {
  let phrases: CompiledPhrase[] | undefined;
  const phraseHashes = slot.phraseHashes;
  if (phraseHashes !== undefined && at + 1 < tokens.count) {
    const next = tokens.hash[at + 1] as number;
    const indexes = slot.phraseIndexes as Int32Array;
    const mask = phraseHashes.length - 1;
    for (let k = phraseSlot(next, mask); indexes[k] !== 0; k = (k + 1) & mask) {
      if (phraseHashes[k] === next) {
        phrases = (slot.phraseLists as CompiledPhrase[][])[(indexes[k] as number) - 1];
        break;
      }
    }
  }
  if (phrases) {
    for (const phrase of phrases) {
      if (bestPhrase && bestPhrase.tokens.length >= phrase.tokens.length) break;
      if ((prefixLength > 0 && phrase.anyExact) || (latinPrefix && !phrase.allArabizi)) continue;
      if (phraseMatches(phrase, codes, tokens, at)) {
        bestPhrase = phrase;
        bestPhraseVocative = vocative;
        break;
      }
    }
  }
  const word = slot.word;
  if (!word) return;
  const entries = word.entries;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e] as CompiledEntry;
    // Stripping is only allowed for rows that permit it: exact rows match the bare word only,
    // and Latin prefixes (ya, el, w) only apply to Arabizi rows.
    if ((prefixLength > 0 && entry.exact) || (latinPrefix && !entry.arabizi)) continue;
    let r = 0;
    while (r < readingCount && (readingEntry[r] as CompiledEntry).meaning !== entry.meaning) r++;
    if (r < readingCount) {
      const stem = readingStem[r] as number;
      if (
        stem > word.stemLength ||
        (stem === word.stemLength && (readingPrefix[r] as number) <= prefixLength)
      )
        continue;
    } else if (readingCount < MAX_READINGS) readingCount++;
    else continue;
    readingEntry[r] = entry;
    readingStem[r] = word.stemLength;
    readingPrefix[r] = prefixLength;
    readingVocative[r] = vocative ? 1 : 0;
  }
}

/**
 * Looks up a token's letters codes[start..end) and its clitic-stripped stems. The hashes of
 * what is left after a prefix come from the scanner's per-token hashes, or from suffixHash for
 * the collapsed copy of a word.
 */
function lookupToken(
  lexicon: CompiledLexicon,
  codes: Uint16Array,
  start: number,
  end: number,
  kind: number,
  fromCollapsed: boolean,
  tokens: ScannedTokens,
  at: number,
): void {
  const length = end - start;
  const table = lexicon.table;
  const whole = fromCollapsed ? (suffixHash[0] as number) : (tokens.hash[at] as number);
  const slot = table.lookup(whole, codes, start, length);
  if (slot) consider(slot, tokens.codes, tokens, at, 0, false, false);
  const first = codes[start] as number;
  let candidates: Prefix[] | undefined;
  if (kind === KIND_ARABIC) candidates = ARABIC_BY_FIRST[(first - ARABIC_BASE) & 0xff];
  else if (kind === KIND_LATIN && first < 0x80) candidates = ARABIZI_BY_FIRST[first];
  if (!candidates) return;
  for (const prefix of candidates) {
    const p = prefix.codes.length;
    if (length - p < 2) continue;
    let same = true;
    for (let k = 1; k < p; k++) {
      if (codes[start + k] !== prefix.codes[k]) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    const hash = fromCollapsed ? (suffixHash[p] as number) : suffixHashOf(tokens, at, p);
    const stem = table.lookup(hash, codes, start + p, length - p);
    if (stem) consider(stem, tokens.codes, tokens, at, p, kind === KIND_LATIN, prefix.vocative);
  }
}

/**
 * Doubled و and ي are often real (رؤوس → رووس, مسؤول → مسوول once ؤ becomes و) but also
 * elongation in insults (حقيير): collapsing them may only find abusive words, never a name
 * (رووس must not become الروس).
 */
const WAW = 0x0648;
const YEH = 0x064a;

/** 0: no doubled letter; 1: some other than و/ي; 2: only و/ي doubled. */
function doubles(codes: Uint16Array, start: number, end: number): number {
  let found = 0;
  for (let i = start + 1; i < end; i++) {
    const c = codes[i] as number;
    if (c !== codes[i - 1]) continue;
    if (c !== WAW && c !== YEH) return 1;
    found = 2;
  }
  return found;
}

/**
 * Records a modifier in the pass, or appends a content entry to pass.entries at `at`; returns
 * the next free index there (one shared list: no array per hit).
 */
function dispatch(
  compiled: CompiledEntry,
  first: number,
  last: number,
  tokens: ScannedTokens,
  at: number,
): number {
  switch (compiled.role) {
    case ROLE_CONTENT:
      if (at < hitEntries.length) hitEntries[at] = compiled;
      else hitEntries.push(compiled);
      return at + 1;
    case ROLE_NEGATOR:
      pass.negators.push({ index: first, reach: Math.max(1, Math.round(compiled.weight * 3)) });
      break;
    case ROLE_VOCATIVE:
      pass.vocatives.push(first);
      break;
    case ROLE_REPORTING:
      pass.reporting.push(first);
      break;
    case ROLE_DISTANCING:
      pass.distancing.push(first);
      break;
    case ROLE_INTENSIFIER:
      pass.intensifiers.push({ index: first, weight: compiled.weight });
      break;
    case ROLE_EXCEPTION:
      if (last === first) pass.contextSentences.push(tokens.sentence[first] as number);
      else pass.exceptionSpans.push([first, last]);
      break;
  }
  return at;
}

/** Copies codes[start..end) with doubled letters collapsed; returns the new length. */
function collapseInto(codes: Uint16Array, start: number, end: number): number {
  if (collapsed.length < end - start) collapsed = new Uint16Array(end - start);
  let n = 0;
  let previous = -1;
  for (let i = start; i < end; i++) {
    const c = codes[i] as number;
    if (c !== previous) collapsed[n++] = c;
    previous = c;
  }
  return n;
}

/** Keeps only abusive readings (after collapsing a doubled و or ي) and drops any phrase. */
function keepAbusiveReadings(): void {
  let kept = 0;
  for (let r = 0; r < readingCount; r++) {
    const entry = readingEntry[r] as CompiledEntry;
    if (!entry.abusive) continue;
    readingEntry[kept] = entry;
    readingStem[kept] = readingStem[r] as number;
    readingPrefix[kept] = readingPrefix[r] as number;
    readingVocative[kept] = readingVocative[r] as number;
    kept++;
  }
  readingCount = kept;
  bestPhrase = undefined;
}

/**
 * Finds lexicon entries on the tokens: multi-word expressions first (longest wins and consumes
 * its tokens), else, per meaning, the reading with the longest stem after clitic and suffix
 * stripping. Doubled letters are collapsed only when the word as written finds nothing
 * (حماار → حمار).
 */
// Reused from call to call: valid until the next matchTokens (classify reads it at once).
const pass: MatchPass = {
  hits: [],
  hitCount: 0,
  entries: [],
  negators: [],
  vocatives: [],
  reporting: [],
  distancing: [],
  intensifiers: [],
  exceptionSpans: [],
  contextSentences: [],
};

const hitPool: Hit[] = [];
const hitEntries: CompiledEntry[] = pass.entries;

export function matchTokens(tokens: ScannedTokens, lexicon: CompiledLexicon): MatchPass {
  const codes = tokens.codes;
  let hitCount = 0;
  let entryCount = 0;
  // Most comments leave most lists empty; setting length only when needed is cheaper.
  if (pass.negators.length > 0) pass.negators.length = 0;
  if (pass.vocatives.length > 0) pass.vocatives.length = 0;
  if (pass.reporting.length > 0) pass.reporting.length = 0;
  if (pass.distancing.length > 0) pass.distancing.length = 0;
  if (pass.intensifiers.length > 0) pass.intensifiers.length = 0;
  if (pass.exceptionSpans.length > 0) pass.exceptionSpans.length = 0;
  if (pass.contextSentences.length > 0) pass.contextSentences.length = 0;
  const tokenFilter = lexicon.tokenFilter;
  // The token arrays in locals: lookupToken is a call the loop cannot see through, so reads
  // through `tokens` would be repeated for every token.
  const count = tokens.count;
  const codeStart = tokens.codeStart;
  const codeEnd = tokens.codeEnd;
  const hashes = tokens.hash;
  const kinds = tokens.kind;
  for (let i = 0; i < count; i++) {
    const start = codeStart[i] as number;
    const end = codeEnd[i] as number;
    if (end - start > MAX_KEY_LENGTH) continue;
    const kind = kinds[i] as number;
    // Most tokens are in no lexicon form, with or without a proclitic: one filter check says so,
    // and those without a doubled letter to collapse are done at once.
    const inFilter = tokenFilter.has(hashes[i] as number, end - start);
    let found = -1;
    if (!inFilter) {
      if (kind === KIND_SYMBOL) continue;
      found = doubles(codes, start, end);
      if (found === 0) continue;
    }
    readingCount = 0;
    bestPhrase = undefined;
    bestPhraseVocative = false;
    if (inFilter) lookupToken(lexicon, codes, start, end, kind, false, tokens, i);
    if (readingCount === 0 && !bestPhrase && kind !== KIND_SYMBOL) {
      if (found < 0) found = doubles(codes, start, end);
      if (found !== 0) {
        const length = collapseInto(codes, start, end);
        if (tokenFilter.has(hashCodes(collapsed, 0, length), length)) {
          suffixHashes(collapsed, 0, length, suffixHash);
          lookupToken(lexicon, collapsed, 0, length, kind, true, tokens, i);
          if (found === 2) keepAbusiveReadings();
        }
      }
    }
    if (readingCount === 0 && !bestPhrase) continue;
    let last = i;
    let vocative = false;
    const entryStart = entryCount;
    const phrase = bestPhrase as CompiledPhrase | undefined;
    if (phrase && !phrase.allException) {
      last = i + phrase.tokens.length - 1;
      vocative = bestPhraseVocative;
      for (const compiled of phrase.entries) entryCount = dispatch(compiled, i, last, tokens, entryCount);
    } else {
      if (phrase) pass.exceptionSpans.push([i, i + phrase.tokens.length - 1]);
      for (let r = 0; r < readingCount; r++) {
        if (readingVocative[r] === 1) vocative = true;
        entryCount = dispatch(readingEntry[r] as CompiledEntry, i, i, tokens, entryCount);
      }
    }
    if (entryCount > entryStart) {
      // Hit objects are reused from call to call (valid until the next matchTokens).
      let hit = hitPool[hitCount];
      if (hit === undefined) {
        hit = { first: i, last, entryStart, entryEnd: entryCount, vocativePrefix: vocative };
        hitPool.push(hit);
      } else {
        hit.first = i;
        hit.last = last;
        hit.entryStart = entryStart;
        hit.entryEnd = entryCount;
        hit.vocativePrefix = vocative;
      }
      hitCount++;
    }
    i = last;
  }
  pass.hits = hitPool;
  pass.hitCount = hitCount;
  return pass;
}
