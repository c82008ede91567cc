import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IngestParseError } from "./ingest-error.ts";
import { type ParsedArticle, parseArticle } from "./parse-article.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const text = (...lines: string[]) => lines.join("\n");

/** Expects parseArticle to throw an IngestParseError and returns it. */
function parseError(input: string): IngestParseError {
  try {
    parseArticle(input);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestParseError);
    return error as IngestParseError;
  }
  throw new Error("parseArticle did not throw");
}

const LAYOUT_A_COMMENTS: ParsedArticle["comments"] = [
  {
    title: "من يصدق هذا الكلام؟",
    author: "أبو خليل",
    body: "كل طرف يتهم الآخر والضحية دائما هو المواطن البسيط",
  },
  {
    title: "إلى متى - سؤال",
    author: "مها الشامي",
    body: "الحل السياسي هو الوحيد - ولا شيء غيره - والباقي تضييع وقت",
  },
  { title: "من يصدق هذا الكلام؟", author: null, body: "بدون اسم لأن الكلام صار خطرا" },
  { title: "Honte", author: "Pierre-Alain", body: "C'est toujours les civils qui paient - toujours." },
];

const LAYOUT_B_COMMENTS: ParsedArticle["comments"] = [
  { title: "كلام دبلوماسي", author: "سعيد من حلب", body: "المهم أن تتوقف الحرب\nوأن يعود الناس إلى بيوتهم." },
  { title: "لا جديد", author: null, body: "نفس التصريحات منذ سنوات." },
  { title: "Same old story", author: "Mark T.", body: "Nothing will change until the people decide." },
];

describe("parseArticle: layout A", () => {
  const article = parseArticle(fixture("layout-a.txt"));

  it("reads the title and the article body without the promotion lines", () => {
    expect(article.title).toBe("واشنطن وموسكو تتبادلان الاتهامات حول الغارات على إدلب");
    expect(article.body.split("\n")).toEqual([
      "اتهمت وزارة الخارجية الأميركية روسيا بتصعيد الغارات على ريف إدلب خلال الأسبوع الماضي.",
      "وردت موسكو بأن ضرباتها تستهدف مواقع لجماعات مسلحة فقط.",
      "ودعا الأمين العام للأمم المتحدة الطرفين إلى ضبط النفس.",
    ]);
    expect(article.source).toBeNull();
  });

  it("splits author and body at the first ' -' and keeps later ' - ' in the body", () => {
    expect(article.comments).toEqual(LAYOUT_A_COMMENTS);
  });

  it("keeps comments with duplicate titles apart", () => {
    expect(article.comments.filter((c) => c.title === "من يصدق هذا الكلام؟")).toHaveLength(2);
  });

  it("continues a body over several lines until the next title and author pair", () => {
    const parsed = parseArticle(
      text(
        "عنوان",
        "نص",
        "التعليقات",
        "رأي أول",
        "سامر -السطر الأول",
        "السطر الثاني",
        "السطر الثالث",
        "رأي ثان",
        "هند -نص قصير",
      ),
    );
    expect(parsed.comments).toEqual([
      { title: "رأي أول", author: "سامر", body: "السطر الأول\nالسطر الثاني\nالسطر الثالث" },
      { title: "رأي ثان", author: "هند", body: "نص قصير" },
    ]);
  });

  it("reads an author line after a blank line as a comment without a title", () => {
    const parsed = parseArticle(text("عنوان", "نص", "التعليقات", "رأي", "سامر -أولا", "", "هند -ثانيا"));
    expect(parsed.comments).toEqual([
      { title: "رأي", author: "سامر", body: "أولا" },
      { title: null, author: "هند", body: "ثانيا" },
    ]);
  });
});

describe("parseArticle: layout B", () => {
  const article = parseArticle(fixture("layout-b.txt"));

  it("skips the section label, takes the headline above the lone '-' and drops promotions", () => {
    expect(article.title).toBe("لافروف: لا اتفاق بعد مع واشنطن حول شرق الفرات");
    expect(article.body).toBe(
      "إيلاف من موسكو: قال وزير الخارجية الروسي إن المحادثات مع الجانب الأميركي لم تصل إلى نتيجة.\nوأضاف أن بلاده ستواصل الاتصالات على المستوى العسكري.",
    );
  });

  it("reads the comments after the disclaimer, multi-line bodies and a missing author", () => {
    expect(article.comments).toEqual(LAYOUT_B_COMMENTS);
  });

  it("names the site the disclaimer names", () => {
    expect(article.source).toBe("إيلاف");
  });

  it("keeps blank-line paragraphs of one body together", () => {
    const parsed = parseArticle(
      text(
        "عنوان",
        "نص",
        "التعليقات",
        "",
        "أول",
        "سامر -",
        "",
        "فقرة أولى",
        "",
        "فقرة ثانية",
        "",
        "ثان",
        "هند -",
        "",
        "نص",
      ),
    );
    expect(parsed.comments).toEqual([
      { title: "أول", author: "سامر", body: "فقرة أولى\n\nفقرة ثانية" },
      { title: "ثان", author: "هند", body: "نص" },
    ]);
  });

  it("treats ' - ' inside a body line as text, not as an author line", () => {
    const parsed = parseArticle(
      text("عنوان", "نص", "التعليقات", "", "أول", "سامر -", "", "روسيا - أمريكا - سوريا", "ثم ماذا"),
    );
    expect(parsed.comments).toEqual([
      { title: "أول", author: "سامر", body: "روسيا - أمريكا - سوريا\nثم ماذا" },
    ]);
  });
});

describe("parseArticle: variants", () => {
  const layoutA = fixture("layout-a.txt");
  const layoutB = fixture("layout-b.txt");

  it("reads CRLF line ends", () => {
    expect(parseArticle(layoutA.replace(/\n/g, "\r\n")).comments).toEqual(LAYOUT_A_COMMENTS);
    expect(parseArticle(layoutB.replace(/\n/g, "\r\n")).comments).toEqual(LAYOUT_B_COMMENTS);
  });

  it("ignores a UTF-8 byte-order mark", () => {
    const parsed = parseArticle(`\ufeff${layoutA}`);
    expect(parsed.title).toBe("واشنطن وموسكو تتبادلان الاتهامات حول الغارات على إدلب");
    expect(parsed.comments).toEqual(LAYOUT_A_COMMENTS);
  });

  it("reads files with every line quoted with '> '", () => {
    const quote = (input: string) =>
      input
        .split("\n")
        .map((line) => (line === "" ? ">" : `> ${line}`))
        .join("\n");
    expect(parseArticle(quote(layoutA)).comments).toEqual(LAYOUT_A_COMMENTS);
    const quotedB = parseArticle(quote(layoutB));
    expect(quotedB.comments).toEqual(LAYOUT_B_COMMENTS);
    expect(quotedB.title).toBe("لافروف: لا اتفاق بعد مع واشنطن حول شرق الفرات");
  });

  it("strips a quote marker from the headline alone", () => {
    expect(parseArticle(text("> عنوان مقتبس", "نص المقال")).title).toBe("عنوان مقتبس");
  });

  it("recognises the header, disclaimer and noise written in presentation forms, keeping text as written", () => {
    const parsed = parseArticle(
      text(
        "عنوان",
        "نص",
        "ﺍﻟﺘﻌﻠﻴﻘﺎﺕ",
        "",
        "ﺟﻤﻴﻊ ﺍﻟﺘﻌﻠﻴﻘﺎﺕ ﺍﻟﻤﻨﺸﻮﺭﺓ ﺗﻌﺒﺮ ﻋﻦ ﺭﺃﻱ ﻛﺘّﺎﺑﻬﺎ ﻭﻻ ﺗﻌﺒﺮ ﺑﺎﻟﻀﺮﻭﺭﺓ ﻋﻦ ﺭﺃﻱ ﺇﻳﻼﻑ",
        "ﺇﺿﻐﻂ ﻫﻨﺎ ﻟﻺﺷﺘﺮﺍﻙ",
        "داعش ﻫﻲ صناعة",
        "ﻋﻠﻲ -",
        "",
        "ﻫﻲ ﻛﻠﻤﺔ",
      ),
    );
    expect(parsed.source).toBe("إيلاف");
    expect(parsed.comments).toEqual([{ title: "داعش ﻫﻲ صناعة", author: "ﻋﻠﻲ", body: "ﻫﻲ ﻛﻠﻤﺔ" }]);
  });

  it("reads a missing author written as '-body' (A) and as an empty author line (B)", () => {
    const a = parseArticle(text("عنوان", "نص", "التعليقات", "رأي", "-بلا اسم"));
    expect(a.comments).toEqual([{ title: "رأي", author: null, body: "بلا اسم" }]);
    const b = parseArticle(
      text("عنوان", "نص", "التعليقات", "", "رأي", "-", "", "بلا اسم", "", "رأي آخر", " -", "", "كذلك"),
    );
    expect(b.comments).toEqual([
      { title: "رأي", author: null, body: "بلا اسم" },
      { title: "رأي آخر", author: null, body: "كذلك" },
    ]);
  });

  it("reads French and English comments", () => {
    const parsed = parseArticle(
      text(
        "عنوان",
        "نص",
        "التعليقات",
        "Quelle honte",
        "Jean-Luc -Les grandes puissances s'en fichent - comme d'habitude.",
        "Peace?",
        "John Smith -Both sides lie; nobody cares about civilians.",
      ),
    );
    expect(parsed.comments).toEqual([
      {
        title: "Quelle honte",
        author: "Jean-Luc",
        body: "Les grandes puissances s'en fichent - comme d'habitude.",
      },
      { title: "Peace?", author: "John Smith", body: "Both sides lie; nobody cares about civilians." },
    ]);
  });

  const noiseLines = [
    "يمكنكم الآن متابعة آخر الأخبار مجاناً من خلال تطبيق تلغرام",
    "إضغط هنا للإشتراك",
    "اضغط هنا للاشتراك",
    "قراؤنا من مستخدمي إنستجرام",
    "تابعونا على تويتر",
    "Follow us on Telegram",
    "&",
    "&amp;",
  ];

  it.each(noiseLines)("drops the noise line %j from the article body and from comments", (noise) => {
    const parsed = parseArticle(
      text(
        noise,
        "عنوان",
        noise,
        "فقرة",
        noise,
        "التعليقات",
        noise,
        "رأي",
        noise,
        "سامر -أول سطر",
        noise,
        "ثاني سطر",
        noise,
      ),
    );
    expect(parsed.title).toBe("عنوان");
    expect(parsed.body).toBe("فقرة");
    expect(parsed.comments).toEqual([{ title: "رأي", author: "سامر", body: "أول سطر\nثاني سطر" }]);
  });

  it("keeps a long opinion that merely mentions Telegram", () => {
    const opinion =
      "قرأت الخبر على تلغرام قبل أن تنشره الصحف وأظن أن متابعة القنوات هناك أسرع من أي موقع إخباري في المنطقة كلها";
    const parsed = parseArticle(text("عنوان", "نص", "التعليقات", "رأي", `سامر -${opinion}`));
    expect(parsed.comments[0]?.body).toBe(opinion);
  });

  it("has zero comments when there is no comments section", () => {
    const parsed = parseArticle(text("عنوان", "فقرة أولى", "فقرة ثانية"));
    expect(parsed.comments).toEqual([]);
    expect(parsed.body).toBe("فقرة أولى\nفقرة ثانية");
  });

  it("accepts a header with a count", () => {
    expect(parseArticle(text("عنوان", "نص", "التعليقات (1)", "رأي", "سامر -نص")).comments).toHaveLength(1);
  });
});

describe("parseArticle: errors", () => {
  it("rejects 'التعليقات' with nothing after it, naming the header line", () => {
    const error = parseError(text("عنوان", "نص", "التعليقات", "", "  "));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^line 3: .*followed by no comments/);
  });

  it("rejects a header followed only by the disclaimer and noise", () => {
    const error = parseError(
      text(
        "عنوان",
        "نص",
        "التعليقات",
        "",
        "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف",
        "&",
      ),
    );
    expect(error.reason).toMatch(/followed by no comments/);
  });

  it("rejects a comment section cut off after an author line", () => {
    const error = parseError(
      text("عنوان", "نص", "التعليقات", "", "رأي", "سامر -", "", "نص", "", "رأي آخر", "هند -", ""),
    );
    expect(error.reason).toMatch(/cut off/);
    expect(error.line).toBe(10);
  });

  it("rejects a comment section cut off after a later title (a lone line after a blank line at the end)", () => {
    const b = parseError(
      text("عنوان", "نص", "التعليقات", "", "رأي", "سامر -", "", "نص التعليق", "", "رأي آخر"),
    );
    expect(b.line).toBe(10);
    expect(b.reason).toBe("the comment section is cut off: a title with no 'author -' line after it");
    const a = parseError(text("عنوان", "نص", "التعليقات", "رأي", "سامر -نص", "", "رأي آخر", ""));
    expect(a.line).toBe(7);
    // Inside the section, the same shape is a paragraph of the body.
    const middle = parseArticle(
      text("عنوان", "نص", "التعليقات", "رأي", "سامر -نص", "", "خاتمة", "ثان", "هند -نص"),
    );
    expect(middle.comments[0]?.body).toBe("نص\n\nخاتمة");
  });

  it("rejects a comment section cut off after the first title", () => {
    const error = parseError(text("عنوان", "نص", "التعليقات", "رأي بلا كاتب"));
    expect(error.line).toBe(4);
    expect(error.reason).toMatch(/author -/);
  });

  it("rejects a comment with an empty body between two comments", () => {
    const error = parseError(
      text("عنوان", "نص", "التعليقات", "رأي", "سامر -نص", "رأي آخر", "هند -", "ثالث", "ليلى -نص"),
    );
    expect(error.reason).toBe("comment has no body");
    expect(error.line).toBe(6);
  });

  it("rejects an article without a title", () => {
    expect(parseError(text("", "&", "إضغط هنا للإشتراك")).reason).toMatch(/no title/);
    expect(parseError(text("التعليقات", "رأي", "سامر -نص")).reason).toMatch(/no title/);
  });
});
