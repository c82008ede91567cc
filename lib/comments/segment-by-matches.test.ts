import { describe, expect, it } from "vitest";
import { classify } from "../classifier/index.ts";
import { segmentByMatches } from "./segment-by-matches.ts";

const m = (start: number, end: number, term = "x") => ({ term, category: "insult" as const, start, end });

describe("segmentByMatches", () => {
  it("returns the whole text as one plain segment without matches", () => {
    expect(segmentByMatches("نص عادي", [])).toEqual([{ start: 0, text: "نص عادي", matches: [] }]);
  });

  it("splits around a match and keeps every character once", () => {
    const text = "يا حمار اسكت";
    const segments = segmentByMatches(text, [m(3, 7, "حمار")]);
    expect(segments.map((s) => s.text)).toEqual(["يا ", "حمار", " اسكت"]);
    expect(segments[1]?.matches.map((x) => x.term)).toEqual(["حمار"]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("splits overlapping matches at every boundary", () => {
    const segments = segmentByMatches("abcdef", [m(0, 4, "A"), m(2, 6, "B")]);
    expect(segments.map((s) => [s.text, s.matches.map((x) => x.term).join("+")])).toEqual([
      ["ab", "A"],
      ["cd", "A+B"],
      ["ef", "B"],
    ]);
  });

  it("ignores offsets outside the text instead of trusting them", () => {
    expect(segmentByMatches("abc", [m(2, 10), m(-1, 1), m(2, 2)])).toEqual([
      { start: 0, text: "abc", matches: [] },
    ]);
  });

  it("highlights exactly what the classifier matched, emoji before it included", () => {
    const text = "😡😡 يا كلب يا حقير";
    const result = classify(text);
    expect(result.matches.length).toBeGreaterThan(0);
    const highlighted = segmentByMatches(text, result.matches).filter((s) => s.matches.length > 0);
    for (const match of result.matches) {
      expect(
        highlighted.some(
          (s) =>
            s.text === text.slice(match.start, match.end) ||
            text.slice(match.start, match.end).includes(s.text),
        ),
      ).toBe(true);
    }
  });
});
