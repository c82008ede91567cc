import { describe, expect, it } from "vitest";
import { labelFromCorrection } from "./label-from-correction.ts";

describe("labelFromCorrection", () => {
  it("turns abuse attributes into an insult label, yes from 0.5", () => {
    expect(labelFromCorrection({ TOXICITY: 1 })).toEqual({ insult: true, sentiment: null, stance: {} });
    expect(labelFromCorrection({ TOXICITY: 0 })).toEqual({ insult: false, sentiment: null, stance: {} });
    expect(labelFromCorrection({ TOXICITY: 0.2, THREAT: 0.5 })).toEqual({
      insult: true,
      sentiment: null,
      stance: {},
    });
    expect(labelFromCorrection({ INSULT: 0.7, PROFANITY: 0 })).toEqual({
      insult: true,
      sentiment: null,
      stance: {},
    });
  });

  it("reads Raqib's own attributes: negative sentiment and stance sides", () => {
    expect(
      labelFromCorrection({
        RAQIB_SENTIMENT_NEGATIVE: 0.8,
        RAQIB_STANCE_SYRIAN_GOVERNMENT_FAVOR: 1,
        RAQIB_STANCE_USA_AGAINST: 0.1,
      }),
    ).toEqual({ insult: null, sentiment: "negative", stance: { syrian_government: "favor" } });
  });

  it("is null when the scores say nothing a label can hold", () => {
    expect(labelFromCorrection({ RAQIB_SENTIMENT_NEGATIVE: 0.1 })).toBeNull();
    expect(labelFromCorrection({})).toBeNull();
  });
});
