import { POWERS as IMPORTED_POWERS, MAX_KEY_LENGTH } from "./code-table.ts";
import * as normalisation from "./normalise.ts";

// Local copies of the shared tables and constants: reading an imported binding in a hot loop
// goes through the module record on every access, a local constant does not.
const MAP = normalisation.MAP;
const EXPANSIONS = normalisation.EXPANSIONS;
const SYMBOL_CODES = normalisation.SYMBOL_CODES;
const POWERS = IMPORTED_POWERS;
const computeMapping = normalisation.computeMapping;
const isPictographic = normalisation.isPictographic;
const DROP = -1;
const SURROGATE = -3;
const UNKNOWN = -9;
const EXPAND_BASE = -100;
const SEP_SPACE = 0x20;
const SEP_SENTENCE = 0x2e;
const SEP_CLAUSE = 0x2c;
const SEP_QUOTE = 0x22;
const SEP_JOINER = 0x2d;
const SEP_MAX = 0x2e;
function isSeparator(c: number): boolean {
  return c === SEP_SPACE || c === SEP_SENTENCE || c === SEP_CLAUSE || c === SEP_QUOTE || c === SEP_JOINER;
}
if (
  normalisation.DROP !== DROP ||
  normalisation.SURROGATE !== SURROGATE ||
  normalisation.UNKNOWN !== UNKNOWN ||
  normalisation.EXPAND_BASE !== EXPAND_BASE ||
  normalisation.SEP_SPACE !== SEP_SPACE ||
  normalisation.SEP_SENTENCE !== SEP_SENTENCE ||
  normalisation.SEP_CLAUSE !== SEP_CLAUSE ||
  normalisation.SEP_QUOTE !== SEP_QUOTE ||
  normalisation.SEP_JOINER !== SEP_JOINER ||
  normalisation.SEP_MAX !== SEP_MAX
) {
  throw new Error("scan.ts and normalise.ts disagree on their constants");
}

export const KIND_ARABIC = 1;
export const KIND_LATIN = 2;
export const KIND_SYMBOL = 3;
export const KIND_OTHER = 4;
export type TokenKind = 1 | 2 | 3 | 4;

export interface QuoteSpan {
  /** Token range [first, end) inside the quotation marks. */
  first: number;
  end: number;
}

const BASE = 0x01000193;
/** BASE⁻¹ mod 2³²: undoes the last step of a hash (h = h'·BASE + m, so h' = (h − m)·BASE⁻¹). */
const INVERSE_BASE = (() => {
  let inverse = BASE;
  for (let k = 0; k < 5; k++) inverse = Math.imul(inverse, 2 - Math.imul(BASE, inverse));
  return inverse;
})();
if (Math.imul(BASE, INVERSE_BASE) !== 1) throw new Error("scan.ts: BASE has no inverse");

/**
 * Tokens of the last scanned text as parallel typed arrays, reused between calls (valid until
 * the next scan). codes holds the normalised letters of the tokens back to back.
 */
export interface ScannedTokens {
  count: number;
  codes: Uint16Array;
  codeStart: Int32Array;
  codeEnd: Int32Array;
  /** The token's UTF-16 range in the ORIGINAL text, marks and elongation included. */
  origStart: Int32Array;
  origEnd: Int32Array;
  /** Polynomial hash of the token's letters (see code-table.ts). */
  hash: Int32Array;
  kind: Uint8Array;
  sentence: Int32Array;
  clause: Int32Array;
  /** Index into quotes of the balanced quotation the token sits in, or -1. */
  quote: Int32Array;
  quotes: QuoteSpan[];
  /** Letters in Arabic and in Latin-script tokens, for language detection. */
  arabicLetters: number;
  latinLetters: number;
}

/** Shared by every text without quotation marks (most): nothing ever writes to it. */
const NO_QUOTES: QuoteSpan[] = [];

const GAP_SENTENCE = 1;
const GAP_CLAUSE = 2;
const GAP_QUOTE = 4;
const GAP_FLAGS = 7;
const GAP_LENGTH_SHIFT = 3;
const GAP_QUOTES_SHIFT = 5;

// Sized at once for comments of a few thousand characters: growing is a path the optimised
// scanText rarely sees, and hitting it later deoptimises it (and the re-optimised code can come
// out slower).
const MIN_CODES = 8192;
const MIN_TOKENS = 4096;
let tokenCapacity = 0;
let codeCapacity = 0;
// The scan writes tokens straight into the result arrays; letters spaced apart are joined
// afterwards by compacting in place. Gaps before each token are kept on the side.
// One store per token for its gap: the GAP_ flags, the separators in it (capped at 3: only
// "at most two" matters) and the quotation marks in it.
let rawGap = new Int32Array(0);
let quoteMarks = new Int32Array(16);
const scanned: ScannedTokens = {
  count: 0,
  codes: new Uint16Array(0),
  codeStart: new Int32Array(0),
  codeEnd: new Int32Array(0),
  origStart: new Int32Array(0),
  origEnd: new Int32Array(0),
  hash: new Int32Array(0),
  kind: new Uint8Array(0),
  sentence: new Int32Array(0),
  clause: new Int32Array(0),
  quote: new Int32Array(0),
  quotes: [],
  arabicLetters: 0,
  latinLetters: 0,
};

function ensureCapacity(codesNeeded: number, tokensNeeded: number): void {
  if (codesNeeded > codeCapacity) {
    codeCapacity = Math.max(codesNeeded, codeCapacity * 2, MIN_CODES);
    const codes = new Uint16Array(codeCapacity);
    codes.set(scanned.codes);
    scanned.codes = codes;
  }
  if (tokensNeeded <= tokenCapacity) return;
  tokenCapacity = Math.max(tokensNeeded, tokenCapacity * 2, MIN_TOKENS);
  const n = tokenCapacity;
  const grownInt = (old: Int32Array, size: number) => {
    const next = new Int32Array(size);
    next.set(old);
    return next;
  };
  const grownByte = (old: Uint8Array) => {
    const next = new Uint8Array(n);
    next.set(old);
    return next;
  };
  rawGap = grownInt(rawGap, n);
  scanned.codeStart = grownInt(scanned.codeStart, n);
  scanned.codeEnd = grownInt(scanned.codeEnd, n);
  scanned.origStart = grownInt(scanned.origStart, n);
  scanned.origEnd = grownInt(scanned.origEnd, n);
  scanned.hash = grownInt(scanned.hash, n);
  scanned.kind = grownByte(scanned.kind);
  scanned.sentence = new Int32Array(n);
  scanned.clause = new Int32Array(n);
  scanned.quote = new Int32Array(n);
}

function kindOf(code: number): TokenKind {
  if (code >= 0x0600 && code <= 0x06ff) return KIND_ARABIC;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return KIND_LATIN;
  if ((code >= 0xd800 && code <= 0xdbff) || SYMBOL_CODES[code] === 1) return KIND_SYMBOL;
  return KIND_OTHER;
}

function pushQuoteMark(marks: number, token: number): number {
  if (marks >= quoteMarks.length) {
    const bigger = new Int32Array(quoteMarks.length * 2);
    bigger.set(quoteMarks);
    quoteMarks = bigger;
  }
  quoteMarks[marks] = token;
  return marks + 1;
}

// What the scan keeps as tokens open (see openToken): letters so far by script, one-letter
// tokens in a row, sentence and clause numbers.
const STATE_ARABIC = 0;
const STATE_LATIN = 1;
const STATE_SINGLES = 2;
const STATE_SENTENCE = 3;
const STATE_CLAUSE = 4;
const openState = new Int32Array(5);

/** One word for the gap before a token: its GAP_ flags, separators (capped at 3) and quotes. */
function packGap(gap: number, gapLength: number, gapQuotes: number): number {
  return gap | ((gapLength < 3 ? gapLength : 3) << GAP_LENGTH_SHIFT) | (gapQuotes << GAP_QUOTES_SHIFT);
}

/**
 * Counts the letters of closed token k by script and the one-letter tokens in a row up to it.
 * Returns false at the third one-letter token in a row (letters spaced apart: finishTokens joins
 * them).
 */
function countClosedToken(k: number): boolean {
  const t = scanned;
  const state = openState;
  const length = (t.codeEnd[k] as number) - (t.codeStart[k] as number);
  const kind = t.kind[k];
  if (kind === KIND_ARABIC) state[STATE_ARABIC] = (state[STATE_ARABIC] as number) + length;
  else if (kind === KIND_LATIN) state[STATE_LATIN] = (state[STATE_LATIN] as number) + length;
  const singles = length === 1 ? (state[STATE_SINGLES] as number) + 1 : 0;
  state[STATE_SINGLES] = singles;
  return singles < 3;
}

/**
 * Records the gap before token `raw`, which is opening, and numbers its sentence and clause;
 * counts the token before it. Returns false when the text needs finishTokens' second pass: a
 * quotation mark in the gap, or a third one-letter token in a row.
 */
function openToken(raw: number, gap: number, gapLength: number, gapQuotes: number): boolean {
  rawGap[raw] = packGap(gap, gapLength, gapQuotes);
  let plain = gapQuotes === 0;
  if (raw > 0 && !countClosedToken(raw - 1)) plain = false;
  const state = openState;
  if (gap & GAP_SENTENCE) state[STATE_SENTENCE] = (state[STATE_SENTENCE] as number) + 1;
  if (gap & (GAP_SENTENCE | GAP_CLAUSE)) state[STATE_CLAUSE] = (state[STATE_CLAUSE] as number) + 1;
  scanned.sentence[raw] = state[STATE_SENTENCE] as number;
  scanned.clause[raw] = state[STATE_CLAUSE] as number;
  return plain;
}

/**
 * Normalises and tokenises in one pass over the original text (the fast path of classify),
 * applying exactly the rules of normalise() and tokenise(): see those for the list. Each token
 * keeps its range in the original text, its letters, and hashes for the lexicon lookup.
 */
export function scanText(original: string): ScannedTokens {
  const n = original.length;
  // Expansions (ﷺ → 18 letters) are the only way to outgrow 2n letters; checked below.
  ensureCapacity(2 * n + 32, n + 2);
  let codes = scanned.codes;
  let rawCodeStart = scanned.codeStart;
  let rawCodeEnd = scanned.codeEnd;
  let rawOrigStart = scanned.origStart;
  let rawOrigEnd = scanned.origEnd;
  let rawHash = scanned.hash;
  let rawKind = scanned.kind;
  let tokenQuote = scanned.quote;
  // Sentences, clauses and letter counts are kept as tokens open; only a text with quotation
  // marks, emoji or three one-letter tokens in a row (letters spaced apart) needs finishTokens'
  // second pass, which recomputes them all.
  let plain = true;
  openState.fill(0);
  let cl = 0; // letters written
  let raw = 0; // raw tokens closed so far; token `raw` is the open one when `open`
  let open = false;
  let openKind = 0;
  let h = 0;
  let gap = 0;
  let gapLength = 0;
  let gapQuotes = 0;
  let last = -1; // last normalised code emitted (letter or separator)
  let run = 0;
  let tokenOrigEnd = 0;
  // The open token's end, hash and original end live in locals and are stored when it closes
  // (inline at each close: a closure here would slow down the whole loop).
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    let m = MAP[c] as number;
    // Fast path, most characters: the next letter of the open word, same script, not a repeat.
    if (
      open &&
      m !== last &&
      ((openKind === KIND_ARABIC && m >= 0x0621 && m <= 0x064a) ||
        (openKind === KIND_LATIN && ((m >= 0x61 && m <= 0x7a) || (m >= 0x30 && m <= 0x39))))
    ) {
      // The rest of the word's plain letters in a tight loop: no other state changes there.
      // A letter doubled (الله) stays here; a third copy is elongation, left to the general path.
      const arabic = openKind === KIND_ARABIC;
      let j = i;
      let repeats = 1;
      for (;;) {
        codes[cl++] = m;
        h = (Math.imul(h, BASE) + m) | 0;
        last = m;
        if (++j >= n) break;
        m = MAP[original.charCodeAt(j)] as number;
        if (!(arabic ? m >= 0x0621 && m <= 0x064a : (m >= 0x61 && m <= 0x7a) || (m >= 0x30 && m <= 0x39)))
          break;
        if (m !== last) repeats = 1;
        else if (repeats === 1) repeats = 2;
        else break;
      }
      run = repeats;
      tokenOrigEnd = j;
      i = j - 1;
      continue;
    }
    // Second fast path: a space, comma or full stop right after a word closes it (one word in
    // five or six); a space after such a separator adds nothing.
    if (m === SEP_SPACE || m === SEP_CLAUSE || m === SEP_SENTENCE) {
      if (open) {
        rawCodeEnd[raw] = cl;
        rawHash[raw] = h;
        rawOrigEnd[raw] = tokenOrigEnd;
        raw++;
        open = false;
        gap = m === SEP_SENTENCE ? GAP_SENTENCE : m === SEP_CLAUSE ? GAP_CLAUSE : 0;
        gapLength = 1;
        gapQuotes = 0;
        last = m;
        run = 1;
        continue;
      }
      if (m === SEP_SPACE && (last === -1 || (last <= SEP_MAX && isSeparator(last)))) continue;
    }
    // Third: a plain letter opens a word (same steps as the general path below, minus its checks).
    if (
      !open &&
      m !== last &&
      ((m >= 0x0621 && m <= 0x064a) || (m >= 0x61 && m <= 0x7a) || (m >= 0x30 && m <= 0x39))
    ) {
      const kind = m >= 0x0621 ? KIND_ARABIC : KIND_LATIN;
      open = true;
      openKind = kind;
      rawCodeStart[raw] = cl;
      rawOrigStart[raw] = i;
      rawKind[raw] = kind;
      if (!openToken(raw, gap, gapLength, gapQuotes)) plain = false;
      codes[cl++] = m;
      h = m;
      tokenOrigEnd = i + 1;
      last = m;
      run = 1;
      continue;
    }
    if (m === UNKNOWN) m = computeMapping(c);
    if (m === DROP) {
      // A mark right after a letter or emoji belongs to it.
      if (open) {
        if (tokenOrigEnd === i) tokenOrigEnd = i + 1;
      } else if (raw > 0 && rawOrigEnd[raw - 1] === i && !(last <= SEP_MAX && isSeparator(last)))
        rawOrigEnd[raw - 1] = i + 1;
      continue;
    }
    let expansion: number[] | undefined;
    let steps = 1;
    if (m === SURROGATE) {
      const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0000 && cp <= 0xe007f)) {
          // Skin tones and tag characters modify the emoji before them.
          if (open) {
            if (tokenOrigEnd === i) tokenOrigEnd = i + 2;
          } else if (raw > 0 && rawOrigEnd[raw - 1] === i && !(last <= SEP_MAX && isSeparator(last)))
            rawOrigEnd[raw - 1] = i + 2;
          i++;
          continue;
        }
        if (isPictographic(cp)) {
          if (open) {
            rawCodeEnd[raw] = cl;
            rawHash[raw] = h;
            rawOrigEnd[raw] = tokenOrigEnd;
            raw++;
            gap = 0;
            gapLength = 0;
            gapQuotes = 0;
          }
          plain = false;
          rawCodeStart[raw] = cl;
          rawOrigStart[raw] = i;
          rawOrigEnd[raw] = i + 2;
          rawKind[raw] = KIND_SYMBOL;
          rawGap[raw] = packGap(gap, gapLength, gapQuotes);
          codes[cl++] = c;
          codes[cl++] = next;
          rawCodeEnd[raw] = cl;
          rawHash[raw] = (Math.imul(c, BASE) + next) | 0;
          raw++;
          open = false;
          gap = 0;
          gapLength = 0;
          gapQuotes = 0;
          last = next;
          run = 1;
          i++;
          continue;
        }
        i++;
      }
      m = SEP_SPACE; // other astral characters and lone surrogates separate words
    } else if (m <= EXPAND_BASE) {
      expansion = EXPANSIONS[EXPAND_BASE - m] ?? [];
      steps = expansion.length;
      ensureCapacity(cl + steps + 2 * (n - i) + 32, raw + steps + (n - i) + 2);
      codes = scanned.codes;
      rawCodeStart = scanned.codeStart;
      rawCodeEnd = scanned.codeEnd;
      rawOrigStart = scanned.origStart;
      rawOrigEnd = scanned.origEnd;
      rawHash = scanned.hash;
      rawKind = scanned.kind;
      tokenQuote = scanned.quote;
    }
    const oStart = expansion ? i : i - (m === SEP_SPACE && c >= 0xd800 && c <= 0xdbff ? 1 : 0);
    const oEnd = i + 1;
    for (let step = 0; step < steps; step++) {
      if (expansion) m = expansion[step] as number;
      if (m <= SEP_MAX && isSeparator(m)) {
        if (m === last) {
          if (m !== SEP_QUOTE) continue;
        } else if (m === SEP_SPACE && (last === -1 || (last <= SEP_MAX && isSeparator(last)))) continue;
        if (open) {
          rawCodeEnd[raw] = cl;
          rawHash[raw] = h;
          rawOrigEnd[raw] = tokenOrigEnd;
          raw++;
          open = false;
          gap = 0;
          gapLength = 0;
          gapQuotes = 0;
        }
        if (m === SEP_SENTENCE) gap |= GAP_SENTENCE;
        else if (m === SEP_CLAUSE) gap |= GAP_CLAUSE;
        else if (m === SEP_QUOTE) {
          gap |= GAP_QUOTE;
          gapQuotes++;
        }
        gapLength++;
        last = m;
        run = 1;
        continue;
      }
      if (m === last) {
        if ((m >= 0x0621 && m <= 0x064a) || (m >= 0x61 && m <= 0x7a)) {
          run++;
          if (run >= 3) {
            // Elongation: the second copy goes, the first stands for the whole run.
            if (run === 3) {
              cl--;
              h = Math.imul(h - m, INVERSE_BASE);
            }
            tokenOrigEnd = oEnd;
            continue;
          }
        }
      } else run = 1;
      const kind = kindOf(m);
      if (open && (kind !== openKind || kind === KIND_SYMBOL)) {
        rawCodeEnd[raw] = cl;
        rawHash[raw] = h;
        rawOrigEnd[raw] = tokenOrigEnd;
        raw++;
        open = false;
        gap = 0;
        gapLength = 0;
        gapQuotes = 0;
      }
      if (!open) {
        open = true;
        openKind = kind;
        h = 0;
        rawCodeStart[raw] = cl;
        rawOrigStart[raw] = oStart;
        rawKind[raw] = kind;
        if (!openToken(raw, gap, gapLength, gapQuotes)) plain = false;
      }
      codes[cl++] = m;
      h = (Math.imul(h, BASE) + m) | 0;
      tokenOrigEnd = oEnd;
      last = m;
    }
  }
  if (open) {
    rawCodeEnd[raw] = cl;
    rawHash[raw] = h;
    rawOrigEnd[raw] = tokenOrigEnd;
    raw++;
    gapQuotes = 0;
  }
  if (plain && gapQuotes === 0) {
    if (raw > 0 && !countClosedToken(raw - 1)) return finishTokens(raw, gapQuotes);
    // No token is quoted: one native fill instead of a store per token.
    tokenQuote.fill(-1, 0, raw);
    scanned.count = raw;
    scanned.quotes = NO_QUOTES;
    scanned.arabicLetters = openState[STATE_ARABIC] as number;
    scanned.latinLetters = openState[STATE_LATIN] as number;
    return scanned;
  }
  return finishTokens(raw, gapQuotes);
}

function isSingleLetter(codes: Uint16Array, k: number): boolean {
  if (scanned.codeEnd[k] !== (scanned.codeStart[k] as number) + 1) return false;
  const kind = scanned.kind[k];
  if (kind !== KIND_ARABIC && kind !== KIND_LATIN) return false;
  const c = codes[scanned.codeStart[k] as number] as number;
  return !(c >= 0x30 && c <= 0x39);
}

/**
 * Joins letters spaced or dotted apart (three or more one-letter tokens of one script, gaps of
 * at most two separators, no quotes: ح م ا ر, ح.م.ا.ر, f u c k) by compacting the token arrays
 * in place, numbers sentences and clauses, and pairs quotation marks.
 */
function finishTokens(raw: number, trailingQuotes: number): ScannedTokens {
  const t = scanned;
  const codes = t.codes;
  let arabicLetters = 0;
  let latinLetters = 0;
  let count = 0;
  let marks = 0;
  let sentence = 0;
  let clause = 0;
  for (let k = 0; k < raw; k++) {
    const flags = (rawGap[k] as number) & GAP_FLAGS;
    if (flags & GAP_SENTENCE) sentence++;
    if (flags & (GAP_SENTENCE | GAP_CLAUSE)) clause++;
    const gapQuotes = (rawGap[k] as number) >>> GAP_QUOTES_SHIFT;
    for (let q = 0; q < gapQuotes; q++) marks = pushQuoteMark(marks, count);
    let last = k;
    if (isSingleLetter(codes, k)) {
      while (
        last + 1 < raw &&
        t.kind[last + 1] === t.kind[k] &&
        isSingleLetter(codes, last + 1) &&
        (((rawGap[last + 1] as number) >>> GAP_LENGTH_SHIFT) & 3) <= 2 &&
        ((rawGap[last + 1] as number) & GAP_QUOTE) === 0
      ) {
        last++;
      }
      if (last - k < 2) last = k;
    }
    if (count !== k || last !== k) {
      // Compaction: count ≤ k, so nothing unread is overwritten.
      t.codeStart[count] = t.codeStart[k] as number;
      t.origStart[count] = t.origStart[k] as number;
      t.kind[count] = t.kind[k] as number;
      t.codeEnd[count] = t.codeEnd[last] as number;
      t.origEnd[count] = t.origEnd[last] as number;
      if (last === k) t.hash[count] = t.hash[k] as number;
      else {
        // One-letter tokens lie back to back in codes, so the joined word is already there.
        const start = t.codeStart[count] as number;
        const end = t.codeEnd[count] as number;
        let h = 0;
        for (let i = start; i < end; i++) h = (Math.imul(h, BASE) + (codes[i] as number)) | 0;
        t.hash[count] = h;
        k = last;
      }
    }
    const length = (t.codeEnd[count] as number) - (t.codeStart[count] as number);
    if (t.kind[count] === KIND_ARABIC) arabicLetters += length;
    else if (t.kind[count] === KIND_LATIN) latinLetters += length;
    t.sentence[count] = sentence;
    t.clause[count] = clause;
    t.quote[count] = -1;
    count++;
  }
  for (let q = 0; q < trailingQuotes; q++) marks = pushQuoteMark(marks, count);

  // Quotation marks pair up in order; an unpaired last mark quotes nothing, so a stray " does
  // not hide the rest of a comment from the classifier.
  const quotes: QuoteSpan[] = [];
  for (let q = 0; q + 1 < marks; q += 2) {
    const first = quoteMarks[q] as number;
    const end = quoteMarks[q + 1] as number;
    if (end <= first) continue;
    for (let i = first; i < end; i++) t.quote[i] = quotes.length;
    quotes.push({ first, end });
  }
  t.count = count;
  t.quotes = quotes;
  t.arabicLetters = arabicLetters;
  t.latinLetters = latinLetters;
  return t;
}

/** Hash of the token's letters after its first p letters (a clitic) are stripped. */
export function suffixHashOf(tokens: ScannedTokens, t: number, p: number): number {
  const length = (tokens.codeEnd[t] as number) - (tokens.codeStart[t] as number);
  const codes = tokens.codes;
  const start = tokens.codeStart[t] as number;
  let prefix = 0;
  for (let i = start; i < start + p; i++) prefix = (Math.imul(prefix, BASE) + (codes[i] as number)) | 0;
  return ((tokens.hash[t] as number) - Math.imul(prefix, POWERS[length - p] as number)) | 0;
}

/** The normalised letters of token t as a string (slow path: tests, language detection). */
export function tokenText(tokens: ScannedTokens, t: number): string {
  return String.fromCharCode(...tokens.codes.subarray(tokens.codeStart[t], tokens.codeEnd[t]));
}

export { MAX_KEY_LENGTH };
