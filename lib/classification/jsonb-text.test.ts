import { describe, expect, it } from "vitest";
import { jsonbText } from "./reclassify-comments.ts";

describe("jsonbText", () => {
  it("orders object keys by length, then bytewise, and spaces items as PostgreSQL prints jsonb", () => {
    expect(jsonbText({ term: "حمار", end: 9, start: 5, category: "insult" })).toBe(
      '{"end": 9, "term": "حمار", "start": 5, "category": "insult"}',
    );
    expect(jsonbText({ usa: "favor", russia: "against" })).toBe('{"usa": "favor", "russia": "against"}');
    expect(jsonbText({ b: 1, a: 2 })).toBe('{"a": 2, "b": 1}');
  });

  it("prints arrays, empty values, escapes and drops undefined members", () => {
    expect(jsonbText([])).toBe("[]");
    expect(jsonbText({})).toBe("{}");
    expect(jsonbText([1, "a", null, true])).toBe('[1, "a", null, true]');
    expect(jsonbText({ a: undefined, b: 'q"\\\n' })).toBe('{"b": "q\\"\\\\\\n"}');
  });
});
