import { describe, expect, it } from "vitest";
import { binaryScores, multiclassScores, semevalStanceScores } from "./metrics.ts";

const pairs = (spec: [boolean, boolean][]) => spec.map(([gold, predicted]) => ({ gold, predicted }));

describe("metrics", () => {
  it("binary precision, recall and F1 by hand", () => {
    // tp 3, fp 1, fn 2, tn 4 → P 3/4, R 3/5, F1 2·0.75·0.6/1.35 = 2/3
    const s = binaryScores(
      pairs([
        [true, true],
        [true, true],
        [true, true],
        [false, true],
        [true, false],
        [true, false],
        [false, false],
        [false, false],
        [false, false],
        [false, false],
      ]),
    );
    expect([s.tp, s.fp, s.fn, s.tn]).toEqual([3, 1, 2, 4]);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(0.6);
    expect(s.f1).toBeCloseTo(2 / 3);
  });

  it("zero denominators give 0, not NaN", () => {
    const s = binaryScores(pairs([[false, false]]));
    expect([s.precision, s.recall, s.f1]).toEqual([0, 0, 0]);
  });

  it("accuracy and macro-F1 over a fixed label set", () => {
    const s = multiclassScores(
      [
        { gold: "positive", predicted: "positive" },
        { gold: "positive", predicted: "neutral" },
        { gold: "negative", predicted: "negative" },
        { gold: "neutral", predicted: "neutral" },
      ],
      ["positive", "negative", "neutral"] as const,
    );
    expect(s.accuracy).toBeCloseTo(0.75);
    // positive: P 1, R 0.5, F1 2/3; negative: 1; neutral: P 0.5, R 1, F1 2/3 → mean 7/9
    expect(s.macroF1).toBeCloseTo(7 / 9);
  });

  it("SemEval stance score is the mean of FAVOR and AGAINST F1, NONE unscored", () => {
    const s = semevalStanceScores([
      { gold: "favor", predicted: "favor" },
      { gold: "favor", predicted: "none" },
      { gold: "against", predicted: "against" },
      { gold: "against", predicted: "favor" },
      { gold: "none", predicted: "none" },
      { gold: "none", predicted: "against" },
    ]);
    // favor: tp 1, fp 1, fn 1 → F1 0.5; against: tp 1, fp 1, fn 1 → F1 0.5
    expect(s.favor.f1).toBeCloseTo(0.5);
    expect(s.against.f1).toBeCloseTo(0.5);
    expect(s.macroF1).toBeCloseTo(0.5);
  });
});
