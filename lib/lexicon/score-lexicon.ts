import {
  type ClassifierResult,
  type LexiconCategory,
  matchCounts,
  type SentimentLabel,
  STANCE_TARGETS,
} from "../classifier/index.ts";
import { ABUSIVE_CATEGORIES } from "../classifier/types.ts";
import { binaryScores } from "../eval/metrics.ts";
import type { LabelledComment } from "./labelled-comment.ts";

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  /** How many human answers were compared. */
  count: number;
}

export interface LexiconScores {
  /** The insult flag against the human insult label. */
  insult: Prf;
  /** Macro average over positive, negative and neutral. */
  sentiment: Prf;
  /** Macro average over favor and against, pooled over every labelled target (SemEval-2016). */
  stance: Prf;
}

const SENTIMENTS: readonly SentimentLabel[] = ["positive", "negative", "neutral"];

function macro(parts: { precision: number; recall: number; f1: number }[], count: number): Prf {
  const n = parts.length || 1;
  return {
    precision: parts.reduce((s, p) => s + p.precision, 0) / n,
    recall: parts.reduce((s, p) => s + p.recall, 0) / n,
    f1: parts.reduce((s, p) => s + p.f1, 0) / n,
    count,
  };
}

/**
 * Precision, recall and F1 of a lexicon's results against the human labels. `results[i]` is the
 * classifier's result for `comments[i]` (null when the text could not be classified: it counts
 * as "no flag, neutral, no stance").
 */
export function scoreLexicon(
  comments: readonly LabelledComment[],
  results: readonly (ClassifierResult | null)[],
): LexiconScores {
  const insultPairs: { gold: boolean; predicted: boolean }[] = [];
  const sentimentPairs: { gold: SentimentLabel; predicted: SentimentLabel }[] = [];
  const stancePairs: { gold: string; predicted: string }[] = [];
  comments.forEach((comment, i) => {
    const result = results[i] ?? null;
    if (comment.insult !== null)
      insultPairs.push({ gold: comment.insult, predicted: result?.insult ?? false });
    if (comment.sentiment !== null)
      sentimentPairs.push({ gold: comment.sentiment, predicted: result?.sentiment ?? "neutral" });
    for (const target of STANCE_TARGETS) {
      const gold = comment.stance[target];
      if (gold) stancePairs.push({ gold, predicted: result?.stance[target] ?? "none" });
    }
  });
  const insult = binaryScores(insultPairs);
  return {
    insult: { precision: insult.precision, recall: insult.recall, f1: insult.f1, count: insultPairs.length },
    sentiment: macro(
      SENTIMENTS.map((label) =>
        binaryScores(
          sentimentPairs.map((p) => ({ gold: p.gold === label, predicted: p.predicted === label })),
        ),
      ),
      sentimentPairs.length,
    ),
    stance: macro(
      (["favor", "against"] as const).map((side) =>
        binaryScores(stancePairs.map((p) => ({ gold: p.gold === side, predicted: p.predicted === side }))),
      ),
      stancePairs.length,
    ),
  };
}

export interface TermPrecision {
  /** Labelled comments where the term counted and the human answered the question it speaks to. */
  judged: number;
  /** Of those, how many the human agreed with (insult / that sentiment / that side). */
  correct: number;
}

/** Identity of a match or entry for per-term statistics: term as written, category, target. */
export function termStatKey(term: string, category: string, target?: string | null): string {
  return `${term}\t${category}\t${target ?? ""}`;
}

/**
 * For each term: how often it counted in a labelled comment whose human label speaks to its
 * category, and how often the human agreed (abusive categories: insult yes; positive/negative:
 * that sentiment; stance: that side for that target). Modifiers and entities have no precision.
 */
export function termPrecision(
  comments: readonly LabelledComment[],
  results: readonly (ClassifierResult | null)[],
): Map<string, TermPrecision> {
  const stats = new Map<string, TermPrecision>();
  const abusive = new Set<LexiconCategory>(ABUSIVE_CATEGORIES);
  comments.forEach((comment, i) => {
    const result = results[i];
    if (!result) return;
    const seen = new Set<string>();
    for (const match of result.matches) {
      if (!matchCounts(match)) continue;
      let correct: boolean | null = null;
      if (abusive.has(match.category)) correct = comment.insult;
      else if (match.category === "positive" || match.category === "negative")
        correct = comment.sentiment === null ? null : comment.sentiment === match.category;
      else if (match.category === "stance" && match.target) {
        const gold = comment.stance[match.target];
        correct = gold ? gold === match.side : null;
      }
      if (correct === null) continue;
      const key = termStatKey(match.term, match.category, match.target);
      if (seen.has(key)) continue;
      seen.add(key);
      const stat = stats.get(key) ?? { judged: 0, correct: 0 };
      stat.judged += 1;
      if (correct) stat.correct += 1;
      stats.set(key, stat);
    }
  });
  return stats;
}
