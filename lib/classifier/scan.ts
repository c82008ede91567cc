import { reserveShared, SEP_CLAUSE, SEP_JOINER, SEP_QUOTE, SEP_SENTENCE, SEP_SPACE, type SharedNormalised, SYMBOL_CODES } from "./normalise.ts";

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

/**
 * Tokens of the last scanned text as parallel typed arrays (reused between calls).
 * start/end are positions in the normalised text (for spans back to the original); codeStart/
 * codeEnd locate the token's letters in the shared code buffer, which for letters spaced apart
 * (ح م ا ر) is a joined copy placed after the text.
 */
export interface ScannedTokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  codeStart: Int32Array;
  codeEnd: Int32Array;
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

const GAP_SENTENCE = 1;
const GAP_CLAUSE = 2;
const GAP_QUOTE = 4;

let capacity = 0;
let rawStart = new Int32Array(0);
let rawEnd = new Int32Array(0);
let rawKind = new Uint8Array(0);
let rawGap = new Uint8Array(0);
let rawGapLength = new Int32Array(0);
let rawGapQuotes = new Int32Array(0);
const scanned: ScannedTokens = {
  count: 0,
  start: new Int32Array(0),
  end: new Int32Array(0),
  codeStart: new Int32Array(0),
  codeEnd: new Int32Array(0),
  kind: new Uint8Array(0),
  sentence: new Int32Array(0),
  clause: new Int32Array(0),
  quote: new Int32Array(0),
  quotes: [],
  arabicLetters: 0,
  latinLetters: 0,
};
let quoteMarks = new Int32Array(16);

function ensureTokenCapacity(n: number): void {
  if (n <= capacity) return;
  capacity = Math.max(n, capacity * 2, 64);
  rawStart = new Int32Array(capacity);
  rawEnd = new Int32Array(capacity);
  rawKind = new Uint8Array(capacity);
  rawGap = new Uint8Array(capacity);
  rawGapLength = new Int32Array(capacity);
  rawGapQuotes = new Int32Array(capacity);
  scanned.start = new Int32Array(capacity);
  scanned.end = new Int32Array(capacity);
  scanned.codeStart = new Int32Array(capacity);
  scanned.codeEnd = new Int32Array(capacity);
  scanned.kind = new Uint8Array(capacity);
  scanned.sentence = new Int32Array(capacity);
  scanned.clause = new Int32Array(capacity);
  scanned.quote = new Int32Array(capacity);
}

function kindOf(code: number): TokenKind {
  if (code >= 0x0600 && code <= 0x06ff) return KIND_ARABIC;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return KIND_LATIN;
  if ((code >= 0xd800 && code <= 0xdbff) || SYMBOL_CODES[code] === 1) return KIND_SYMBOL;
  return KIND_OTHER;
}

function isSep(c: number): boolean {
  return c === SEP_SPACE || c === SEP_SENTENCE || c === SEP_CLAUSE || c === SEP_QUOTE || c === SEP_JOINER;
}

function isSingleLetter(codes: Uint16Array, k: number): boolean {
  if (rawEnd[k] !== (rawStart[k] as number) + 1) return false;
  const kind = rawKind[k];
  if (kind !== KIND_ARABIC && kind !== KIND_LATIN) return false;
  const c = codes[rawStart[k] as number] as number;
  return !(c >= 0x30 && c <= 0x39);
}

/**
 * Splits normalised text into tokens in one pass. A token is a run of letters of one script
 * (digits go with Latin, for Arabizi such as 7mar or 3a2el); each emoji is its own token. Three or
 * more one-letter tokens of one script with short gaps and no quotes between them are joined
 * (ح م ا ر, ح.م.ا.ر, f u c k). Sentences end at . ! ? ؟ and line breaks; clauses also at , ، ; :
 */
export function scanTokens(text: SharedNormalised): ScannedTokens {
  const n = text.length;
  ensureTokenCapacity(n + 1);
  let codes = text.codes;
  let raw = 0;
  let gap = 0;
  let gapLength = 0;
  let gapQuotes = 0;
  let arabicLetters = 0;
  let latinLetters = 0;
  let i = 0;
  while (i < n) {
    const c = codes[i] as number;
    if (isSep(c)) {
      if (c === SEP_SENTENCE) gap |= GAP_SENTENCE;
      else if (c === SEP_CLAUSE) gap |= GAP_CLAUSE;
      else if (c === SEP_QUOTE) {
        gap |= GAP_QUOTE;
        gapQuotes++;
      }
      gapLength++;
      i++;
      continue;
    }
    const kind = kindOf(c);
    const start = i;
    if (kind === KIND_SYMBOL) i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    else {
      i++;
      while (i < n) {
        const d = codes[i] as number;
        if (isSep(d) || kindOf(d) !== kind) break;
        i++;
      }
      if (kind === KIND_ARABIC) arabicLetters += i - start;
      else if (kind === KIND_LATIN) latinLetters += i - start;
    }
    rawStart[raw] = start;
    rawEnd[raw] = i;
    rawKind[raw] = kind;
    rawGap[raw] = gap;
    rawGapLength[raw] = gapLength;
    rawGapQuotes[raw] = gapQuotes;
    raw++;
    gap = 0;
    gapLength = 0;
    gapQuotes = 0;
  }
  const trailingQuotes = gapQuotes;

  let count = 0;
  let marks = 0;
  let sentence = 0;
  let clause = 0;
  let scratch = n; // joined letters go after the text in the code buffer
  for (let k = 0; k < raw; k++) {
    const flags = rawGap[k] as number;
    if (flags & GAP_SENTENCE) sentence++;
    if (flags & (GAP_SENTENCE | GAP_CLAUSE)) clause++;
    for (let q = 0; q < (rawGapQuotes[k] as number); q++) {
      if (marks >= quoteMarks.length) {
        const bigger = new Int32Array(quoteMarks.length * 2);
        bigger.set(quoteMarks);
        quoteMarks = bigger;
      }
      quoteMarks[marks++] = count;
    }
    let last = k;
    if (isSingleLetter(codes, k)) {
      while (
        last + 1 < raw &&
        rawKind[last + 1] === rawKind[k] &&
        isSingleLetter(codes, last + 1) &&
        (rawGapLength[last + 1] as number) <= 2 &&
        ((rawGap[last + 1] as number) & GAP_QUOTE) === 0
      ) {
        last++;
      }
      if (last - k < 2) last = k;
    }
    scanned.start[count] = rawStart[k] as number;
    scanned.kind[count] = rawKind[k] as number;
    scanned.sentence[count] = sentence;
    scanned.clause[count] = clause;
    scanned.quote[count] = -1;
    if (last === k) {
      scanned.end[count] = rawEnd[k] as number;
      scanned.codeStart[count] = rawStart[k] as number;
      scanned.codeEnd[count] = rawEnd[k] as number;
    } else {
      const letters = last - k + 1;
      if (scratch + letters > codes.length) {
        reserveShared(scratch + letters + 16);
        codes = text.codes;
      }
      scanned.codeStart[count] = scratch;
      for (let j = k; j <= last; j++) codes[scratch++] = codes[rawStart[j] as number] as number;
      scanned.codeEnd[count] = scratch;
      scanned.end[count] = rawEnd[last] as number;
      k = last;
    }
    count++;
  }
  for (let q = 0; q < trailingQuotes; q++) {
    if (marks >= quoteMarks.length) {
      const bigger = new Int32Array(quoteMarks.length * 2);
      bigger.set(quoteMarks);
      quoteMarks = bigger;
    }
    quoteMarks[marks++] = count;
  }

  // Quotation marks pair up in order; an unpaired last mark quotes nothing, so a stray " does
  // not hide the rest of a comment from the classifier.
  const quotes: QuoteSpan[] = [];
  for (let q = 0; q + 1 < marks; q += 2) {
    const first = quoteMarks[q] as number;
    const end = quoteMarks[q + 1] as number;
    if (end <= first) continue;
    for (let t = first; t < end; t++) scanned.quote[t] = quotes.length;
    quotes.push({ first, end });
  }
  scanned.count = count;
  scanned.quotes = quotes;
  scanned.arabicLetters = arabicLetters;
  scanned.latinLetters = latinLetters;
  return scanned;
}

/** The normalised letters of token t as a string (slow path: tests, language detection). */
export function tokenText(text: SharedNormalised, tokens: ScannedTokens, t: number): string {
  return String.fromCharCode(...text.codes.subarray(tokens.codeStart[t], tokens.codeEnd[t]));
}
