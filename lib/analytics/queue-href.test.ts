import { describe, expect, it } from "vitest";
import { parseQueueParams } from "../moderation/queue-params.ts";
import { queueHref, toQueueParams } from "./queue-href.ts";
import { toCsv } from "./to-csv.ts";

const query = (href: string) => {
  const url = new URL(href, "http://x");
  expect(url.pathname).toBe("/moderation");
  return Object.fromEntries(url.searchParams);
};

describe("queueHref", () => {
  it("speaks the moderation queue's parameters, every queue, days in the analyst's zone", () => {
    const href = queueHref({
      timeZone: "Asia/Riyadh",
      // Riyadh's 8 March, 00:00 (21:00 UTC the day before), to 10 March 00:00: two local days.
      from: new Date("2026-03-07T21:00:00Z"),
      to: new Date("2026-03-09T21:00:00Z"),
      source: 2,
      sentiment: "negative",
      stance: { target: "russia", side: "against" },
      insult: true,
      language: "ar",
      status: "pending",
      article: 7,
      search: "حمار",
    });
    expect(query(href)).toEqual({
      queue: "all",
      sentiment: "negative",
      stanceTarget: "russia",
      stanceSide: "against",
      insult: "yes",
      q: "حمار",
      source: "2",
      article: "7",
      language: "ar",
      status: "pending",
      from: "2026-03-08",
      to: "2026-03-09",
      tz: "Asia/Riyadh",
    });
    // The queue's own parser accepts every parameter as it is.
    const parsed = parseQueueParams(new URL(href, "http://x").searchParams);
    expect(parsed.ok).toBe(true);
  });

  it("writes insult=no, leaves tz out for UTC and unknown languages out altogether", () => {
    expect(queueHref({ timeZone: "UTC" })).toBe("/moderation?queue=all");
    expect(query(queueHref({ timeZone: "UTC", insult: false }))).toEqual({ queue: "all", insult: "no" });
    expect(
      toQueueParams({
        timeZone: "UTC",
        from: new Date("2026-01-01T00:00:00Z"),
        to: new Date("2026-02-01T00:00:00Z"),
        language: "de",
      }),
    ).toEqual({ queue: "all", from: "2026-01-01", to: "2026-01-31" });
  });

  it("carries a confusion-matrix cell as labelCheck/humanSaid/classifierSaid", () => {
    const href = queueHref({
      timeZone: "UTC",
      labelPair: { labelCheck: "sentiment", humanSaid: "negative", classifierSaid: "neutral" },
    });
    expect(query(href)).toEqual({
      queue: "all",
      labelCheck: "sentiment",
      humanSaid: "negative",
      classifierSaid: "neutral",
    });
  });

  it("refuses a stance target the queue cannot filter by, naming it", () => {
    expect(() => queueHref({ timeZone: "UTC", stance: { target: "mars", side: "favor" } })).toThrow(/"mars"/);
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
