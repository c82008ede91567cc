import { describe, expect, it } from "vitest";
import { classify, defaultLexicon, LexiconError, readLexiconFiles } from "../classifier/index.ts";
import { entryKey, type LayerEntry } from "./layer-entry.ts";
import { layerLexicon } from "./layer-lexicon.ts";
import { formatLexiconTsv, parseLexiconTsvUpload } from "./lexicon-tsv.ts";

const files = readLexiconFiles();
const set = (term: string, extra: Partial<LayerEntry> = {}): LayerEntry => ({
  op: "set",
  term,
  category: "insult",
  weight: 0.9,
  language: "ar",
  target: null,
  side: null,
  flags: "",
  note: "",
  ...extra,
});

describe("layering database edits over the shipped files", () => {
  it("an empty layer is exactly the shipped lexicon, with its version", () => {
    const layered = layerLexicon(files, []);
    expect(layered.compiled.version).toBe(defaultLexicon().version);
    expect(layered.compiled.entries).toHaveLength(defaultLexicon().entries.length);
    expect(layered.entries.every((e) => e.origin === "file")).toBe(true);
  });

  it("an added term is matched, with its own version", () => {
    const text = "هذا المعلق ضجيج حقيقي";
    expect(classify(text, defaultLexicon()).insult).toBe(false);
    const layered = layerLexicon(files, [set("ضجيج")]);
    expect(layered.compiled.version).not.toBe(defaultLexicon().version);
    const result = classify(text, layered.compiled);
    expect(result.insult).toBe(true);
    expect(result.lexiconVersion).toBe(layered.compiled.version);
    expect(layered.entries.find((e) => e.entry.term === "ضجيج")?.origin).toBe("added");
  });

  it("a set row with a file row's key replaces it; a remove row drops it and keeps other line numbers", () => {
    const donkey = defaultLexicon().entries.find((e) => e.term === "حمار" && e.category === "insult");
    expect(donkey).toBeDefined();
    const changed = layerLexicon(files, [set("حمار", { weight: 0.2, flags: "literal", note: "weaker" })]);
    const entry = changed.entries.find((e) => e.key === entryKey({ term: "حمار", category: "insult" }));
    expect(entry?.origin).toBe("changed");
    expect(entry?.entry.weight).toBe(0.2);
    expect(entry?.fileEntry?.weight).toBe(donkey?.weight);
    expect(changed.compiled.entries.filter((e) => e.term === "حمار" && e.category === "insult")).toHaveLength(
      1,
    );

    const removed = layerLexicon(files, [{ ...set("حمار"), op: "remove" }]);
    expect(removed.compiled.entries.some((e) => e.term === "حمار" && e.category === "insult")).toBe(false);
    expect(classify("يا حمار", removed.compiled).matches.some((m) => m.term === "حمار")).toBe(false);
    // Every other row keeps its file and line.
    const other = defaultLexicon().entries.find((e) => e.term === "حمير");
    expect(removed.compiled.entries.find((e) => e.term === "حمير")?.source).toBe(other?.source);
    expect(removed.entries.find((e) => e.entry.term === "حمار")?.origin).toBe("removed");
  });

  it("the version is a hash of files and layer: same inputs, same version, in any order; any edit changes it", () => {
    const a = [set("ضجيج"), set("تافه جدا", { weight: 0.5 }), { ...set("حمار"), op: "remove" as const }];
    const v1 = layerLexicon(files, a).compiled.version;
    expect(layerLexicon(files, [...a].reverse()).compiled.version).toBe(v1);
    expect(v1).toMatch(/^[0-9a-f]{12}$/);
    const versions = new Set([
      v1,
      layerLexicon(files, [set("ضجيج")]).compiled.version,
      layerLexicon(files, [set("ضجيج", { weight: 0.8 })]).compiled.version,
      layerLexicon(files, [set("ضجيج", { note: "other note" })]).compiled.version,
      layerLexicon(files, [{ ...set("حمار"), op: "remove" }]).compiled.version,
      layerLexicon(files, []).compiled.version,
    ]);
    expect(versions.size).toBe(6);
    // The files are part of it too.
    const edited = files.map((f) => (f.name === "insults.tsv" ? { ...f, content: `${f.content}\n` } : f));
    expect(layerLexicon(edited, a).compiled.version).not.toBe(v1);
  });

  it("refuses an invalid layer row, naming it and the reason", () => {
    expect(() => layerLexicon(files, [set("ضجيج", { weight: 7 })])).toThrow(LexiconError);
    expect(() => layerLexicon(files, [set("ضجيج", { weight: 7 })])).toThrow(
      /layer 'ضجيج' \(insult\).*weight '7'/,
    );
    expect(() =>
      layerLexicon(files, [set("روسيا العظمى", { category: "stance", target: "russia", side: null })]),
    ).toThrow(/stance rows need a side/);
  });

  it("a remove row for a term the files no longer have does nothing and is reported", () => {
    const layered = layerLexicon(files, [{ ...set("كلمة غير موجودة"), op: "remove" }]);
    expect(layered.compiled.version).toBe(defaultLexicon().version);
    expect(layered.unmatchedRemovals.map((r) => r.term)).toEqual(["كلمة غير موجودة"]);
  });
});

describe("TSV import and export", () => {
  it("exports in the shipped format and imports it back", () => {
    const tsv = formatLexiconTsv(defaultLexicon().entries.slice(0, 50));
    expect(tsv.split("\n")[0]).toBe("term\tcategory\tweight\tlanguage\ttarget\tside\tflags\tnote");
    const parsed = parseLexiconTsvUpload(tsv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.term)).toEqual(
      defaultLexicon()
        .entries.slice(0, 50)
        .map((e) => e.term),
    );
  });

  it("reports every bad line with its number and reason and keeps the good ones", () => {
    const text = [
      "term\tcategory\tweight\tlanguage\ttarget\tside\tflags\tnote",
      "ضجيج\tinsult\t0.7\tar\t\t\t\tnoise",
      "# a comment",
      "سيئ\tinsultt\t0.7\tar\t\t\t\t",
      "كلب\tinsult\tabc\tar\t\t\t\t",
      "only\ttwo",
      "",
      "الروس\tstance\t0.5\tar\trussia\t\t\t",
    ].join("\n");
    const parsed = parseLexiconTsvUpload(text);
    expect(parsed.entries.map((e) => [e.term, e.line])).toEqual([["ضجيج", 2]]);
    expect(parsed.errors.map((e) => e.line)).toEqual([4, 5, 6, 8]);
    expect(parsed.errors[0]?.reason).toMatch(/unknown category 'insultt'/);
    expect(parsed.errors[1]?.reason).toMatch(/weight 'abc' must be a number/);
    expect(parsed.errors[2]?.reason).toMatch(/expected 8 tab-separated columns.*got 2/);
    expect(parsed.errors[3]?.reason).toMatch(/stance rows need a side/);
  });

  it("names a wrong header and an empty file", () => {
    expect(parseLexiconTsvUpload("a\tb\n").errors[0]).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/header/),
    });
    expect(parseLexiconTsvUpload("").errors[0]?.reason).toMatch(/empty/);
  });
});
