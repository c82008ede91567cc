import { normaliseToShared } from "./normalise.ts";
import { KIND_ARABIC, KIND_LATIN, KIND_OTHER, KIND_SYMBOL, type QuoteSpan, scanTokens, type TokenKind, tokenText } from "./scan.ts";

export { KIND_ARABIC, KIND_LATIN, KIND_OTHER, KIND_SYMBOL, type QuoteSpan, type TokenKind };

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

export interface Tokenised {
  tokens: Token[];
  quotes: QuoteSpan[];
}

/**
 * Tokens of already normalised text, as objects: for tests, lexicon compilation and scripts.
 * classify uses the typed-array scanner (scan.ts) directly.
 */
export function tokenise(normalisedText: string): Tokenised {
  // Normalising normalised text is the identity, and it fills the shared buffers scanTokens reads.
  const shared = normaliseToShared(normalisedText);
  const scanned = scanTokens(shared);
  const tokens: Token[] = [];
  for (let t = 0; t < scanned.count; t++) {
    tokens.push({
      norm: tokenText(shared, scanned, t),
      start: scanned.start[t] as number,
      end: scanned.end[t] as number,
      kind: scanned.kind[t] as TokenKind,
      sentence: scanned.sentence[t] as number,
      clause: scanned.clause[t] as number,
      quote: scanned.quote[t] as number,
    });
  }
  return { tokens, quotes: scanned.quotes.map((q) => ({ ...q })) };
}
