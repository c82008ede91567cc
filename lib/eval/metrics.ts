/** Counts and scores for one binary decision (one class against the rest). */
export interface BinaryScores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of the positive class; a score with a zero denominator is 0. */
export function binaryScores(pairs: Iterable<{ gold: boolean; predicted: boolean }>): BinaryScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { gold, predicted } of pairs) {
    if (gold && predicted) tp++;
    else if (!gold && predicted) fp++;
    else if (gold && !predicted) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

export interface MulticlassScores<L extends string> {
  accuracy: number;
  /** Mean of the per-class F1 over `labels`. */
  macroF1: number;
  perClass: Record<L, BinaryScores>;
  count: number;
}

/** Accuracy and macro-F1 over a fixed label set (labels absent from both sides still count, as 0). */
export function multiclassScores<L extends string>(
  pairs: { gold: L; predicted: L }[],
  labels: readonly L[],
): MulticlassScores<L> {
  const perClass = {} as Record<L, BinaryScores>;
  for (const label of labels) {
    perClass[label] = binaryScores(
      pairs.map((p) => ({ gold: p.gold === label, predicted: p.predicted === label })),
    );
  }
  const correct = pairs.filter((p) => p.gold === p.predicted).length;
  const macroF1 =
    labels.length === 0 ? 0 : labels.reduce((sum, l) => sum + perClass[l].f1, 0) / labels.length;
  return {
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1,
    perClass,
    count: pairs.length,
  };
}

export type StanceLabel = "favor" | "against" | "none";

export interface StanceScores {
  favor: BinaryScores;
  against: BinaryScores;
  /** SemEval-2016 Task 6 score: (F1 of FAVOR + F1 of AGAINST) / 2; NONE is not scored. */
  macroF1: number;
  count: number;
}

/** The SemEval-2016 stance measure over (gold, predicted) labels of one or many targets. */
export function semevalStanceScores(pairs: { gold: StanceLabel; predicted: StanceLabel }[]): StanceScores {
  const favor = binaryScores(
    pairs.map((p) => ({ gold: p.gold === "favor", predicted: p.predicted === "favor" })),
  );
  const against = binaryScores(
    pairs.map((p) => ({ gold: p.gold === "against", predicted: p.predicted === "against" })),
  );
  return { favor, against, macroF1: (favor.f1 + against.f1) / 2, count: pairs.length };
}
