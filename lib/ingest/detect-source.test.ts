import { describe, expect, it } from "vitest";
import {
  isCommentDisclaimer,
  knownSourceName,
  sourceFromByline,
  sourceFromDateline,
  sourceFromDisclaimer,
} from "./detect-source.ts";
import { isNoiseLine, isSeparatorLine } from "./noise-lines.ts";
import { parseArticle } from "./parse-article.ts";

describe("source detection", () => {
  it("reads the site a disclaimer names, known or not", () => {
    const elaph = "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف";
    expect(isCommentDisclaimer(elaph)).toBe(true);
    expect(sourceFromDisclaimer(elaph)).toBe("إيلاف");
    expect(sourceFromDisclaimer(elaph.replace("إيلاف", "ايلاف."))).toBe("إيلاف");
    expect(sourceFromDisclaimer(elaph.replace("إيلاف", "صحيفة الغد"))).toBe("صحيفة الغد");
    expect(sourceFromDisclaimer("تعليق عادي")).toBeNull();
  });

  it("reads known agencies from datelines in either order", () => {
    expect(sourceFromDateline("موسكو – سانا")).toBe("سانا");
    expect(sourceFromDateline("دمشق-سانا")).toBe("سانا");
    expect(sourceFromDateline("الثورة نت/موسكو / عواصم / وكالات")).toBe("الثورة نت");
    expect(sourceFromDateline("Moscow - Reuters")).toBe("رويترز");
  });

  it("does not take a mention in a sentence, or an unknown name, for a dateline", () => {
    expect(
      sourceFromDateline("ونقل موقع روسيا اليوم عن المتحدثة باسم وزارة الخارجية الروسية قولها في حديث صحفي"),
    ).toBeNull();
    expect(sourceFromDateline("سانا")).toBeNull();
    expect(sourceFromDateline("موسكو – صحيفة محلية")).toBeNull();
  });

  it("reads Elaph's bylines", () => {
    expect(sourceFromByline("إيلاف من لندن: قال مصدر")).toBe("إيلاف");
    expect(sourceFromByline("إيلاف: أعلن")).toBe("إيلاف");
    expect(sourceFromByline("قال موقع إيلاف")).toBeNull();
  });

  it("maps spellings to one display name", () => {
    expect(knownSourceName("ايلاف")).toBe("إيلاف");
    expect(knownSourceName("SANA")).toBe("سانا");
    expect(knownSourceName("الثورة  نت")).toBe("الثورة نت");
    expect(knownSourceName("موقع مجهول")).toBeNull();
  });

  it("prefers the disclaimer to a dateline and reports null when the text names no site", () => {
    const both = [
      "عنوان",
      "موسكو – سانا",
      "نص",
      "التعليقات",
      "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف",
      "رأي",
      "علي -",
      "",
      "نص",
    ];
    expect(parseArticle(both.join("\n")).source).toBe("إيلاف");
    expect(parseArticle("عنوان\nنص يذكر سانا وإيلاف في جملة طويلة عن الأخبار").source).toBeNull();
  });
});

describe("noise lines", () => {
  it("recognises promotions and entity debris", () => {
    for (const line of [
      "يمكنكم الآن متابعة آخر الأخبار مجاناً من خلال حسابنا على إنستجرام",
      "إضغط هنا للإشتراك",
      "قراؤنا من مستخدمي إنستجرام",
      "انضموا إلى قناتنا على تيليجرام",
      "Join us on Telegram",
      " & ",
      "&nbsp;",
    ]) {
      expect(isNoiseLine(line), line).toBe(true);
    }
  });

  it("keeps ordinary text, including short mentions of a platform without a call to action", () => {
    for (const line of ["تويتر مليء بالأكاذيب", "لا نسعى لزعامة&", "R&D", "-", "بوتين: سنتعاون مع أمريكا"]) {
      expect(isNoiseLine(line), line).toBe(false);
    }
  });

  it("tells separator lines from text", () => {
    expect(isSeparatorLine("-")).toBe(true);
    expect(isSeparatorLine(" – ")).toBe(true);
    expect(isSeparatorLine("")).toBe(false);
    expect(isSeparatorLine("- نص")).toBe(false);
  });
});
