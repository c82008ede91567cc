import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../paths.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { FOLDED_LETTERS, foldSearchText, REMOVED_RANGES, VARIANT_LETTERS } from "./fold-search-text.ts";
import { LONG_WORD_MARKER, MAX_SEARCH_WORD, searchWords } from "./search-words.ts";

describe("foldSearchText", () => {
  it("drops diacritics, Quranic marks, tatweel and invisible characters", () => {
    expect(foldSearchText("المُقَاوَمَةُ")).toBe("المقاومه");
    expect(foldSearchText("الحكـــومة")).toBe("الحكومه");
    expect(foldSearchText("سو\u200Bريا\u00AD")).toBe("سوريا");
    expect(foldSearchText("ٱلرَّحْمَٰنِ")).toBe("الرحمن");
  });

  it("writes one letter for each group of variants and lower-cases Latin", () => {
    expect(foldSearchText("إسرائيل أمريكا آسيا")).toBe("اسراييل امريكا اسيا");
    expect(foldSearchText("مسؤولية على")).toBe("مسووليه علي");
    expect(foldSearchText("پاکستان گاز")).toBe("باكستان كاز");
    expect(foldSearchText("Ce GOUVERNEMENT")).toBe("ce gouvernement");
  });
});

describe("foldSearchText's one pass", () => {
  /** The folding as three passes of regular expressions, which the one-pass table replaced. */
  const escaped = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`;
  const removed = new RegExp(
    `[${REMOVED_RANGES.map(([a, b]) => `${escaped(a)}-${escaped(b)}`).join("")}]`,
    "g",
  );
  const variant = new RegExp(`[${VARIANT_LETTERS}]`, "g");
  const byPasses = (text: string) =>
    text
      .replace(removed, "")
      .replace(variant, (ch) => FOLDED_LETTERS[VARIANT_LETTERS.indexOf(ch)] as string)
      .toLowerCase();
  // Code units from the blocks folding touches, Latin with case, and lone surrogate halves.
  const unit = fc.oneof(
    fc.integer({ min: 0x20, max: 0x24f }),
    fc.integer({ min: 0x600, max: 0x6ff }),
    fc.integer({ min: 0x2000, max: 0x206f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.integer({ min: 0xfb50, max: 0xfeff }),
    fc.integer({ min: 0, max: 0xffff }),
  );
  const text = fc.array(unit, { maxLength: 80 }).map((codes) => String.fromCharCode(...codes));

  it("gives what the removal, replacement and lower-casing passes give, on any text", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(foldSearchText(t)).toBe(byPasses(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a text with nothing to fold as it is, and folds at both ends", () => {
    expect(foldSearchText("شكرا")).toBe("شكرا");
    expect(foldSearchText("ـأهلاًـ")).toBe("اهلا");
    expect(foldSearchText("")).toBe("");
  });
});

describe("searchWords", () => {
  it("lists each white-space-separated word once, punctuation attached", () => {
    expect(searchWords("يا حمار،  يا\tحمار\nاسكت")).toEqual(["يا", "حمار،", "حمار", "اسكت"]);
    expect(searchWords("  ")).toEqual([]);
  });

  it("puts one marker in place of words too long to index", () => {
    const long = "ب".repeat(MAX_SEARCH_WORD + 1);
    expect(searchWords(`${long} كلمة ${long}x`)).toEqual([LONG_WORD_MARKER, "كلمة"]);
    expect(searchWords("ب".repeat(MAX_SEARCH_WORD))).toEqual(["ب".repeat(MAX_SEARCH_WORD)]);
  });
});

describe("foldSearchText against the database's raqib_search_text()", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  /** Migrations fill older rows' search keys with the SQL function: the two must agree. */
  it("agrees on every character of the Arabic blocks, Latin and Latin-1", async () => {
    const ranges = [
      [0x20, 0x7e],
      [0xa0, 0xff],
      [0x600, 0x6ff],
      [0x750, 0x77f],
      [0x8a0, 0x8ff],
      [0x200b, 0x206f],
      [0xfb50, 0xfdff],
      [0xfe70, 0xfeff],
    ] as const;
    const chars = ranges.flatMap(([from, to]) =>
      Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
    );
    const rows = await database.query<{ folded: string }>(
      "SELECT raqib_search_text(t) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n",
      [chars],
    );
    const disagree = chars.filter((ch, i) => rows[i]?.folded !== foldSearchText(ch));
    expect(disagree.map((ch) => `U+${ch.codePointAt(0)?.toString(16)}`)).toEqual([]);
  });

  it("agrees on the seed articles, line by line", async () => {
    const dir = join(projectRoot, "seeds");
    const lines = readdirSync(dir)
      .filter((name) => name.endsWith(".txt"))
      .flatMap((name) => readFileSync(join(dir, name), "utf8").split("\n"));
    expect(lines.length).toBeGreaterThan(50);
    const rows = await database.query<{ folded: string }>(
      "SELECT raqib_search_text(t) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n",
      [lines],
    );
    expect(rows.map((r) => r.folded)).toEqual(lines.map(foldSearchText));
  });
});
