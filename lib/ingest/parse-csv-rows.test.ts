import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CommentRowResult } from "./comment-row.ts";
import { IngestParseError } from "./ingest-error.ts";
import { readCsvRows, readFields } from "./parse-csv-rows.ts";

const HEADER = "source,article_url,article_title,author,title,body,created_at";

async function collect(text: string, maxRecordBytes?: number): Promise<CommentRowResult[]> {
  const out: CommentRowResult[] = [];
  for await (const result of readCsvRows(Readable.from([Buffer.from(text)]), maxRecordBytes))
    out.push(result);
  return out;
}

const summary = (results: CommentRowResult[]) =>
  results.map((r) => ("row" in r ? [r.line, r.row.body] : [r.line, r.error]));

describe("readCsvRows", () => {
  it("reads rows, quoted commas and quoted newlines, with the line each record starts on", async () => {
    const text = [
      `\ufeff${HEADER}`,
      "إيلاف,https://elaph.example/1,عنوان,علي,رأي,تعليق قصير,2025-01-02T03:04:05Z",
      ',,"عنوان, بفاصلة",,,"سطر أول',
      'سطر ثان ""مقتبس""",',
      "سانا,,عنوان,,,ثالث,",
    ].join("\r\n");
    const results = await collect(text);
    expect(summary(results)).toEqual([
      [2, "تعليق قصير"],
      [3, 'سطر أول\nسطر ثان "مقتبس"'],
      [5, "ثالث"],
    ]);
    const second = results[1];
    expect(second && "row" in second && second.row).toEqual({
      source: null,
      articleUrl: null,
      articleTitle: "عنوان, بفاصلة",
      author: null,
      title: null,
      body: 'سطر أول\nسطر ثان "مقتبس"',
      createdAt: null,
    });
  });

  it("accepts columns in any order, extra columns, and only the required ones", async () => {
    expect(summary(await collect("body,article_title,label\nنص,عنوان,insult\n"))).toEqual([[2, "نص"]]);
  });

  it("reports wrong quoting and wrong column counts per row and reads on", async () => {
    const text = [
      HEADER,
      ',,عنوان,,,"نص"خطأ,',
      ",,عنوان,,,نص",
      ",,عنوان,,,نص,,extra",
      ",,عنوان,,,صحيح,",
      ',,عنوان,,,"لا يغلق,',
      ",,عنوان,,,بعده,",
    ].join("\n");
    expect(summary(await collect(text))).toEqual([
      [2, "wrong quoting: text follows a closing quote inside a field"],
      [3, "wrong column count: expected 7 fields, got 6"],
      [4, "wrong column count: expected 7 fields, got 8"],
      [5, "صحيح"],
      [6, "wrong quoting: a quoted field is never closed"],
      [7, "بعده"],
    ]);
  });

  it("gives up on an unclosed quote after the record limit and resumes on the next line", async () => {
    const lines = [
      HEADER,
      ',,عنوان,,,"يفتح ولا يغلق,',
      ...Array.from({ length: 30 }, (_, i) => `,,عنوان,,,سطر ${i},`),
    ];
    const results = await collect(lines.join("\n"), 200);
    expect(results[0]).toEqual({ line: 2, error: "wrong quoting: a quoted field is never closed" });
    expect(results.slice(1).every((r) => "row" in r)).toBe(true);
    expect(results).toHaveLength(31);
  });

  it("applies the field limits", async () => {
    const results = await collect(`${HEADER}\n,,عنوان,${"a".repeat(201)},,نص,\n`);
    expect(summary(results)).toEqual([[2, "author: 201 characters, over the 200 limit"]]);
  });

  it.each([
    ["", /empty CSV file/],
    ["source,author,title\nx,y,z\n", /lacks required columns article_title, body/],
    ["body,body,article_title\n", /names column 'body' twice/],
    ['"body,article_title\nx,y\n', /CSV header: wrong quoting/],
  ])("rejects the whole file for header %j", async (text, reason) => {
    await expect(collect(text)).rejects.toThrow(IngestParseError);
    await expect(collect(text)).rejects.toThrow(reason);
  });
});

describe("readFields", () => {
  it.each([
    ["a,b,c", ["a", "b", "c"]],
    ["", [""]],
    [",,", ["", "", ""]],
    ['"a,b",c', ["a,b", "c"]],
    ['"say ""hi""",x', ['say "hi"', "x"]],
    ['"",""', ["", ""]],
    ['a,"line\nbreak"', ["a", "line\nbreak"]],
    ['"end"', ["end"]],
  ])("reads %j", (record, fields) => {
    expect(readFields(record)).toEqual(fields);
  });

  it.each([
    ['"a"b,c', "wrong quoting: text follows a closing quote inside a field"],
    ['a"b,c', "wrong quoting: a quote opens in the middle of a field"],
    ['"abc', "wrong quoting: a quoted field is never closed"],
    ['"a" ,b', "wrong quoting: text follows a closing quote inside a field"],
  ])("rejects %j", (record, reason) => {
    expect(readFields(record)).toBe(reason);
  });

  it("agrees with csv-parse on well-formed records", () => {
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom("ا", "ب", "x", " ", "1", "،") }),
      fc
        .string({ unit: fc.constantFrom("ا", "x", ",", '"', "\n", " ") })
        .map((value) => `"${value.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 8 }), (fields) => {
        const record = fields.join(",");
        fc.pre(record.trim() !== "");
        const expected = parseCsv(record, { relax_column_count: true }) as string[][];
        expect(readFields(record)).toEqual(expected[0]);
      }),
      { numRuns: 500 },
    );
  });
});
