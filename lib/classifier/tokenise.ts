import {
  SEP_CLAUSE,
  SEP_JOINER,
  SEP_QUOTE,
  SEP_SENTENCE,
  SEP_SPACE,
  SYMBOL_CODES,
} from "./normalise.ts";

export const KIND_ARABIC = 1;
export const KIND_LATIN = 2;
export const KIND_SYMBOL = 3;
export const KIND_OTHER = 4;
export type TokenKind = 1 | 2 | 3 | 4;

export interface Token {
  /** Normalised form; letters spaced apart are joined (ح م ا ر → حمار). */
  norm: string;
  /** Range in the normalised text, end exclusive. */
  start: number;
  end: number;
  kind: TokenKind;
  /** Sentence and clause numbers: scope rules never reach across them. */
  sentence: number;
  clause: number;
  /** Index into Tokenised.quotes of the balanced quotation this token sits in, or -1. */
  quote: number;
}

export interface QuoteSpan {
  /** Token range [first, end) inside the quotation marks. */
  first: number;
  end: number;
}

export interface Tokenised {
  tokens: Token[];
  quotes: QuoteSpan[];
}

const GAP_SENTENCE = 1;
const GAP_CLAUSE = 2;
const GAP_QUOTE = 4;

function kindOf(code: number): TokenKind {
  if (code >= 0x0600 && code <= 0x06ff) return KIND_ARABIC;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return KIND_LATIN;
  if ((code >= 0xd800 && code <= 0xdbff) || SYMBOL_CODES[code] === 1) return KIND_SYMBOL;
  return KIND_OTHER;
}
function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

interface RawToken {
  start: number;
  end: number;
  kind: TokenKind;
  gapFlags: number;
  gapLength: number;
  gapQuotes: number;
}

/**
 * Splits normalised text into tokens in one pass. A token is a run of letters of one script
 * (digits go with Latin, for Arabizi such as 7mar or 3a2el); each emoji is its own token.
 */
export function tokenise(text: string): Tokenised {
  const raw: RawToken[] = [];
  const n = text.length;
  let gapFlags = 0;
  let gapLength = 0;
  let gapQuotes = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === SEP_SPACE || c === SEP_SENTENCE || c === SEP_CLAUSE || c === SEP_QUOTE || c === SEP_JOINER) {
      if (c === SEP_SENTENCE) gapFlags |= GAP_SENTENCE;
      else if (c === SEP_CLAUSE) gapFlags |= GAP_CLAUSE;
      else if (c === SEP_QUOTE) {
        gapFlags |= GAP_QUOTE;
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
        const d = text.charCodeAt(i);
        if (d === SEP_SPACE || d === SEP_SENTENCE || d === SEP_CLAUSE || d === SEP_QUOTE || d === SEP_JOINER) break;
        if (kindOf(d) !== kind) break;
        i++;
      }
    }
    raw.push({ start, end: i, kind, gapFlags, gapLength, gapQuotes });
    gapFlags = 0;
    gapLength = 0;
    gapQuotes = 0;
  }
  const trailingQuotes = gapQuotes;

  const tokens: Token[] = [];
  const quoteMarks: number[] = []; // token index each quotation mark stands before
  let sentence = 0;
  let clause = 0;
  for (let k = 0; k < raw.length; k++) {
    const first = raw[k] as RawToken;
    if (first.gapFlags & GAP_SENTENCE) sentence++;
    if (first.gapFlags & (GAP_SENTENCE | GAP_CLAUSE)) clause++;
    for (let q = 0; q < first.gapQuotes; q++) quoteMarks.push(tokens.length);
    // Letters spaced or dotted apart (ح م ا ر, ح.م.ا.ر, f u c k): three or more one-letter
    // tokens of one script separated by short gaps without quotes are one word.
    let last = k;
    if (isSingleLetter(text, first)) {
      while (last + 1 < raw.length) {
        const next = raw[last + 1] as RawToken;
        if (next.kind !== first.kind || !isSingleLetter(text, next) || next.gapLength > 2 || next.gapFlags & GAP_QUOTE) break;
        last++;
      }
      if (last - k < 2) last = k;
    }
    let norm: string;
    let end = first.end;
    if (last === k) norm = text.slice(first.start, first.end);
    else {
      norm = "";
      for (let j = k; j <= last; j++) norm += text[(raw[j] as RawToken).start];
      end = (raw[last] as RawToken).end;
    }
    tokens.push({ norm, start: first.start, end, kind: first.kind, sentence, clause, quote: -1 });
    k = last;
  }
  for (let q = 0; q < trailingQuotes; q++) quoteMarks.push(tokens.length);

  // Quotation marks pair up in order; an unpaired last mark quotes nothing, so a stray " does
  // not hide the rest of a comment from the classifier.
  const quotes: QuoteSpan[] = [];
  for (let q = 0; q + 1 < quoteMarks.length; q += 2) {
    const firstToken = quoteMarks[q] as number;
    const endToken = quoteMarks[q + 1] as number;
    if (endToken <= firstToken) continue;
    const index = quotes.length;
    quotes.push({ first: firstToken, end: endToken });
    for (let t = firstToken; t < endToken; t++) (tokens[t] as Token).quote = index;
  }
  return { tokens, quotes };
}

function isSingleLetter(text: string, token: RawToken): boolean {
  return (
    token.end - token.start === 1 &&
    (token.kind === KIND_ARABIC || token.kind === KIND_LATIN) &&
    !isDigit(text.charCodeAt(token.start))
  );
}
