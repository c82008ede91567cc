import {
  KIND_ARABIC,
  KIND_LATIN,
  KIND_OTHER,
  KIND_SYMBOL,
  type QuoteSpan,
  scanText,
  type TokenKind,
  tokenText,
} from "./scan.ts";

export { KIND_ARABIC, KIND_LATIN, KIND_OTHER, KIND_SYMBOL, type QuoteSpan, type TokenKind };

export interface Token {
  /** Normalised form; letters spaced apart are joined (ح م ا ر → حمار). */
  norm: string;
  /** The token's range in the text given to tokenise, end exclusive. */
  start: number;
  end: number;
  kind: TokenKind;
  /** Sentence and clause numbers: scope rules never reach across them. */
  sentence: number;
  clause: number;
  /** Index into Tokenised.quotes of the balanced quotation this token sits in, or -1. */
  quote: number;
}

export interface Tokenised {
  tokens: Token[];
  quotes: QuoteSpan[];
}

/**
 * Tokens of a text, as objects: for tests, lexicon compilation and scripts. Any text is
 * normalised on the way (normalised text stays as it is); classify uses the typed arrays of
 * scanText directly.
 */
export function tokenise(text: string): Tokenised {
  const scanned = scanText(text);
  const tokens: Token[] = [];
  for (let t = 0; t < scanned.count; t++) {
    tokens.push({
      norm: tokenText(scanned, t),
      start: scanned.origStart[t] as number,
      end: scanned.origEnd[t] as number,
      kind: scanned.kind[t] as TokenKind,
      sentence: scanned.sentence[t] as number,
      clause: scanned.clause[t] as number,
      quote: scanned.quote[t] as number,
    });
  }
  return { tokens, quotes: scanned.quotes.map((q) => ({ ...q })) };
}
