/**
 * Normalisation for matching, with a map back to the original text.
 *
 * Every character of the normalised text remembers the UTF-16 range of the original text it came
 * from, so a match found in normalised text can be shown on the words as the writer wrote them.
 * Work is table-driven (one array read per code unit) because classify runs on every comment.
 */

/** Separators in normalised text. Everything else is part of a word or a symbol. */
export const SEP_SPACE = 0x20; // space, brackets, other punctuation
export const SEP_SENTENCE = 0x2e; // . ! ? ؟ … newline
export const SEP_CLAUSE = 0x2c; // , ، ; ؛ :
export const SEP_QUOTE = 0x22; // " « » “ ” „
export const SEP_JOINER = 0x2d; // - _ * + / · • (used to space letters apart: ح-م-ا-ر)
/** The highest separator code: anything above is a letter, digit or symbol. */
export const SEP_MAX = 0x2e;

export interface NormalisedText {
  /** Lower-cased, diacritic-free, variant-unified text; separators folded to the five above. */
  text: string;
  /** starts[i], ends[i]: the original UTF-16 range that normalised character i came from. */
  starts: Int32Array;
  ends: Int32Array;
}

// The mapping tables below are shared with scan.ts, which applies the same rules in its fused
// normalise-and-tokenise pass; keep the two loops in step (scan.test.ts checks they agree).
export const DROP = -1; // removed; a mark directly after a letter widens that letter's original range
export const SURROGATE = -3;
export const UNKNOWN = -9;
export const EXPAND_BASE = -100; // -100 - k: expansion number k

export const MAP = new Int32Array(0x10000).fill(UNKNOWN);
export const EXPANSIONS: number[][] = [];
/** Normalised code units that are pictographic symbols (emoji): they become one-symbol tokens. */
export const SYMBOL_CODES = new Uint8Array(0x10000);

function setRange(from: number, to: number, value: number): void {
  for (let c = from; c <= to; c++) MAP[c] = value;
}
function set(chars: string, value: number | string): void {
  const mapped = typeof value === "string" ? value.charCodeAt(0) : value;
  for (const ch of chars) MAP[ch.charCodeAt(0)] = mapped;
}

// Arabic diacritics (harakat, tanween, shadda, sukun, maddah/hamza marks), dagger alef, Quranic
// annotation marks and tatweel carry no meaning for matching.
setRange(0x064b, 0x065f, DROP);
MAP[0x0670] = DROP;
setRange(0x06d6, 0x06ed, DROP);
setRange(0x0610, 0x061a, DROP);
MAP[0x0640] = DROP;
// Invisible format characters: zero-width space/joiners, direction marks, BOM, soft hyphen,
// variation selectors. Writers (and spammers) put them inside words to dodge filters.
setRange(0x200b, 0x200f, DROP);
setRange(0x202a, 0x202e, DROP);
setRange(0x2060, 0x2069, DROP);
setRange(0xfe00, 0xfe0f, DROP);
for (const c of [0xfeff, 0x00ad, 0x034f, 0x061c, 0x180e]) MAP[c] = DROP;
// Letter variants, so that spelling habits and keyboards do not change the key.
set("إأآٱٲٳ", "ا");
set("ىیېےۍ", "ي");
set("ئ", "ي");
set("ؤ", "و");
set("ةۀہەۃ", "ه");
set("کگڪڭ", "ك");
set("ڨ", "ق");
set("پ", "ب");
set("چ", "ج");
set("ڤڥ", "ف");
set("ژ", "ز");
for (let d = 0; d < 10; d++) {
  MAP[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
  MAP[0x06f0 + d] = 0x30 + d; // Persian/Urdu digits
}
// Punctuation classes the scope rules need.
set(".!?؟…।۔。\n\r\u2028\u2029", SEP_SENTENCE);
set(",،;؛:", SEP_CLAUSE);
set('"«»“”„‟‹›「」『』', SEP_QUOTE);
set("-_*+/\\|~·•‧‐‑–—=", SEP_JOINER);
set(
  " \t\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
  SEP_SPACE,
);
set("'‘’`´()[]{}<>#@$%^&٪٫٬٭", SEP_SPACE);
for (let c = 0x41; c <= 0x5a; c++) MAP[c] = c + 0x20;
for (let c = 0x61; c <= 0x7a; c++) MAP[c] = c;
for (let c = 0x30; c <= 0x39; c++) MAP[c] = c;
for (let c = 0x0621; c <= 0x064a; c++) if (MAP[c] === UNKNOWN) MAP[c] = c;
MAP[0x00e6] = addExpansion([0x61, 0x65]); // æ
MAP[0x0153] = addExpansion([0x6f, 0x65]); // œ
MAP[0x00df] = addExpansion([0x73, 0x73]); // ß

function addExpansion(codes: number[]): number {
  EXPANSIONS.push(codes);
  return EXPANSION_CODE(EXPANSIONS.length - 1);
}
function EXPANSION_CODE(k: number): number {
  return EXPAND_BASE - k;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const MARK_OR_FORMAT = /[\p{M}\p{Cf}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** Mapping for a code unit the tables above do not name; computed once, on first sight. */
export function computeMapping(c: number, depth = 0): number {
  if (c >= 0xd800 && c <= 0xdfff) return SURROGATE;
  const known = MAP[c] ?? UNKNOWN;
  if (known !== UNKNOWN) return known;
  const ch = String.fromCharCode(c);
  let result: number;
  if (MARK_OR_FORMAT.test(ch)) result = DROP;
  else if (PICTOGRAPHIC.test(ch)) {
    SYMBOL_CODES[c] = 1;
    result = c;
  } else if (LETTER_OR_NUMBER.test(ch) || (c >= 0xfb50 && c <= 0xfeff) || (c >= 0xff00 && c <= 0xffef)) {
    // NFKC folds presentation forms (ﻻ, ﷲ), full-width and compatibility letters; NFD then
    // drops Latin accents (é → e) so French is matched without them.
    const folded = ch.normalize("NFKC").toLowerCase().normalize("NFD");
    if (folded === ch || depth > 2) result = c;
    else {
      const codes: number[] = [];
      for (let i = 0; i < folded.length; i++) {
        const m = computeMapping(folded.charCodeAt(i), depth + 1);
        if (m >= 0) codes.push(m);
        else if (m <= EXPAND_BASE) codes.push(...(EXPANSIONS[EXPAND_BASE - m] ?? []));
      }
      if (codes.length === 0) result = DROP;
      else if (codes.length === 1) result = codes[0] ?? DROP;
      else result = addExpansion(codes);
    }
  } else result = SEP_SPACE;
  MAP[c] = result;
  return result;
}

const pictographicCache = new Map<number, boolean>();
export function isPictographic(cp: number): boolean {
  let known = pictographicCache.get(cp);
  if (known === undefined) {
    known = PICTOGRAPHIC.test(String.fromCodePoint(cp));
    pictographicCache.set(cp, known);
  }
  return known;
}

export function isSeparator(code: number): boolean {
  return (
    code === SEP_SPACE ||
    code === SEP_SENTENCE ||
    code === SEP_CLAUSE ||
    code === SEP_QUOTE ||
    code === SEP_JOINER
  );
}

let outCodes = new Uint16Array(1024);
let outStarts = new Int32Array(1024);
let outEnds = new Int32Array(1024);

function grow(min: number): void {
  const size = Math.max(min, outCodes.length * 2);
  const codes = new Uint16Array(size);
  codes.set(outCodes);
  const starts = new Int32Array(size);
  starts.set(outStarts);
  const ends = new Int32Array(size);
  ends.set(outEnds);
  outCodes = codes;
  outStarts = starts;
  outEnds = ends;
}

function codesToString(codes: Uint16Array, length: number): string {
  let text = "";
  for (let i = 0; i < length; i += 4096) {
    text += String.fromCharCode.apply(
      null,
      codes.subarray(i, Math.min(length, i + 4096)) as unknown as number[],
    );
  }
  return text;
}

/**
 * Normalises text for matching:
 * - drops diacritics (U+064B–U+065F, U+0670), Quranic marks, tatweel and zero-width/format chars;
 * - unifies alef forms (إأآٱ→ا), ى/ی/ئ→ي, ؤ→و, ة→ه, Persian/Urdu letters (ک گ→ك, پ→ب, چ→ج, ڤ→ف);
 * - folds presentation forms and full-width letters with NFKC, Latin to lower case without accents;
 * - maps Arabic-Indic and Persian digits to 0–9;
 * - collapses a letter repeated three or more times to one (حماااار → حمار);
 * - folds punctuation to five separators (space, sentence, clause, quote, joiner) and keeps emoji.
 * Letters spaced or dotted apart (ح م ا ر, ح.م.ا.ر) are joined by the tokeniser, which sees the
 * separators.
 */
export function normalise(original: string): NormalisedText {
  const length = normaliseIntoBuffers(original);
  return {
    text: codesToString(outCodes, length),
    starts: outStarts.slice(0, length),
    ends: outEnds.slice(0, length),
  };
}

function normaliseIntoBuffers(original: string): number {
  const n = original.length;
  // Expansions (ﷺ, ﻻ) are the only way to outgrow 2n; the loop re-checks then.
  if (outCodes.length < 2 * n + 32) grow(2 * n + 32);
  let codes = outCodes;
  let starts = outStarts;
  let ends = outEnds;
  let len = 0;
  let last = -1; // last output code
  let run = 0; // how many times `last` repeats at the end of the output
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    let m = MAP[c] as number;
    if (m === UNKNOWN) m = computeMapping(c);
    if (m === DROP) {
      // A mark right after a letter belongs to that letter, so the letter's range covers it.
      if (len > 0 && ends[len - 1] === i && !(last <= SEP_MAX && isSeparator(last))) ends[len - 1] = i + 1;
      continue;
    }
    let expansion: number[] | undefined;
    let steps = 1;
    let oEnd = i + 1;
    if (m === SURROGATE) {
      const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0000 && cp <= 0xe007f)) {
          // Skin tones and tag characters modify the emoji before them.
          if (len > 0 && ends[len - 1] === i && !(last <= SEP_MAX && isSeparator(last)))
            ends[len - 1] = i + 2;
          i++;
          continue;
        }
        if (isPictographic(cp)) {
          codes[len] = c;
          codes[len + 1] = next;
          starts[len] = i;
          starts[len + 1] = i;
          ends[len] = i + 2;
          ends[len + 1] = i + 2;
          len += 2;
          last = next;
          run = 1;
          i++;
          continue;
        }
        i++;
        oEnd = i + 1;
      }
      m = SEP_SPACE; // other astral characters and lone surrogates separate words
    } else if (m <= EXPAND_BASE) {
      // Expansion: several normalised characters that all point at this one original character.
      expansion = EXPANSIONS[EXPAND_BASE - m] ?? [];
      steps = expansion.length;
      if (len + steps + 2 * (n - i) + 32 > codes.length) {
        grow(len + steps + 2 * (n - i) + 32);
        codes = outCodes;
        starts = outStarts;
        ends = outEnds;
      }
    }
    const oStart = m === SEP_SPACE && oEnd - i > 1 ? i - 1 : i;
    for (let step = 0; step < steps; step++) {
      if (expansion) m = expansion[step] as number;
      // Separators are all below 0x2f, so one comparison settles most characters.
      const separator = m <= SEP_MAX && isSeparator(m);
      if (m === last) {
        if (separator && m !== SEP_QUOTE) {
          ends[len - 1] = oEnd;
          continue;
        }
        if ((m >= 0x0621 && m <= 0x064a) || (m >= 0x61 && m <= 0x7a)) {
          run++;
          if (run >= 3) {
            if (run === 3) len--; // the second copy goes; the first now stands for the whole run
            ends[len - 1] = oEnd;
            continue;
          }
        }
      } else {
        if (m === SEP_SPACE && (len === 0 || (last <= SEP_MAX && isSeparator(last)))) continue;
        run = 1;
      }
      codes[len] = m;
      starts[len] = oStart;
      ends[len] = oEnd;
      len++;
      last = m;
    }
  }
  return len;
}

/** Normalises one lexicon term or a token the same way as comment text (no offsets needed). */
export function normaliseTerm(term: string): string {
  return normalise(term).text;
}
