import { describe, expect, it } from "vitest";
import { analyticsMessages, analyticsText } from "../i18n/analytics-messages.ts";
import { bucketLabel } from "./bucket-label.ts";
import { OKABE_ITO, percentOf, SENTIMENT_COLOURS } from "./chart-spec.ts";
import type { ShapeContext } from "./shape-context.ts";
import { shapeInsultRates, sortInsultRows } from "./shape-insult-rates.ts";
import { shapeLexiconCategories, shapeLexiconTerms } from "./shape-lexicon-terms.ts";
import { shapeSentimentOverTime } from "./shape-sentiment-over-time.ts";
import { shapeStanceBySource, shapeStanceOverTime } from "./shape-stance.ts";

const ctx: ShapeContext = {
  intlLocale: "en-GB",
  timeZone: "Asia/Riyadh",
  unit: "day",
  t: analyticsText("en"),
  base: { timeZone: "Asia/Riyadh", source: 3 },
};
const day = (iso: string, hours = 24) => ({
  startsAt: new Date(iso),
  endsAt: new Date(new Date(iso).getTime() + hours * 3_600_000),
});
const params = (href: string | null | undefined) =>
  Object.fromEntries(new URL(href ?? "/", "http://x").searchParams);

describe("percentOf and bucketLabel", () => {
  it("rounds shares to a tenth of a percent and has no share of nothing", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(0, 0)).toBeNull();
  });

  it("labels buckets in the user's zone: 21:00 UTC is already the next day in Riyadh", () => {
    expect(bucketLabel(new Date("2026-01-01T21:00:00Z"), "day", "en-GB", "Asia/Riyadh")).toBe("2 Jan 2026");
    expect(bucketLabel(new Date("2026-01-01T21:00:00Z"), "month", "en-GB", "Asia/Riyadh")).toBe("Jan 2026");
  });
});

describe("shapeSentimentOverTime", () => {
  const rows = [
    { ...day("2026-01-01T21:00:00Z"), positive: 2, neutral: 1, negative: 0 },
    { ...day("2026-01-02T21:00:00Z"), positive: 0, neutral: 0, negative: 4 },
  ];

  it("stacks the three sentiments per bucket with Okabe–Ito colours and drill-down links", () => {
    const spec = shapeSentimentOverTime(rows, null, ctx);
    expect(spec.labels).toEqual(["2 Jan 2026", "3 Jan 2026"]);
    expect(spec.datasets.map((d) => [d.label, d.data, d.colour, d.stack])).toEqual([
      ["positive", [2, 0], SENTIMENT_COLOURS.positive, "sentiment"],
      ["neutral", [1, 0], SENTIMENT_COLOURS.neutral, "sentiment"],
      ["negative", [0, 4], SENTIMENT_COLOURS.negative, "sentiment"],
    ]);
    // Riyadh's 3 January (21:00 UTC on the 2nd to 21:00 UTC on the 3rd) as the queue's day.
    expect(params(spec.datasets[2]?.hrefs?.[1])).toEqual({
      queue: "all",
      sentiment: "negative",
      source: "3",
      from: "2026-01-03",
      to: "2026-01-03",
      tz: "Asia/Riyadh",
    });
    expect(spec.table.columns).toEqual(["Period", "positive", "neutral", "negative", "Total"]);
    expect(spec.table.rows).toEqual([
      ["2 Jan 2026", 2, 1, 0, 3],
      ["3 Jan 2026", 0, 0, 4, 4],
    ]);
    expect(spec.tableHrefs[0]?.[0]).toBeNull();
    expect(params(spec.tableHrefs[0]?.[4])).toEqual({
      queue: "all",
      source: "3",
      from: "2026-01-02",
      to: "2026-01-02",
      tz: "Asia/Riyadh",
    });
    expect(spec.empty).toBe(false);
    expect(spec.categoryAxis).toBe("Date (day)");
  });

  it("overlays the previous period's totals bucket for bucket", () => {
    const previous = [{ ...day("2025-12-30T21:00:00Z"), positive: 1, neutral: 1, negative: 1 }];
    const spec = shapeSentimentOverTime(rows, previous, ctx);
    const line = spec.datasets[3];
    expect(line).toMatchObject({ kind: "line", dashed: true, data: [3, null], colour: OKABE_ITO.black });
    expect(params(line?.hrefs?.[0])).toMatchObject({ from: "2025-12-31", tz: "Asia/Riyadh" });
    expect(spec.table.rows[1]).toEqual(["3 Jan 2026", 0, 0, 4, 4, null]);
  });

  it("is empty when every bucket is zero", () => {
    expect(
      shapeSentimentOverTime(
        [{ ...day("2026-01-01T21:00:00Z"), positive: 0, neutral: 0, negative: 0 }],
        null,
        ctx,
      ).empty,
    ).toBe(true);
  });
});

describe("shapeStance", () => {
  const label = (target: string) => target.toUpperCase();

  it("draws favor solid and against dashed per target over time, zeros where a bucket lacks a row", () => {
    const rows = [
      { ...day("2026-01-01T21:00:00Z"), target: "russia", favor: 2, against: 1 },
      { ...day("2026-01-02T21:00:00Z"), target: "russia", favor: 0, against: 3 },
      { ...day("2026-01-02T21:00:00Z"), target: "usa", favor: 1, against: 0 },
    ];
    const spec = shapeStanceOverTime(rows, ["russia", "usa"], label, ctx);
    expect(spec.datasets.map((d) => [d.label, d.data, d.dashed])).toEqual([
      ["RUSSIA · favor", [2, 0], false],
      ["RUSSIA · against", [1, 3], true],
      ["USA · favor", [0, 1], false],
      ["USA · against", [0, 0], true],
    ]);
    expect(params(spec.datasets[1]?.hrefs?.[1])).toMatchObject({
      stanceTarget: "russia",
      stanceSide: "against",
      source: "3",
    });
    expect(spec.table.rows[1]).toEqual(["3 Jan 2026", 0, 3, 1, 0]);
  });

  it("puts each source and target on a bar with favor and against, unknown sources named", () => {
    const spec = shapeStanceBySource(
      [
        { sourceId: 1, sourceName: "Alpha", target: "russia", favor: 4, against: 1 },
        { sourceId: null, sourceName: null, target: "usa", favor: 0, against: 2 },
      ],
      label,
      { ...ctx, base: { timeZone: "Asia/Riyadh" } },
      { from: new Date("2026-01-01T21:00:00Z") },
    );
    expect(spec.labels).toEqual(["Alpha · RUSSIA", "Unknown source · USA"]);
    expect(spec.datasets.map((d) => d.data)).toEqual([
      [4, 0],
      [1, 2],
    ]);
    expect(params(spec.datasets[0]?.hrefs?.[0])).toEqual({
      queue: "all",
      stanceTarget: "russia",
      stanceSide: "favor",
      source: "1",
      from: "2026-01-02",
      tz: "Asia/Riyadh",
    });
    expect(params(spec.datasets[1]?.hrefs?.[1])).toEqual({
      queue: "all",
      stanceTarget: "usa",
      stanceSide: "against",
      from: "2026-01-02",
      tz: "Asia/Riyadh",
    });
    expect(shapeStanceBySource([], label, ctx, {}).empty).toBe(true);
  });
});

describe("shapeInsultRates", () => {
  const rows = [
    { id: 1, name: "Alpha", comments: 10, classified: 10, insults: 2 },
    { id: 2, name: "Beta", comments: 4, classified: 3, insults: 3 },
    { id: 3, name: "Gamma", comments: 2, classified: 0, insults: 0 },
  ];

  it("sorts by rate, insults or comments, largest first", () => {
    expect(sortInsultRows(rows, "rate").map((r) => r.name)).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(sortInsultRows(rows, "insults").map((r) => r.name)).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(sortInsultRows(rows, "comments").map((r) => r.name)).toEqual(["Alpha", "Beta", "Gamma"]);
  });

  it("charts the rate in percent of classified comments, with links to the insults", () => {
    const spec = shapeInsultRates(
      rows,
      "article",
      "comments",
      { ...ctx, base: { timeZone: "Asia/Riyadh" } },
      {},
    );
    expect(spec.percent).toBe(true);
    expect(spec.datasets[0]?.data).toEqual([20, 100, null]);
    expect(params(spec.datasets[0]?.hrefs?.[1])).toEqual({ queue: "all", insult: "yes", article: "2" });
    expect(spec.table.rows[0]).toEqual(["Alpha", 10, 10, 2, 20]);
    expect(params(spec.tableHrefs[0]?.[1])).toEqual({ queue: "all", article: "1" });
    expect(spec.valueAxis).toBe("% of classified comments");
  });

  it("is empty when nothing is classified", () => {
    expect(shapeInsultRates([rows[2] as (typeof rows)[number]], "source", "rate", ctx, {}).empty).toBe(true);
  });
});

describe("shapeLexicon", () => {
  const label = (category: string) => `[${category}]`;

  it("bars the terms' matches and tables the classifier's flagged share and the moderators' precision", () => {
    const spec = shapeLexiconTerms(
      [
        {
          term: "حمار",
          category: "insult",
          matches: 5,
          comments: 4,
          flagged: 3,
          humanAnswers: 3,
          humanInsults: 2,
        },
        {
          term: "غبي",
          category: "insult",
          matches: 1,
          comments: 1,
          flagged: 1,
          humanAnswers: 0,
          humanInsults: 0,
        },
      ],
      label,
      { ...ctx, base: { timeZone: "Asia/Riyadh" } },
      {},
    );
    expect(spec.labels).toEqual(["حمار ([insult])", "غبي ([insult])"]);
    expect(spec.datasets[0]?.data).toEqual([5, 1]);
    expect(spec.table.rows).toEqual([
      ["حمار", "[insult]", 5, 4, 75, 3, 66.7],
      // No moderator answered: no precision rather than 0 %.
      ["غبي", "[insult]", 1, 1, 100, 0, null],
    ]);
    expect(params(spec.datasets[0]?.hrefs?.[0])).toEqual({ queue: "all", q: "حمار" });
  });

  it("orders categories by matches", () => {
    const spec = shapeLexiconCategories(
      [
        { category: "positive", matches: 2, termComments: 2 },
        { category: "insult", matches: 7, termComments: 5 },
      ],
      label,
      ctx,
    );
    expect(spec.labels).toEqual(["[insult]", "[positive]"]);
    expect(spec.table.rows).toEqual([
      ["[insult]", 7, 5],
      ["[positive]", 2, 2],
    ]);
  });
});

describe("analytics messages", () => {
  it("has every key in Arabic and English", () => {
    expect(Object.keys(analyticsMessages.en).sort()).toEqual(Object.keys(analyticsMessages.ar).sort());
    expect(analyticsText("ar")("insultArticleTitle", { n: 10 })).toBe("نسبة الإهانات بحسب المقال (أعلى 10)");
  });
});
