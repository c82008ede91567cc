import { describe, expect, it } from "vitest";
import { queueHref } from "./queue-href.ts";
import { toCsv } from "./to-csv.ts";

describe("queueHref", () => {
  it("carries exactly the selection, instants in UTC", () => {
    const href = queueHref({
      from: new Date("2026-03-08T05:00:00Z"),
      to: new Date("2026-03-09T04:00:00Z"),
      source: 2,
      sentiment: "negative",
      stance: { target: "russia", side: "against" },
      insult: true,
      language: "ar",
      status: "pending",
      article: 7,
      term: "حمار",
    });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/moderation");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sentiment: "negative",
      stance: "russia:against",
      insult: "1",
      term: "حمار",
      source: "2",
      article: "7",
      language: "ar",
      status: "pending",
      from: "2026-03-08T05:00:00.000Z",
      to: "2026-03-09T04:00:00.000Z",
    });
  });

  it("is the bare queue for an empty selection", () => {
    expect(queueHref({})).toBe("/moderation");
    expect(queueHref({ insult: false })).toBe("/moderation?insult=0");
  });
});

describe("toCsv", () => {
  it("starts with a BOM, quotes what needs quoting and neutralises formulas", () => {
    const csv = toCsv({
      columns: ["المصدر", "rate"],
      rows: [
        ['=HYPERLINK("x")', 12.5],
        ['a, "b"', null],
        ["-1", -3],
        ["@sum", Number.NaN],
      ],
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "المصدر,rate",
      `"'=HYPERLINK(""x"")",12.5`,
      `"a, ""b""",`,
      "'-1,-3",
      "'@sum,",
      "",
    ]);
  });
});
