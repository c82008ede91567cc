import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import { compileLexicon } from "./compile-lexicon.ts";
import { defaultLexicon, readLexiconFiles } from "./default-lexicon.ts";
import { LexiconError } from "./errors.ts";

const HEADER = "term\tcategory\tweight\tlanguage\ttarget\tside\tflags\tnote";
const row = (...cells: string[]) => cells.join("\t");

function problemsOf(content: string, name = "test.tsv"): string[] {
  try {
    compileLexicon([{ name, content }]);
  } catch (error) {
    if (error instanceof LexiconError) return error.problems.map((p) => `${p.location}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("lexicon TSV validation", () => {
  it("accepts a valid file, skipping comments and blank lines", () => {
    const content = [
      HEADER,
      "# a comment",
      "",
      row("حمار", "insult", "0.6", "ar", "", "", "literal", "donkey"),
    ].join("\n");
    expect(compileLexicon([{ name: "ok.tsv", content }]).entries).toHaveLength(1);
  });

  it("reports a wrong header on its line", () => {
    expect(problemsOf("term\tcategory\n")).toEqual([expect.stringMatching(/^test\.tsv:1: header must be/)]);
  });

  it("reports a missing header", () => {
    expect(problemsOf("# only comments\n")).toEqual(["test.tsv:1: file has no header row"]);
  });

  it("reports every bad row with its line number", () => {
    const content = [
      HEADER,
      row("حمار", "insul", "0.6", "ar", "", "", "", ""),
      row("كلب", "insult", "1.5", "ar", "", "", "", ""),
      row("", "insult", "0.5", "ar", "", "", "", ""),
      row("dog", "insult", "0.5", "xx", "", "", "", ""),
      row("الثوار", "stance", "0.7", "ar", "", "favor", "", ""),
      row("الثوار", "stance", "0.7", "ar", "syrian_opposition", "", "", ""),
      row("غبي", "insult", "0.6", "ar", "russia", "", "", ""),
      row("غبي", "insult", "0.6", "ar", "", "", "loud", ""),
      "only\ttwo",
      row("...", "insult", "0.5", "ar", "", "", "", ""),
    ].join("\n");
    expect(problemsOf(content)).toEqual([
      expect.stringMatching(/^test\.tsv:2: unknown category 'insul'/),
      "test.tsv:3: weight '1.5' must be a number in (0, 1]",
      "test.tsv:4: term is empty",
      expect.stringMatching(/^test\.tsv:5: unknown language 'xx'/),
      "test.tsv:6: stance rows need a target",
      "test.tsv:7: stance rows need a side (favor or against)",
      "test.tsv:8: target is only allowed for stance and entity rows, not insult",
      expect.stringMatching(/^test\.tsv:9: unknown flag 'loud'/),
      "test.tsv:10: expected 8 tab-separated columns, got 2",
      "test.tsv:11: term '...' has no letters after normalisation",
    ]);
  });

  it("reports duplicates, including spellings that normalise alike (خائن, خاين)", () => {
    const content = [
      HEADER,
      row("خاين", "insult", "0.5", "ar", "", "", "", ""),
      row("خائن", "insult", "0.5", "ar", "", "", "", ""),
    ].join("\n");
    expect(problemsOf(content)).toEqual(["test.tsv:3: duplicate of test.tsv:2 ('خاين', insult)"]);
  });

  it("allows intensifier weights above 1 (they multiply)", () => {
    const content = [HEADER, row("جدا", "intensifier", "1.5", "ar", "", "", "", "")].join("\n");
    expect(problemsOf(content)).toEqual([]);
  });

  it("validates extra entries and names them by index", () => {
    expect(() =>
      compileLexicon(
        [{ name: "a.tsv", content: HEADER }],
        [{ term: "x", category: "nope", weight: 1, language: "en" }],
      ),
    ).toThrow(/extra\[0\]: unknown category 'nope'/);
  });
});

describe("compiled lexicon", () => {
  const files = [
    { name: "a.tsv", content: [HEADER, row("حمار", "insult", "0.6", "ar", "", "", "", "")].join("\n") },
    { name: "b.tsv", content: [HEADER, row("ممتاز", "positive", "0.7", "ar", "", "", "", "")].join("\n") },
  ];

  it("versions the lexicon by the sha256 of its content, independent of file order", () => {
    const one = compileLexicon(files);
    expect(one.version).toMatch(/^[0-9a-f]{12}$/);
    expect(compileLexicon([...files].reverse()).version).toBe(one.version);
    const edited = [
      { ...files[0], content: `${files[0]?.content}\n` } as (typeof files)[0],
      files[1] as (typeof files)[0],
    ];
    expect(compileLexicon(edited).version).not.toBe(one.version);
  });

  it("layers extra entries over the files, and they change the version", () => {
    const base = compileLexicon(files);
    const layered = compileLexicon(files, [
      { term: "حمار", category: "insult", weight: 0.2, language: "ar" },
    ]);
    expect(layered.version).not.toBe(base.version);
    expect(layered.entries.find((e) => e.term === "حمار")?.weight).toBe(0.2);
    expect(classify("انت حمار", base).insult).toBe(true);
    expect(classify("انت حمار", layered).insult).toBe(false);
  });

  it("ships a rich default lexicon that compiles", () => {
    const lexicon = defaultLexicon();
    expect(lexicon.entries.length).toBeGreaterThan(900);
    const categories = new Set(lexicon.entries.map((e) => e.category));
    for (const category of [
      "insult",
      "profanity",
      "dehumanising",
      "sectarian",
      "threat",
      "positive",
      "negative",
      "negator",
      "intensifier",
      "stance",
      "exception",
    ]) {
      expect(categories.has(category as never)).toBe(true);
    }
    for (const target of ["russia", "usa", "syrian_government", "syrian_opposition"]) {
      for (const side of ["favor", "against"]) {
        expect(lexicon.entries.some((e) => e.target === target && e.side === side)).toBe(true);
      }
    }
    const languages = new Set(lexicon.entries.map((e) => e.language));
    for (const language of ["ar", "ar-lev", "ar-eg", "ar-gulf", "ar-iq", "ar-ma", "ar-Latn", "fr", "en"]) {
      expect(languages.has(language as never)).toBe(true);
    }
    expect(readLexiconFiles().every((f) => f.content.startsWith(HEADER))).toBe(true);
  });
});
