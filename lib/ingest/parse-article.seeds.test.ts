import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeInput } from "./decode-input.ts";
import { parseArticle } from "./parse-article.ts";

const seedsDir = new URL("../../seeds/", import.meta.url);
const seed = (prefix: string) => {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return parseArticle(decodeInput(readFileSync(new URL(name, seedsDir))));
};

describe("the five seed articles", () => {
  it("have 9 comments in all: 4 in 000, 5 in 003, none elsewhere", () => {
    const counts = ["000_", "001_", "002_", "003_", "004_"].map((prefix) => seed(prefix).comments.length);
    expect(counts).toEqual([4, 0, 0, 5, 0]);
  });

  it("000 (layout A): authors, titles and the start and end of each body", () => {
    const article = seed("000_");
    expect(article.title).toBe("بوتين يتكلم بصراحة عن التدخل العسكري ويؤكد الحل السلمي");
    expect(article.source).toBeNull();
    expect(article.body).not.toMatch(/تلغرام|للإشتراك/);
    expect(article.comments.map((c) => c.author)).toEqual([
      "علي البصري",
      "OMAR OMAR",
      "ساميه",
      "داعش ﻫﻲ صناعة إيران",
    ]);
    expect(article.comments.map((c) => c.title)).toEqual([
      "هبوا لمساندة الدواعش !!",
      "خزاكم الله أيها الخونة",
      "قليل من الخجل",
      "و المجرم المعتوه بشار",
    ]);
    const starts = article.comments.map((c) => c.body.split(" ").slice(0, 3).join(" "));
    expect(starts).toEqual(["ايام قليلة من", "أنت يابصري وداعش", "أليس من العدل", "داعش ﻫﻲ صناعة"]);
    // The first " -" splits author from body; later " - " stay in the body.
    expect(article.comments[3]?.body).toContain("هكذا لسنوات - كفأر في جحر-داعش");
    expect(article.comments[3]?.body.endsWith("المجرم المعتوه بشار -")).toBe(true);
  });

  it("003 (layout B): disclaimer skipped, Elaph detected, French comment kept", () => {
    const article = seed("003_");
    expect(article.title).toBe("بوتين: بشّار مستعد لاقتسام السلطة");
    expect(article.source).toBe("إيلاف");
    expect(article.body).not.toMatch(/إنستجرام|للإشتراك|^&$|^-$/m);
    expect(article.body.startsWith("قال إنه تحدث مع أوباما")).toBe(true);
    expect(article.comments.map((c) => c.author)).toEqual([
      "بسام عبد الله",
      "علي البصري",
      "jamal",
      "سوري غير مسلم",
      "سالم",
    ]);
    expect(article.comments.map((c) => c.title)).toEqual([
      "الدواعش هم بوتن وبشار",
      "كم مقعد لداعش والنصرة !!!",
      "c pas toi qui decide",
      "جرذان المعرضة التركيه",
      "بعد خراب مالطة",
    ]);
    const starts = article.comments.map((c) => c.body.split(" ").slice(0, 3).join(" "));
    expect(starts).toEqual([
      "لا مكان للمجرم",
      "الهدف تدمير سورية",
      "pourquoi ces syriens",
      "غلطة كبرى يا",
      "عن أي سلطة",
    ]);
    expect(article.comments.every((c) => !c.body.includes("\n"))).toBe(true);
  });

  it("001 and 002: sources from their datelines, which are not taken as titles", () => {
    const sana = seed("001_");
    expect(sana.source).toBe("سانا");
    expect(sana.title.startsWith("أكد المتحدث الرسمي باسم الرئاسة الروسية")).toBe(true);
    expect(sana.body.split("\n")[0]).toBe("موسكو – سانا");
    const thawra = seed("002_");
    expect(thawra.source).toBe("الثورة نت");
    expect(thawra.title).toBe("بوتين: سنتعاون مع أمريكا في سوريا وكبدنا الإرهابيين خسائر كبيرة");
  });

  it("004 names no site", () => {
    const article = seed("004_");
    expect(article.source).toBeNull();
    expect(article.title).toBe(
      "وزارتا الدفاع الروسية والأمريكية تبحثان تنسيق الضربات ضد «داعش» في أجواء سورية",
    );
    expect(article.body.split("\n")).toHaveLength(11);
  });
});
