import { describe, expect, it } from "vitest";
import { confusionMatrix, median, precisionRecallF1 } from "./confusion-matrix.ts";

describe("confusionMatrix and precisionRecallF1", () => {
  const matrix = confusionMatrix(
    ["insult", "not"],
    [
      { human: "insult", classifier: "insult", count: 3 },
      { human: "insult", classifier: "not" },
      { human: "not", classifier: "insult", count: 2 },
      { human: "not", classifier: "not", count: 4 },
      { human: "spam", classifier: "not", count: 9 },
    ],
  );

  it("counts human labels in rows and classifier labels in columns, ignoring unknown labels", () => {
    expect(matrix.counts).toEqual([
      [3, 1],
      [2, 4],
    ]);
  });

  it("computes one-vs-rest precision, recall and F1 as by hand", () => {
    const [insult, not] = precisionRecallF1(matrix);
    expect(insult).toMatchObject({ label: "insult", support: 4, precision: 0.6, recall: 0.75 });
    expect(insult?.f1).toBeCloseTo(2 / 3, 10);
    expect(not).toMatchObject({ label: "not", support: 6, precision: 0.8 });
    expect(not?.recall).toBeCloseTo(2 / 3, 10);
    expect(not?.f1).toBeCloseTo(8 / 11, 10);
  });

  it("leaves a score null when it has no denominator", () => {
    const scores = precisionRecallF1(confusionMatrix(["a", "b"], [{ human: "a", classifier: "a" }]));
    expect(scores[1]).toEqual({ label: "b", support: 0, precision: null, recall: null, f1: null });
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
