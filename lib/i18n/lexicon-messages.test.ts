import { describe, expect, it } from "vitest";
import { lexiconMessages, lexiconText } from "./lexicon-messages.ts";

describe("lexicon page strings", () => {
  it("has every key in Arabic and English, each with the same placeholders", () => {
    expect(Object.keys(lexiconMessages.en).sort()).toEqual(Object.keys(lexiconMessages.ar).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(lexiconMessages.ar) as (keyof typeof lexiconMessages.ar)[]) {
      expect(placeholders(lexiconMessages.en[key]), key).toEqual(placeholders(lexiconMessages.ar[key]));
    }
  });

  it("fills placeholders", () => {
    expect(lexiconText("en")("lexImportLineError", { line: 4, reason: "bad weight" })).toBe(
      "Line 4: bad weight",
    );
    expect(lexiconText("ar")("lexImportLineError", { line: 4, reason: "x" })).toBe("السطر 4: x");
  });
});
