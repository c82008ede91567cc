import { describe, expect, it } from "vitest";
import { normalise } from "./normalise.ts";

/** The original text behind normalised characters [from, to). */
function origin(text: string, from: number, to: number): string {
  const n = normalise(text);
  return text.slice(n.starts[from], n.ends[to - 1]);
}

describe("normalise", () => {
  it("strips harakat, tanween, shadda, sukun and dagger alef (U+064B–U+0652, U+0670)", () => {
    expect(normalise("حِمَارٌ").text).toBe("حمار");
    expect(normalise("غَبِيّ").text).toBe("غبي");
    expect(normalise("هٰذا").text).toBe("هذا");
  });

  it("strips tatweel", () => {
    expect(normalise("الـــكلاب").text).toBe("الكلاب");
  });

  it("unifies alef forms إ أ آ ٱ to ا", () => {
    expect(normalise("إأآٱ").text).toBe("ا");
    expect(normalise("أمريكا إيران آسف ٱلله").text).toBe("امريكا ايران اسف الله");
  });

  it("maps ى to ي and ة to ه", () => {
    expect(normalise("على").text).toBe("علي");
    expect(normalise("زبالة").text).toBe("زباله");
  });

  it("folds presentation forms with NFKC (lam-alef ligature, ﷲ)", () => {
    expect(normalise("ﻻ").text).toBe("لا");
    expect(normalise("ﷲ").text).toBe("الله");
  });

  it("maps Persian and Urdu letters ک ی گ to Arabic ones", () => {
    expect(normalise("کلب").text).toBe("كلب");
    expect(normalise("یا").text).toBe("يا");
    expect(normalise("گلب").text).toBe("كلب");
  });

  it("maps Arabic-Indic and Persian digits to ASCII digits", () => {
    expect(normalise("٢٠٢٦ ۱۲").text).toBe("2026 12");
  });

  it("removes zero-width joiners, non-joiners and direction marks inside words", () => {
    expect(normalise("حم\u200cار").text).toBe("حمار");
    expect(normalise("ك\u200dل\u200fب").text).toBe("كلب");
  });

  it("collapses a letter repeated three or more times (elongation)", () => {
    expect(normalise("حماااار").text).toBe("حمار");
    expect(normalise("stupiiiid").text).toBe("stupid");
    // Two in a row may be a real double letter; the matcher tries both readings.
    expect(normalise("ممكن").text).toBe("ممكن");
    // Digits are never collapsed.
    expect(normalise("1000").text).toBe("1000");
  });

  it("lower-cases Latin and drops French accents", () => {
    expect(normalise("Crétin ÉNORME").text).toBe("cretin enorme");
  });

  it("folds punctuation into separators and keeps emoji as symbols", () => {
    // A space right after punctuation adds nothing, so it is dropped.
    expect(normalise("لا، هو! «كلام»").text).toBe('لا,هو."كلام"');
    expect(normalise("حلو 👍").text).toBe("حلو 👍");
  });

  it("keeps a map from every normalised character back to the original text", () => {
    const text = "يا حِمَـــارٌ!";
    const n = normalise(text);
    expect(n.starts.length).toBe(n.text.length);
    const word = n.text.indexOf("حمار");
    // The span of the normalised word covers the word as written, marks included.
    expect(origin(text, word, word + 4)).toBe("حِمَـــارٌ");
  });

  it("maps a collapsed elongation to the whole run", () => {
    const text = "حماااار";
    expect(origin(text, 0, normalise(text).text.length)).toBe("حماااار");
  });

  it("maps every character of an expansion to the one original character", () => {
    const n = normalise("ﷲ");
    expect([...n.starts]).toEqual([0, 0, 0, 0]);
    expect([...n.ends]).toEqual([1, 1, 1, 1]);
  });
});
