import { hash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { articleContentHash, articleRowKeyHash, commentBodyHash, normaliseForHash } from "./hash.ts";

describe("content hashes", () => {
  const article = { title: "بوتين يبحث الأزمة", body: "فقرة أولى\nفقرة ثانية" };

  it("are sha256 hex", () => {
    expect(articleContentHash(article)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignore presentation forms, surrounding and repeated whitespace, and line-end style", () => {
    expect(normaliseForHash("  ﻫﻲ   كلمة\r\n")).toBe("هي كلمة");
    expect(articleContentHash({ title: " بوتين  يبحث الأزمة ", body: "فقرة أولى\r\nفقرة  ثانية" })).toBe(
      articleContentHash(article),
    );
  });

  it("tell different texts apart, including a moved boundary between title and body", () => {
    expect(articleContentHash({ title: "ab", body: "c" })).not.toBe(
      articleContentHash({ title: "a", body: "bc" }),
    );
    expect(articleContentHash({ ...article, body: "فقرة أولى" })).not.toBe(articleContentHash(article));
  });

  it("make the same comment under two articles two comments", () => {
    const thanks = { title: null, author: null, body: "شكرا" };
    const other = articleContentHash({ title: "عنوان آخر", body: "" });
    expect(commentBodyHash(articleContentHash(article), thanks)).not.toBe(commentBodyHash(other, thanks));
  });

  it("write a comment's hash as a uuid: the first half of the sha256 that was stored before", () => {
    const key = articleContentHash(article);
    const comment = { title: "رأي", author: "علي", body: "كلام  جميل" };
    // Before comment.body_hash became a uuid it held this sha256 in hex; the migration keeps its
    // first 32 digits, so a comment stored then is still found by the hash computed now.
    const before = hash("sha256", ["comment", key, "علي", "رأي", "كلام جميل"].join("\u0000"), "hex");
    const now = commentBodyHash(key, comment);
    expect(now).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(now.replaceAll("-", "")).toBe(before.slice(0, 32));
  });

  it("make a re-imported comment the same comment, and a different author a different one", () => {
    const key = articleContentHash(article);
    const comment = { title: "رأي", author: "علي", body: "كلام  جميل" };
    expect(commentBodyHash(key, comment)).toBe(commentBodyHash(key, { ...comment, body: " كلام جميل\n" }));
    expect(commentBodyHash(key, comment)).not.toBe(commentBodyHash(key, { ...comment, author: "سالم" }));
    expect(commentBodyHash(key, { ...comment, author: null })).not.toBe(
      commentBodyHash(key, { ...comment, author: "" }),
    );
  });

  it("key row articles by URL, else by source and title", () => {
    const byUrl = articleRowKeyHash({
      source: "إيلاف",
      articleUrl: "https://e.example/1",
      articleTitle: "أ",
    });
    expect(articleRowKeyHash({ source: null, articleUrl: "https://e.example/1", articleTitle: "ب" })).toBe(
      byUrl,
    );
    const byTitle = articleRowKeyHash({ source: "إيلاف", articleUrl: null, articleTitle: "عنوان" });
    expect(articleRowKeyHash({ source: "سانا", articleUrl: null, articleTitle: "عنوان" })).not.toBe(byTitle);
    expect(articleRowKeyHash({ source: "إيلاف", articleUrl: null, articleTitle: " عنوان " })).toBe(byTitle);
  });
});

describe("normaliseForHash fast path", () => {
  it("agrees with full NFKC on text that needs it and text that does not", () => {
    const samples = [
      "بوتين يتكلم بصراحة",
      "\u0627\u0653 آ",
      "\u0648\u0654",
      "ﻟﺒﻨﺎﻥ presentation forms",
      "e\u0301 café",
      "multi  space\tand\nlines",
      "\u0675 compatibility letter",
      "ＦＵＬＬ width",
    ];
    for (const text of samples) {
      expect(normaliseForHash(text)).toBe(text.normalize("NFKC").replace(/\s+/g, " ").trim());
    }
  });
});
