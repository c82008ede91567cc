import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import { ClassifierInputError, MAX_TEXT_LENGTH } from "./errors.ts";
import { normalise, normaliseTerm } from "./normalise.ts";
import { type ClassifierMatch, type ClassifierResult, matchCounts } from "./types.ts";

function abusive(result: ClassifierResult): ClassifierMatch[] {
  return result.matches.filter((m) =>
    ["insult", "profanity", "dehumanising", "sectarian", "threat"].includes(m.category),
  );
}
function slices(text: string): string[] {
  return classify(text).matches.map((m) => text.slice(m.start, m.end));
}

describe("classify: insults through normalisation", () => {
  it.each([
    ["plain", "انت حمار", "حمار"],
    ["diacritics", "انتَ حِمَارٌ", "حِمَارٌ"],
    ["tatweel", "يا حمـــار", "حمـــار"],
    ["elongation", "يا حماااار", "حماااار"],
    ["doubled letter", "يا حماار", "حماار"],
    ["spaced letters", "ح م ا ر من كتب هذا", "ح م ا ر"],
    ["dotted letters", "يا ح.م.ا.ر", "ح.م.ا.ر"],
    ["zero-width non-joiner", "يا حم\u200cار", "حم\u200cار"],
    ["Persian kaf", "يا کلب", "کلب"],
    ["alef variant and ta marbuta", "يا زبالة", "زبالة"],
    ["presentation forms", "يا ﺣﻤﺎﺭ", "ﺣﻤﺎﺭ"],
  ])("%s", (_name, text, written) => {
    const result = classify(text);
    expect(result.insult).toBe(true);
    expect(slices(text)).toContain(written);
  });

  it.each([
    ["conjunction + preposition + article", "والكلاب اللي معك", "والكلاب", "كلاب"],
    ["vocative written together", "ياكلب", "ياكلب", "كلب"],
    ["pronoun suffix", "كلابهم ما بيرحموا حدا", "كلابهم", "كلاب"],
    ["feminine", "يا حمارة", "حمارة", "حمار"],
    ["broken plural", "شو هالحمير", "هالحمير", "حمير"],
    ["sound plural", "كلهم منافقون", "منافقون", "منافق"],
    ["accusative alif", "صار كلباً", "كلباً", "كلب"],
    ["Levantine demonstrative", "شو هالبهايم", "هالبهايم", "بهايم"],
  ])("clitics and forms: %s", (_name, text, written, term) => {
    const result = classify(text);
    expect(result.insult).toBe(true);
    const match = abusive(result).find((m) => m.term === term);
    expect(match && text.slice(match.start, match.end)).toBe(written);
  });

  it("matches multi-word expressions as one span", () => {
    const text = "يا ابن الكلب احترم نفسك";
    const result = classify(text);
    expect(result.insult).toBe(true);
    expect(abusive(result).map((m) => text.slice(m.start, m.end))).toEqual(["ابن الكلب"]);
  });

  it("knows Arabizi, French and English insults", () => {
    expect(classify("ya 7mar enta mesh fahem").insult).toBe(true);
    expect(classify("Espèce de connard").insult).toBe(true);
    expect(classify("you are a moron").insult).toBe(true);
    expect(classify("f u c k this propaganda").insult).toBe(true);
  });

  it("does not flag clean comments", () => {
    for (const text of [
      "الطقس في دمشق بارد اليوم",
      "شكراً على التقرير الممتاز",
      "Great reporting",
      "Vive la paix",
    ]) {
      expect(classify(text).insult).toBe(false);
    }
  });

  it("does not read a real double و as elongation (رؤوس is not الروس)", () => {
    expect(classify("جيش الأسد دمر المدينة فوق رؤوس أهلها").stance.russia).toBeUndefined();
  });

  it("does not read a club name as a clipped insult (زمالك is not زمال + ك)", () => {
    expect(classify("الدوري يا زمالك").insult).toBe(false);
  });
});

describe("classify: scope rules", () => {
  it.each([
    ["مش", "هو مش حمار، بس ما عنده معلومات"],
    ["ليس", "هو ليس حماراً بل مخطئ"],
    ["لا", "لا أحد كلب هنا"],
    ["not", "he is not an idiot"],
    ["pas", "il n'est pas un connard"],
  ])("negation with %s cancels the insult", (_negator, text) => {
    const result = classify(text);
    expect(result.insult).toBe(false);
    expect(abusive(result).every((m) => m.rule === "negated")).toBe(true);
  });

  it("negation does not cross a clause", () => {
    expect(classify("لا، انت حمار").insult).toBe(true);
  });

  it("a vocative after the negator starts a new address: لا يا حمار", () => {
    expect(classify("لا يا حمار").insult).toBe(true);
  });

  it("a negator with إلا or غير restricts rather than negates: ليس إلا كلباً", () => {
    expect(classify("ليس إلا كلباً").insult).toBe(true);
    expect(classify("ما هو غير حمار").insult).toBe(true);
  });

  it("لا مكان (no place for) rejects rather than negates: لا مكان للمجرم", () => {
    const result = classify("لا مكان للمجرم الارهابي بشار");
    expect(result.insult).toBe(true);
    expect(abusive(result).some((m) => m.rule === "negated")).toBe(false);
  });

  it("ما before an elative exclaims rather than negates: ما أغباك", () => {
    expect(classify("ما أغباك").insult).toBe(true);
  });

  it("reported speech is not the writer's insult", () => {
    const result = classify("من يصفهم بالكلاب مخطئ");
    expect(result.insult).toBe(false);
    expect(abusive(result)[0]?.rule).toBe("reported");
  });

  it("quoted words are not the writer's insult", () => {
    const result = classify('أطلق بعض المعلقين على المقاتلين لقب "كلاب الحرب"');
    expect(result.insult).toBe(false);
    expect(abusive(result).every((m) => m.rule === "quoted" || m.rule === "reported")).toBe(true);
  });

  it("an unpaired quotation mark hides nothing", () => {
    expect(classify('"انت حمار').insult).toBe(true);
  });

  it("literal exceptions: phrases (حمار وحشي, لحم الخنزير)", () => {
    expect(classify("شاهدنا حمار وحشي في الحديقة").insult).toBe(false);
    const result = classify("لحم الخنزير ممنوع هنا");
    expect(result.insult).toBe(false);
    expect(abusive(result)[0]?.rule).toBe("literal");
  });

  it("literal exceptions: context cues in the same sentence (farm, vet)", () => {
    expect(classify("نفقت الحمير في المزرعة بسبب البرد").insult).toBe(false);
    expect(classify("افتتاح عيادة بيطرية لعلاج الحمير").insult).toBe(false);
    // The cue does not reach another sentence, and an address overrides it.
    expect(classify("زرت المزرعة. انت حمار").insult).toBe(true);
    expect(classify("في المزرعة يا حمار").insult).toBe(true);
  });

  it("counts each abusive term once however often it is repeated", () => {
    const once = classify("اسكت").insultScore;
    expect(classify("اسكت اسكت اسكت اسكت").insultScore).toBe(once);
  });
});

describe("classify: sentiment", () => {
  it("scores positive, negative and neutral comments", () => {
    expect(classify("تقرير ممتاز ومفيد، شكراً").sentiment).toBe("positive");
    expect(classify("مقال سيء ومضلل").sentiment).toBe("negative");
    expect(classify("المؤتمر سيعقد الأسبوع القادم").sentiment).toBe("neutral");
  });

  it("negators flip sentiment words", () => {
    expect(classify("الخبر ليس جيداً").sentiment).toBe("negative");
    expect(classify("ما عجبني المقال").sentiment).toBe("negative");
  });

  it("intensifiers strengthen them", () => {
    expect(classify("سيء جدا").sentimentScore).toBeLessThan(classify("سيء").sentimentScore);
  });

  it("insults make a comment negative", () => {
    expect(classify("انت حمار").sentiment).toBe("negative");
  });
});

describe("classify: stance", () => {
  it.each([
    ["الجيش العربي السوري حرر المدينة", "syrian_government", "favor"],
    ["جيش النظام قصف المدارس", "syrian_government", "against"],
    ["الثوار صمدوا في درعا", "syrian_opposition", "favor"],
    ["الإرهابيين في إدلب خطفوا المدنيين", "syrian_opposition", "against"],
    ["الاحتلال الروسي دمر حلب", "russia", "against"],
    ["الأصدقاء الروس وقفوا معنا", "russia", "favor"],
    ["الاحتلال الأمريكي يسرق النفط", "usa", "against"],
    ["بوتين مجرم حرب", "russia", "against"],
    ["Thank you America for the aid", "usa", "favor"],
  ] as const)("%s → %s %s", (text, target, side) => {
    expect(classify(text).stance[target]).toBe(side);
  });

  it("only lists targets the comment takes a side on", () => {
    expect(classify("الطقس جميل اليوم").stance).toEqual({});
  });

  it("scare quotes and 'so-called' turn a naming against the side", () => {
    expect(classify('ما يسمى "المعارضة المعتدلة" مجرد واجهة').stance.syrian_opposition).toBe("against");
    expect(classify("ما يسمى بالجيش الحر لم يكن إلا عصابات").stance.syrian_opposition).toBe("against");
  });

  it("a naming someone else used is not the writer's stance", () => {
    expect(classify("يسميهم الإعلام الرسمي الإرهابيين").stance.syrian_opposition).toBeUndefined();
  });
});

describe("classify: language", () => {
  it.each([
    ["انت حمار", "ar"],
    ["ya 7mar enta mesh fahem", "ar-Latn"],
    ["La Russie a sauvé la Syrie", "fr"],
    ["this is a bad article", "en"],
    ["👍👍", "und"],
  ])("%s → %s", (text, language) => {
    expect(classify(text).language).toBe(language);
  });
});

describe("classify: output contract", () => {
  it("returns every field with the lexicon version", () => {
    const result = classify("يا حمار");
    expect(Object.keys(result).sort()).toEqual(
      [
        "insult",
        "insultScore",
        "language",
        "lexiconVersion",
        "matches",
        "sentiment",
        "sentimentScore",
        "stance",
      ].sort(),
    );
    expect(result.lexiconVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(result.insultScore).toBeGreaterThanOrEqual(0);
    expect(result.insultScore).toBeLessThanOrEqual(1);
    expect(Math.abs(result.sentimentScore)).toBeLessThanOrEqual(1);
  });

  it("suppressed matches carry their rule and do not count", () => {
    const [match] = classify("هو مش حمار").matches;
    expect(match?.rule).toBe("negated");
    expect(match && matchCounts(match)).toBe(false);
  });
});

describe("classify: bad input", () => {
  it.each([
    ["empty", "", "empty"],
    ["whitespace only", " \n\t ", "empty"],
    ["over the limit (200,000 characters)", "ح".repeat(200_000), "too_long"],
  ])("%s → ClassifierInputError", (_name, text, problem) => {
    expect(() => classify(text)).toThrow(ClassifierInputError);
    try {
      classify(text);
    } catch (error) {
      expect((error as ClassifierInputError).problem).toBe(problem);
    }
  });

  it("refuses non-strings with a clear message", () => {
    expect(() => classify(42 as unknown as string)).toThrow("text must be a string, got number");
    expect(() => classify(null as unknown as string)).toThrow("text must be a string, got null");
  });

  it("handles the longest allowed text quickly", () => {
    const text = "يا حمار ".repeat(MAX_TEXT_LENGTH / 8).slice(0, MAX_TEXT_LENGTH);
    const started = performance.now();
    const result = classify(text);
    expect(result.insult).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

/** Words, clitics, marks and separators that make matches likely in random text. */
const pieces = fc.constantFrom(
  "حمار",
  "كلاب",
  "يا",
  "و",
  "ال",
  "بال",
  "ها",
  "ة",
  "\u064e",
  "\u0651",
  "\u0640",
  "\u200c",
  "ا",
  "ح",
  "م",
  "ر",
  " ",
  " ",
  ".",
  "،",
  '"',
  "«",
  "»",
  "-",
  "مش",
  "ليس",
  "يصفهم",
  "الجيش العربي السوري",
  "جيش النظام",
  "ﻻ",
  "ﷺ",
  "😡",
  "👍🏽",
  "idiot",
  "7mar",
  "ya",
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
);
const commentLike = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 3 }), fc.string({ unit: "binary", maxLength: 2 })), {
    minLength: 1,
    maxLength: 40,
  })
  .map((parts) => parts.join(""));

describe("classify: properties", () => {
  it("never throws anything but ClassifierInputError", () => {
    fc.assert(
      fc.property(fc.oneof(commentLike, fc.string({ unit: "binary", maxLength: 200 })), (text) => {
        try {
          classify(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ClassifierInputError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("every match's start/end slice of the original text is the matched word as written", () => {
    fc.assert(
      fc.property(commentLike, (text) => {
        if (text.trim() === "") return;
        for (const match of classify(text).matches) {
          expect(match.start).toBeGreaterThanOrEqual(0);
          expect(match.end).toBeGreaterThan(match.start);
          expect(match.end).toBeLessThanOrEqual(text.length);
          const written = text.slice(match.start, match.end);
          // The slice starts and ends on the word, not on spaces or punctuation…
          expect(written).toBe(written.trim());
          if (match.category === "entity") {
            // A named target only shows up when its sentence has a sentiment, so check the letters.
            expect(normalise(written).text).toContain(normaliseTerm(match.term).replace(/^ال/, ""));
          } else {
            // …and on its own it is the same lexicon term again.
            expect(classify(written).matches.map((m) => m.term)).toContain(match.term);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
