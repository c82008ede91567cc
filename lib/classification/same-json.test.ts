import { describe, expect, it } from "vitest";
import { sameJson } from "./reclassify-comments.ts";

describe("sameJson", () => {
  it("compares objects whatever their key order, and arrays in order", () => {
    expect(sameJson({ term: "حمار", end: 9, start: 5 }, { start: 5, end: 9, term: "حمار" })).toBe(true);
    expect(sameJson([{ a: 1 }, { b: 2 }], [{ a: 1 }, { b: 2 }])).toBe(true);
    expect(sameJson([{ a: 1 }, { b: 2 }], [{ b: 2 }, { a: 1 }])).toBe(false);
    expect(sameJson({}, {})).toBe(true);
    expect(sameJson([], [])).toBe(true);
  });

  it("tells apart values, missing and extra keys, arrays from objects and null", () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({}, [])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson({ usa: "favor" }, null)).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
  });
});
