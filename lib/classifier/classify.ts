import type { CompiledLexicon } from "./compile-lexicon.ts";
import { decide } from "./decide.ts";
import { defaultLexicon } from "./default-lexicon.ts";
import { detectLanguage } from "./detect-language.ts";
import { assertClassifiableText } from "./errors.ts";
import { matchTokens } from "./match-tokens.ts";
import { scanText } from "./scan.ts";
import type { ClassifierResult } from "./types.ts";

/**
 * Classifies one comment: insult, sentiment and stance, with the matched spans that explain them.
 * Throws ClassifierInputError for a non-string, empty or over-long text (see MAX_TEXT_LENGTH),
 * and nothing else.
 */
export function classify(text: string, lexicon: CompiledLexicon = defaultLexicon()): ClassifierResult {
  assertClassifiableText(text);
  // One pass normalises and tokenises into shared typed arrays; only matches become objects.
  const tokens = scanText(text);
  const pass = matchTokens(tokens, lexicon);
  return decide(tokens, pass, detectLanguage(tokens), lexicon.version);
}
