export { classify } from "./classify.ts";
export {
  type CompiledLexicon,
  compileLexicon,
  type LexiconFile,
} from "./compile-lexicon.ts";
export { INSULT_THRESHOLD, SENTIMENT_THRESHOLD, STANCE_THRESHOLD } from "./decide.ts";
export { defaultLexicon, LEXICON_DIRECTORY, loadLexicon, readLexiconFiles } from "./default-lexicon.ts";
export { detectLanguage } from "./detect-language.ts";
export {
  assertClassifiableText,
  ClassifierInputError,
  type ClassifierInputProblem,
  LexiconError,
  type LexiconProblem,
  MAX_TEXT_LENGTH,
} from "./errors.ts";
export { type NormalisedText, normalise, normaliseTerm } from "./normalise.ts";
export { LEXICON_COLUMNS, type LexiconEntryInput, parseLexiconFiles } from "./parse-lexicon.ts";
export { type Token, tokenise } from "./tokenise.ts";
export {
  ABUSIVE_CATEGORIES,
  type ClassifierMatch,
  type ClassifierResult,
  type LanguageTag,
  LEXICON_CATEGORIES,
  LEXICON_FLAGS,
  LEXICON_LANGUAGES,
  type LexiconCategory,
  type LexiconEntry,
  type MatchRule,
  matchCounts,
  type SentimentLabel,
  STANCE_TARGETS,
  type StanceSide,
  type StanceTarget,
  SUPPRESSING_RULES,
} from "./types.ts";
