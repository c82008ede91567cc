import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  type CommentRow,
  type CommentRowResult,
  commentRowToJsonLine,
  commentRowToRecord,
} from "./comment-row.ts";
import { MAX_COMMENT_BODY_CHARS } from "./limits.ts";
import { parseJsonlLine, readJsonlRows } from "./parse-jsonl-rows.ts";

const row = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    source: "إيلاف",
    article_url: "https://elaph.example/news/1",
    article_title: "بوتين: الحل سياسي",
    author: "علي",
    title: "رأي",
    body: "كلام جميل",
    created_at: "2025-03-01T10:00:00Z",
    ...overrides,
  });

async function collect(text: string, maxLineBytes?: number): Promise<CommentRowResult[]> {
  const out: CommentRowResult[] = [];
  for await (const result of readJsonlRows(Readable.from([Buffer.from(text)]), maxLineBytes))
    out.push(result);
  return out;
}

describe("parseJsonlLine", () => {
  it("reads a row with the export's columns", () => {
    expect(parseJsonlLine(row(), 7)).toEqual({
      line: 7,
      row: {
        source: "إيلاف",
        articleUrl: "https://elaph.example/news/1",
        articleTitle: "بوتين: الحل سياسي",
        author: "علي",
        title: "رأي",
        body: "كلام جميل",
        createdAt: new Date("2025-03-01T10:00:00Z"),
      },
    });
  });

  it("reads absent, null and empty optional fields as null and ignores unknown columns", () => {
    const result = parseJsonlLine(
      JSON.stringify({ article_title: "عنوان", body: " نص ", author: "", label_insult: true }),
      1,
    );
    expect(result).toEqual({
      line: 1,
      row: {
        source: null,
        articleUrl: null,
        articleTitle: "عنوان",
        author: null,
        title: null,
        body: "نص",
        createdAt: null,
      },
    });
  });

  it.each([
    ['{"body": "x", ', /^broken JSON/],
    ["[1, 2]", /^expected a JSON object$/],
    ['"just a string"', /^expected a JSON object$/],
    [row({ body: 42 }), /^body: must be a string, got number$/],
    [row({ body: "   " }), /^body: empty$/],
    [row({ body: undefined }), /^body: missing$/],
    [row({ article_title: null }), /^article_title: missing$/],
    [row({ author: ["a"] }), /^author: must be a string or null, got an array$/],
    [row({ body: "ب".repeat(MAX_COMMENT_BODY_CHARS + 1) }), /^body: 20001 characters, over the 20000 limit$/],
    [row({ title: "ع".repeat(501) }), /^title: 501 characters, over the 500 limit$/],
    [row({ author: "a".repeat(201) }), /over the 200 limit$/],
    [row({ article_title: "t".repeat(1001) }), /over the 1000 limit$/],
    [row({ created_at: "أمس" }), /^created_at: .* is not an ISO 8601 date$/],
    [row({ created_at: "2025-13-40" }), /^created_at/],
  ])("rejects %j", (line, reason) => {
    const result = parseJsonlLine(line, 3);
    expect(result.line).toBe(3);
    expect("error" in result && result.error).toMatch(reason);
  });

  it("accepts a body of exactly the limit", () => {
    expect("row" in parseJsonlLine(row({ body: "ب".repeat(MAX_COMMENT_BODY_CHARS) }), 1)).toBe(true);
  });
});

describe("readJsonlRows", () => {
  it("yields rows and row errors with their line numbers, skipping blank lines", async () => {
    const text = [row(), "", "{broken", row({ body: 5 }), "  ", row({ author: null })].join("\r\n");
    const results = await collect(text);
    expect(results.map((r) => [r.line, "row" in r ? "row" : r.error.split(":")[0]])).toEqual([
      [1, "row"],
      [3, "broken JSON"],
      [4, "body"],
      [6, "row"],
    ]);
  });

  it("rejects an over-long line as a row error and reads on", async () => {
    const long = row({ body: "x".repeat(5000) });
    const results = await collect([row(), long, row()].join("\n"), 1024);
    expect(results[1]).toEqual({
      line: 2,
      error: `line is ${Buffer.byteLength(long)} bytes, over the 1024 byte limit`,
    });
    expect(results.map((r) => "row" in r)).toEqual([true, false, true]);
  });

  it("reports a line of invalid UTF-8", async () => {
    const out: CommentRowResult[] = [];
    const bytes = Buffer.concat([
      Buffer.from(`${row()}\n`),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from(`\n${row()}`),
    ]);
    for await (const r of readJsonlRows(Readable.from([bytes]))) out.push(r);
    expect(out[1]).toEqual({ line: 2, error: "invalid UTF-8" });
  });
});

describe("commentRowToJsonLine", () => {
  it("writes exactly what JSON.stringify writes, and reads back to the same row", () => {
    const rows: CommentRow[] = [
      {
        source: "إيلاف",
        articleUrl: "https://elaph.example/news/1?a=1&b=2",
        articleTitle: 'بوتين: "الحل سياسي"',
        author: null,
        title: "سطر\\مائل",
        body: "سطر أول\nسطر ثان\t👍 \u2028",
        createdAt: new Date("2025-03-01T10:00:00Z"),
      },
      {
        source: null,
        articleUrl: null,
        articleTitle: "t",
        author: "a",
        title: null,
        body: "b",
        createdAt: null,
      },
    ];
    for (const row of rows) {
      const line = commentRowToJsonLine(row);
      expect(line).toBe(JSON.stringify(commentRowToRecord(row)));
      expect(parseJsonlLine(line, 1)).toEqual({ line: 1, row: { ...row, body: row.body.trim() } });
    }
    // An unpaired surrogate is written as JSON.stringify escapes it, and refused when read back.
    const broken = { ...(rows[1] as CommentRow), body: "قبل \ud800 بعد" };
    const line = commentRowToJsonLine(broken);
    expect(line).toBe(JSON.stringify(commentRowToRecord(broken)));
    expect(parseJsonlLine(line, 3)).toEqual({
      line: 3,
      error: "body: contains an unpaired UTF-16 surrogate at character 5",
    });
    expect(parseJsonlLine(JSON.stringify({ ...commentRowToRecord(broken), body: "a\u0000b" }), 4)).toEqual({
      line: 4,
      error: "body: contains a NUL character (U+0000) at character 2",
    });
  });
});
