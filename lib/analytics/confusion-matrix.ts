/** Rows are the human label (truth), columns the classifier's prediction. */
export interface ConfusionMatrix {
  labels: string[];
  /** counts[truthIndex][predictedIndex] */
  counts: number[][];
}

export interface LabelPair {
  human: string;
  classifier: string;
  count?: number;
}

/** Builds the matrix over a fixed label order; pairs with labels outside it are left out. */
export function confusionMatrix(labels: readonly string[], pairs: readonly LabelPair[]): ConfusionMatrix {
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const pair of pairs) {
    const row = index.get(pair.human);
    const column = index.get(pair.classifier);
    if (row === undefined || column === undefined) continue;
    const cells = counts[row];
    if (cells) cells[column] = (cells[column] ?? 0) + (pair.count ?? 1);
  }
  return { labels: [...labels], counts };
}

export interface LabelScores {
  label: string;
  /** How many comments humans gave this label. */
  support: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Precision, recall and F1 per label (one-vs-rest); null where the ratio has no denominator. */
export function precisionRecallF1(matrix: ConfusionMatrix): LabelScores[] {
  return matrix.labels.map((label, i) => {
    const truePositives = matrix.counts[i]?.[i] ?? 0;
    const support = (matrix.counts[i] ?? []).reduce((sum, c) => sum + c, 0);
    const predicted = matrix.counts.reduce((sum, row) => sum + (row[i] ?? 0), 0);
    const precision = predicted === 0 ? null : truePositives / predicted;
    const recall = support === 0 ? null : truePositives / support;
    const f1 =
      precision === null || recall === null || precision + recall === 0
        ? null
        : (2 * precision * recall) / (precision + recall);
    return { label, support, precision, recall, f1 };
  });
}

/** The median of a list of numbers (e.g. seconds from ingest to decision); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
