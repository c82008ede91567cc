import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalise } from "./normalise.ts";
import { tokenise } from "./tokenise.ts";

/**
 * scanText (behind tokenise) normalises and tokenises in one pass for speed; normalise() keeps a
 * per-character map. These properties hold the two to the same rules.
 */
const pieces = fc.constantFrom(
  "حمار",
  "كلاب",
  "يا",
  "و",
  "ال",
  "ة",
  "\u064e",
  "\u0651",
  "\u0640",
  "\u200c",
  "\u200d",
  "ا",
  "ح",
  "م",
  "ر",
  "اا",
  "ااا",
  " ",
  "  ",
  ".",
  "،",
  ",",
  '"',
  "«",
  "»",
  "-",
  "_",
  "ﻻ",
  "ﷺ",
  "ﷲ",
  "😡",
  "👍🏽",
  "❤️",
  "🇸🇾",
  "idiot",
  "7mar",
  "CONNARD",
  "é",
  "\u0301",
  "٣",
  "ک",
  "ی",
  "ٱ",
  "\ud83d",
  "\udc4d",
  "\n",
  "iii",
  "ح م ا ر",
  "ح.م.ا.ر",
  "𝐚",
);
const texts = fc
  .array(fc.oneof(pieces, fc.string({ unit: "binary", maxLength: 2 })), { minLength: 0, maxLength: 30 })
  .map((parts) => parts.join(""));

describe("scanText agrees with normalise", () => {
  it("gives the same tokens as tokenising the normalised text", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const direct = tokenise(text).tokens.map((t) => [t.norm, t.kind, t.sentence, t.clause, t.quote]);
        const viaNormalise = tokenise(normalise(text).text).tokens.map((t) => [
          t.norm,
          t.kind,
          t.sentence,
          t.clause,
          t.quote,
        ]);
        expect(direct).toEqual(viaNormalise);
      }),
      { numRuns: Number(process.env.RAQIB_PROPERTY_RUNS ?? 2000) },
    );
  });

  it("maps each token to the same original range as normalise's offsets", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const n = normalise(text);
        const direct = tokenise(text).tokens;
        const viaNormalise = tokenise(n.text).tokens;
        direct.forEach((token, i) => {
          const other = viaNormalise[i];
          if (!other) throw new Error("token counts differ");
          expect([token.start, token.end]).toEqual([n.starts[other.start], n.ends[other.end - 1]]);
        });
      }),
      { numRuns: Number(process.env.RAQIB_PROPERTY_RUNS ?? 2000) },
    );
  });
});
