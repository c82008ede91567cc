import { normaliseTerm, STANCE_TARGETS, type StanceTarget, tokenise } from "../classifier/index.ts";
import { KIND_ARABIC, KIND_LATIN } from "../classifier/tokenise.ts";
import type { LabelledComment } from "./labelled-comment.ts";

/** What a suggestion would be added as: an insult, or a side on a stance target. */
export type SuggestionClass = "insult" | `${"favor" | "against"}:${StanceTarget}`;

export interface TermSuggestion {
  /** The word or two-word expression, normalised (no diacritics, unified letter variants). */
  term: string;
  suggestedAs: SuggestionClass;
  /** Labelled comments of that class containing the term. */
  positives: number;
  /** Labelled comments that answer the question (insult or that target's stance) and contain it. */
  occurrences: number;
  /** positives / occurrences */
  precision: number;
  /** Up to three comments of that class containing the term. */
  examples: { id: number; body: string }[];
}

export interface SuggestOptions {
  /** A term needs at least this many comments of the class (default 2). */
  minPositives?: number;
  /** At most this many suggestions per class (default 30). */
  limit?: number;
}

/**
 * Frequent function words and particles: they are in almost every comment and never an insult
 * or a stance on their own.
 */
const STOPWORDS = new Set(
  [
    "في",
    "من",
    "على",
    "علي",
    "الى",
    "الي",
    "عن",
    "ان",
    "انه",
    "هذا",
    "هذه",
    "ذلك",
    "التي",
    "الذي",
    "الذين",
    "ما",
    "لا",
    "لم",
    "لن",
    "كل",
    "هو",
    "هي",
    "هم",
    "انت",
    "انتم",
    "نحن",
    "كان",
    "كانت",
    "مع",
    "او",
    "ثم",
    "قد",
    "لقد",
    "حتي",
    "بعد",
    "قبل",
    "يا",
    "the",
    "and",
    "you",
    "are",
    "les",
    "des",
    "est",
  ].map(normaliseTerm),
);

const PROCLITICS = ["وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل"];

/** Every form of the lexicon's terms a candidate could be written as (with or without ال and a proclitic). */
export function lexiconForms(terms: Iterable<string>): Set<string> {
  const forms = new Set<string>();
  for (const term of terms) {
    const norm = normaliseTerm(term);
    forms.add(norm);
    if (norm.startsWith("ال")) forms.add(norm.slice(2));
    else forms.add(`ال${norm}`);
  }
  return forms;
}

function known(candidate: string, forms: Set<string>): boolean {
  if (forms.has(candidate)) return true;
  for (const prefix of PROCLITICS) {
    if (
      candidate.startsWith(prefix) &&
      candidate.length - prefix.length >= 2 &&
      forms.has(candidate.slice(prefix.length))
    )
      return true;
  }
  return false;
}

/** The distinct words and two-word expressions of a comment (within one clause), normalised. */
export function candidateTerms(body: string): Set<string> {
  const out = new Set<string>();
  const tokens = tokenise(body).tokens.filter((t) => t.kind === KIND_ARABIC || t.kind === KIND_LATIN);
  tokens.forEach((token, i) => {
    const word = token.norm.toLowerCase();
    const useful = word.length >= 3 && !STOPWORDS.has(word);
    // A single word is counted without the article, as the classifier matches it both ways
    // (النفايات and نفايات are one suggestion).
    if (useful)
      out.add(token.kind === KIND_ARABIC && word.startsWith("ال") && word.length >= 5 ? word.slice(2) : word);
    const next = tokens[i + 1];
    if (next && next.clause === token.clause && next.sentence === token.sentence) {
      const second = next.norm.toLowerCase();
      // An expression needs at least one word that means something on its own.
      if (useful || (second.length >= 3 && !STOPWORDS.has(second))) out.add(`${word} ${second}`);
    }
  });
  return out;
}

interface Tally {
  positives: number;
  occurrences: number;
  examples: { id: number; body: string }[];
}

/**
 * Terms frequent in comments that humans labelled as insults (or as favor/against a target)
 * and not in the lexicon, ranked by precision (share of the comments containing the term that
 * are of the class), then by how many comments of the class contain it, then alphabetically.
 */
export function suggestTerms(
  comments: readonly LabelledComment[],
  lexiconTerms: Iterable<string>,
  options: SuggestOptions = {},
): TermSuggestion[] {
  const minPositives = options.minPositives ?? 2;
  const limit = options.limit ?? 30;
  const forms = lexiconForms(lexiconTerms);
  const tallies = new Map<SuggestionClass, Map<string, Tally>>();
  const tally = (cls: SuggestionClass, term: string, positive: boolean, comment: LabelledComment) => {
    let byTerm = tallies.get(cls);
    if (!byTerm) {
      byTerm = new Map();
      tallies.set(cls, byTerm);
    }
    let t = byTerm.get(term);
    if (!t) {
      t = { positives: 0, occurrences: 0, examples: [] };
      byTerm.set(term, t);
    }
    t.occurrences += 1;
    if (positive) {
      t.positives += 1;
      if (t.examples.length < 3) t.examples.push({ id: comment.id, body: comment.body });
    }
  };
  for (const comment of comments) {
    const terms = [...candidateTerms(comment.body)].filter((term) => !known(term, forms));
    if (terms.length === 0) continue;
    for (const term of terms) {
      if (comment.insult !== null) tally("insult", term, comment.insult, comment);
      for (const target of STANCE_TARGETS) {
        const gold = comment.stance[target];
        if (!gold) continue;
        tally(`favor:${target}`, term, gold === "favor", comment);
        tally(`against:${target}`, term, gold === "against", comment);
      }
    }
  }
  const suggestions: TermSuggestion[] = [];
  for (const [cls, byTerm] of tallies) {
    const ranked = [...byTerm]
      .filter(([, t]) => t.positives >= minPositives)
      .map(([term, t]) => ({
        term,
        suggestedAs: cls,
        positives: t.positives,
        occurrences: t.occurrences,
        precision: t.positives / t.occurrences,
        examples: t.examples,
      }))
      .sort(rankSuggestions);
    suggestions.push(...ranked.slice(0, limit));
  }
  return suggestions.sort(rankSuggestions);
}

/** Precision first, then the number of comments of the class, then the term. */
export function rankSuggestions(a: TermSuggestion, b: TermSuggestion): number {
  return (
    b.precision - a.precision || b.positives - a.positives || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)
  );
}
