import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IngestParseError } from "./ingest-error.ts";
import { isNoiseLine } from "./noise-lines.ts";
import { type ParsedArticle, type ParsedComment, parseArticle } from "./parse-article.ts";
import { renderArticle } from "./render-article.ts";

/**
 * Generators of realistic comment fields. What they leave out is exactly what is ambiguous
 * in the dump format itself, where no parser could recover the fields:
 * - a hyphen after whitespace (" -") anywhere but inside the first body line, because in
 *   layout A a later body line "x -y" reads as the author line of a title-less comment,
 *   and in layout B a body line ending in " -" reads as an author line;
 * - titles and authors containing " -" (the first " -" ends the author);
 * - authors longer than the 8 words a name may have;
 * - lines that are noise (promotions), the header word or the disclaimer;
 * - lines starting with ">" (quote markers) and leading/trailing spaces (text is trimmed);
 * - blank lines inside bodies (runs of them are collapsed).
 */
const ARABIC_LETTERS = [..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةىؤئ"];
const LATIN_LETTERS = [..."abcdefghijklmnopqrstuvwxyzéèàçABCDEFGHIJKLMNOPQRSTUVWXYZ"];
const PUNCTUATION = ["؟", "!", "!!", "،", ".", "...", "؛", ":", "?", ","];

const arabicWord = fc.string({ unit: fc.constantFrom(...ARABIC_LETTERS), minLength: 1, maxLength: 8 });
const latinWord = fc.string({ unit: fc.constantFrom(...LATIN_LETTERS), minLength: 1, maxLength: 8 });
const number = fc.integer({ min: 0, max: 2030 }).map(String);
const word = fc.oneof(
  { weight: 6, arbitrary: arabicWord },
  { weight: 2, arbitrary: latinWord },
  { weight: 1, arbitrary: number },
  { weight: 1, arbitrary: fc.tuple(arabicWord, fc.constantFrom(...PUNCTUATION)).map(([w, p]) => w + p) },
);

const wordsLine = (min: number, max: number, separators: string[] = [" "]) =>
  fc
    .tuple(
      fc.array(word, { minLength: min, maxLength: max }),
      fc.array(fc.constantFrom(...separators), { minLength: max, maxLength: max }),
    )
    .map(([words, seps]) => words.map((w, i) => (i === 0 ? w : `${seps[i] ?? " "}${w}`)).join(""))
    .filter((line) => !isNoiseLine(line));

const title = fc.option(wordsLine(1, 8), { nil: null, freq: 5 });
const author = fc.option(wordsLine(1, 3), { nil: null, freq: 5 });
const body = fc
  .tuple(wordsLine(1, 25, [" ", " ", " ", " ", " - "]), fc.array(wordsLine(1, 15), { maxLength: 3 }))
  .map(([first, rest]) => [first, ...rest].join("\n"));
const comment: fc.Arbitrary<ParsedComment> = fc.record({ title, author, body });

const article: fc.Arbitrary<ParsedArticle> = fc.record({
  title: fc.constantFrom(
    "بوتين يبحث مع أوباما الأزمة السورية",
    "Russia and the US discuss Syria",
    "لافروف: الحل سياسي",
  ),
  source: fc.constantFrom(null, "إيلاف", "سانا"),
  body: fc.array(wordsLine(3, 20), { minLength: 0, maxLength: 4 }).map((lines) => lines.join("\n")),
  comments: fc.array(comment, { minLength: 1, maxLength: 8 }),
});

describe("parseArticle properties", () => {
  it("never throws anything but IngestParseError on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (input) => {
        try {
          parseArticle(input);
        } catch (error) {
          if (!(error instanceof IngestParseError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws anything but IngestParseError on inputs built from the format's own pieces", () => {
    const token = fc.constantFrom(
      "التعليقات",
      "\n",
      "\r\n",
      "\n\n",
      " -",
      "-",
      " - ",
      "> ",
      ">",
      "&",
      "\ufeff",
      "إضغط هنا للإشتراك",
      "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف",
      "موسكو – سانا",
      "أخبار",
      "علي",
      "بوتين",
      "نص",
      " ",
      "ﻫﻲ",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        try {
          const parsed = parseArticle(tokens.join(""));
          expect(parsed.title).not.toBe("");
          for (const c of parsed.comments) expect(c.body).not.toBe("");
        } catch (error) {
          if (!(error instanceof IngestParseError)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each(["A", "B"] as const)(
    "reads back an article rendered in layout %s to the same comments",
    (layout) => {
      const options = fc.record({
        lineEnding: fc.constantFrom("\n" as const, "\r\n" as const),
        quoted: fc.boolean(),
        bom: fc.boolean(),
      });
      fc.assert(
        fc.property(article, options, (original, renderOptions) => {
          const parsed = parseArticle(renderArticle(original, layout, renderOptions));
          expect(parsed.comments).toEqual(original.comments);
          expect(parsed.title).toBe(original.title);
          expect(parsed.body).toBe(original.body);
        }),
        { numRuns: 500 },
      );
    },
  );
});
