import { describe, expect, it } from "vitest";
import { classify, defaultLexicon, readLexiconFiles } from "../classifier/index.ts";
import { compareResults } from "./compare-results.ts";
import type { LabelledComment } from "./labelled-comment.ts";
import { layerLexicon } from "./layer-lexicon.ts";
import { scoreLexicon, termPrecision, termStatKey } from "./score-lexicon.ts";
import { rankSuggestions, suggestTerms, type TermSuggestion } from "./suggest-terms.ts";

let nextId = 1;
const c = (
  body: string,
  insult: boolean | null,
  stance: LabelledComment["stance"] = {},
): LabelledComment => ({
  id: nextId++,
  body,
  insult,
  sentiment: null,
  stance,
});

describe("suggestions", () => {
  const comments = [
    c("انت نفايات يا رجل", true),
    c("كلامك نفايات", true),
    c("نفايات وتافه", true),
    c("رمينا النفايات في الحاوية", false),
    c("المعلق قرقوز", true),
    c("قرقوز آخر", true),
    c("مقال جيد عن الاقتصاد", false),
    c("الاقتصاد ينهار", false),
    c("حمار حمار", true),
    c("شكرا الدب الروسي المنقذ", null, { russia: "favor" }),
    c("الدب الروسي المنقذ ينقذنا", null, { russia: "favor" }),
    c("الدب الروسي يقصف المدن", null, { russia: "against" }),
  ];

  it("ranks by precision, then by how many comments of the class contain the term", () => {
    const insults = suggestTerms(
      comments,
      defaultLexicon().entries.map((e) => e.term),
    ).filter((s) => s.suggestedAs === "insult");
    const terms = insults.map((s) => s.term);
    // قرقوز: 2 of 2 insult comments; نفايات (with or without the article): 3 of 4, the literal
    // rubbish one is not an insult.
    expect(terms.indexOf("قرقوز")).toBeGreaterThanOrEqual(0);
    expect(terms.indexOf("قرقوز")).toBeLessThan(terms.indexOf("نفايات"));
    const zibala = insults.find((s) => s.term === "نفايات");
    expect(zibala).toMatchObject({ positives: 3, occurrences: 4, precision: 0.75 });
    expect(zibala?.examples.map((e) => e.body)).toEqual([
      "انت نفايات يا رجل",
      "كلامك نفايات",
      "نفايات وتافه",
    ]);
    // Words already in the lexicon, words seen once and function words are not suggested.
    expect(terms).not.toContain("حمار");
    expect(terms).not.toContain("تافه");
    expect(terms).not.toContain("الاقتصاد");
    expect(terms).not.toContain("يا");
  });

  it("suggests stance expressions for the side humans gave", () => {
    const favor = suggestTerms(
      comments,
      defaultLexicon().entries.map((e) => e.term),
    ).filter((s) => s.suggestedAs === "favor:russia");
    expect(favor.find((s) => s.term === "منقذ")).toMatchObject({
      positives: 2,
      occurrences: 2,
      precision: 1,
    });
    expect(favor.find((s) => s.term === "الدب الروسي")).toMatchObject({ positives: 2, occurrences: 3 });
  });

  it("rankSuggestions orders precision, then count, then term", () => {
    const s = (term: string, precision: number, positives: number) =>
      ({ term, precision, positives, occurrences: 0, suggestedAs: "insult", examples: [] }) as TermSuggestion;
    const sorted = [s("ب", 0.5, 10), s("ا", 1, 2), s("ج", 1, 5), s("د", 0.5, 10)].sort(rankSuggestions);
    expect(sorted.map((x) => x.term)).toEqual(["ج", "ا", "ب", "د"]);
  });
});

describe("scores and changes against human labels", () => {
  const comments = [
    c("هذا المعلق ضجيج", true),
    c("يا حمار", true),
    c("الحمار الوحشي في الحديقة", false),
    c("ضجيج الشارع مزعج", false),
  ];
  const published = defaultLexicon();
  const draft = layerLexicon(readLexiconFiles(), [
    {
      op: "set",
      term: "ضجيج",
      category: "insult",
      weight: 0.9,
      language: "ar",
      target: null,
      side: null,
      flags: "",
      note: "",
    },
  ]).compiled;
  const before = comments.map((x) => classify(x.body, published));
  const after = comments.map((x) => classify(x.body, draft));

  it("computes P/R/F1 for insult before and after", () => {
    const a = scoreLexicon(comments, before).insult;
    const b = scoreLexicon(comments, after).insult;
    expect(a).toMatchObject({ precision: 1, recall: 0.5, count: 4 });
    expect(b.recall).toBe(1);
    expect(b.precision).toBeCloseTo(2 / 3, 5);
    expect(b.f1).toBeCloseTo(0.8, 5);
  });

  it("lists the comments whose result would change", () => {
    const changes = compareResults(comments, before, after);
    expect(changes.map((x) => [x.body, x.kind])).toEqual([
      ["هذا المعلق ضجيج", "newly_flagged"],
      ["ضجيج الشارع مزعج", "newly_flagged"],
    ]);
    expect(changes[0]?.termsAdded).toEqual(["ضجيج"]);
    expect(changes[0]?.human.insult).toBe(true);
  });

  it("per-term precision counts the human answers a term's matches met", () => {
    const stats = termPrecision(comments, after);
    expect(stats.get(termStatKey("ضجيج", "insult"))).toEqual({ judged: 2, correct: 1 });
    expect(stats.get(termStatKey("حمار", "insult"))).toEqual({ judged: 1, correct: 1 });
  });
});
