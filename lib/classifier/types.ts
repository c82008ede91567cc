/** The four stance targets that issue 5 asks for. Order matters: reports list them this way. */
export const STANCE_TARGETS = ["russia", "usa", "syrian_government", "syrian_opposition"] as const;
export type StanceTarget = (typeof STANCE_TARGETS)[number];
export type StanceSide = "favor" | "against";
export type SentimentLabel = "positive" | "negative" | "neutral";

/** Languages that detectLanguage can return (BCP 47 tags; "und" = undetermined). */
export type LanguageTag = "ar" | "ar-Latn" | "fr" | "en" | "und";

/** Categories that make a comment abusive; they all feed insultScore. */
export const ABUSIVE_CATEGORIES = ["insult", "profanity", "dehumanising", "sectarian", "threat"] as const;
export type AbusiveCategory = (typeof ABUSIVE_CATEGORIES)[number];

export const LEXICON_CATEGORIES = [
  ...ABUSIVE_CATEGORIES,
  "positive",
  "negative",
  "stance",
  "entity",
  "negator",
  "intensifier",
  "reporting",
  "distancing",
  "vocative",
  "exception",
] as const;
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];

/** Language/dialect column of a lexicon row. */
export const LEXICON_LANGUAGES = [
  "ar",
  "ar-lev",
  "ar-eg",
  "ar-gulf",
  "ar-iq",
  "ar-ma",
  "ar-Latn",
  "fr",
  "en",
  "und",
] as const;
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

/**
 * Flags column of a lexicon row:
 * - exact: the word must appear as written (no clitic or suffix stripping);
 * - literal: the word also has a literal sense (animals…), so a context exception in the same
 *   sentence switches it off unless the writer addresses someone with it;
 * - context: an exception row that is a context cue (farm, zoo, vet…) rather than a phrase.
 */
export const LEXICON_FLAGS = ["exact", "literal", "context"] as const;
export type LexiconFlag = (typeof LEXICON_FLAGS)[number];

/** One row of a lexicon, after parsing and validation. */
export interface LexiconEntry {
  term: string;
  category: LexiconCategory;
  weight: number;
  language: LexiconLanguage;
  target?: StanceTarget;
  side?: StanceSide;
  flags: LexiconFlag[];
  note: string;
  /** Where the row came from, e.g. "insults.tsv:12" or "extra[3]". */
  source: string;
}

/**
 * Why a match was counted differently. Suppressing rules mean the match does not count as the
 * writer's own word; the others change how it counts.
 */
export type MatchRule =
  | "negated"
  | "quoted"
  | "reported"
  | "literal"
  | "vocative"
  | "scare-quotes"
  | "so-called"
  | "mention";
export const SUPPRESSING_RULES: readonly MatchRule[] = ["negated", "quoted", "reported", "literal"];

export interface ClassifierMatch {
  /** The lexicon term (as written in the lexicon) that matched. */
  term: string;
  category: LexiconCategory;
  target?: StanceTarget;
  /** Side for stance matches (after scare quotes or "so-called" flipped it). */
  side?: StanceSide;
  /** UTF-16 offsets into the ORIGINAL text; text.slice(start, end) is the word(s) as written. */
  start: number;
  end: number;
  rule?: MatchRule;
}

export interface ClassifierResult {
  insult: boolean;
  /** 0..1 */
  insultScore: number;
  sentiment: SentimentLabel;
  /** -1..1 */
  sentimentScore: number;
  /** Only the targets the comment takes a side on. */
  stance: Partial<Record<StanceTarget, StanceSide>>;
  language: LanguageTag;
  matches: ClassifierMatch[];
  lexiconVersion: string;
}

/** True when a match counts as the writer's own use of the term. */
export function matchCounts(match: ClassifierMatch): boolean {
  return match.rule === undefined || !SUPPRESSING_RULES.includes(match.rule);
}
