import { describe, expect, it } from "vitest";
import { analyticsText } from "../i18n/analytics-messages.ts";
import type { LabelValue } from "../moderation/label-pairs-sql.ts";
import { OKABE_ITO } from "./chart-spec.ts";
import { shapeClassifierScores, shapeConfusion, VALUE_COLOURS } from "./shape-classifier-vs-human.ts";
import type { ShapeContext } from "./shape-context.ts";
import {
  shapeModerationThroughput,
  shapeQueueAge,
  type ThroughputRows,
  TOP_MODERATORS,
} from "./shape-moderation-throughput.ts";
import {
  type AgreementItem,
  shapeAgreementOverall,
  shapeAgreementPairs,
  summariseAgreement,
} from "./shape-moderator-agreement.ts";
import { isWholeHourZone } from "./time-zone.ts";
import { splitUtcDays } from "./utc-days.ts";

const ctx: ShapeContext = {
  intlLocale: "en-GB",
  timeZone: "Asia/Riyadh",
  unit: "day",
  t: analyticsText("en"),
  base: { timeZone: "Asia/Riyadh", source: 3 },
};
const day = (iso: string) => ({
  startsAt: new Date(iso),
  endsAt: new Date(new Date(iso).getTime() + 86_400_000),
});
const params = (href: string | null | undefined) =>
  Object.fromEntries(new URL(href ?? "/", "http://x").searchParams);

describe("splitUtcDays and isWholeHourZone", () => {
  it("splits a Riyadh week into whole UTC days and the two partial days at its ends", () => {
    const { days, edges } = splitUtcDays({
      from: new Date("2026-03-01T21:00:00Z"),
      to: new Date("2026-03-08T21:00:00Z"),
    });
    expect(days).toEqual({ from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-08T00:00:00Z") });
    expect(edges).toEqual([
      { from: new Date("2026-03-01T21:00:00Z"), to: new Date("2026-03-02T00:00:00Z") },
      { from: new Date("2026-03-08T00:00:00Z"), to: new Date("2026-03-08T21:00:00Z") },
    ]);
  });

  it("has no edges for UTC days, and only an edge for a period inside one UTC day", () => {
    expect(
      splitUtcDays({ from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-03T00:00:00Z") }),
    ).toEqual({
      days: { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-03T00:00:00Z") },
      edges: [],
    });
    const inside = { from: new Date("2026-03-01T21:00:00Z"), to: new Date("2026-03-02T21:00:00Z") };
    expect(splitUtcDays(inside).days).toBeNull();
    expect(splitUtcDays(inside).edges).toEqual([inside]);
  });

  it("knows which zones are whole hours from UTC", () => {
    expect(isWholeHourZone("Asia/Riyadh")).toBe(true);
    expect(isWholeHourZone("America/New_York")).toBe(true);
    expect(isWholeHourZone("Asia/Kolkata")).toBe(false);
    expect(isWholeHourZone("America/St_Johns")).toBe(false);
  });
});

describe("shapeModerationThroughput and shapeQueueAge", () => {
  const buckets = [day("2026-03-07T21:00:00Z"), day("2026-03-08T21:00:00Z")];
  const moderator = (i: number, name: string, decisions: number, bucket = 0) => ({
    ...(buckets[bucket] as (typeof buckets)[number]),
    userId: `u${i}`,
    userName: name,
    decisions,
  });

  it("stacks each moderator's decisions per day and totals them", () => {
    const rows: ThroughputRows = {
      buckets,
      moderators: [moderator(1, "Amal", 1), moderator(1, "Amal", 1, 1), moderator(2, "Badr", 3, 1)],
      ages: [],
    };
    const spec = shapeModerationThroughput(rows, ctx);
    expect(spec.labels).toEqual(["8 Mar 2026", "9 Mar 2026"]);
    // Busiest first.
    expect(spec.datasets.map((d) => [d.label, d.data, d.stack])).toEqual([
      ["Badr", [0, 3], "decisions"],
      ["Amal", [1, 1], "decisions"],
    ]);
    expect(spec.table.columns).toEqual(["Period", "Badr", "Amal", "Total"]);
    expect(spec.table.rows).toEqual([
      ["8 Mar 2026", 0, 1, 1],
      ["9 Mar 2026", 3, 1, 4],
    ]);
    expect(spec.empty).toBe(false);
    expect(shapeModerationThroughput({ buckets, moderators: [], ages: [] }, ctx).empty).toBe(true);
  });

  it("folds moderators beyond the busiest six into one grey series", () => {
    const moderators = Array.from({ length: TOP_MODERATORS + 2 }, (_, i) => moderator(i, `M${i}`, 10 - i));
    const spec = shapeModerationThroughput({ buckets, moderators, ages: [] }, ctx);
    expect(spec.datasets).toHaveLength(TOP_MODERATORS + 1);
    expect(spec.datasets.at(-1)).toMatchObject({
      label: "Other moderators",
      data: [4 + 3, 0],
      colour: OKABE_ITO.grey,
    });
  });

  it("draws the median hours to first decision, a gap where there was none", () => {
    const spec = shapeQueueAge(
      {
        buckets,
        moderators: [],
        ages: [{ ...(buckets[1] as (typeof buckets)[number]), firstDecisions: 3, medianSeconds: 59_400 }],
      },
      ctx,
    );
    expect(spec.datasets[0]?.data).toEqual([null, 16.5]);
    expect(spec.table.rows).toEqual([
      ["8 Mar 2026", 0, null],
      ["9 Mar 2026", 3, 16.5],
    ]);
    expect(spec.valueAxis).toBe("hours");
  });
});

describe("shapeConfusion and shapeClassifierScores", () => {
  const valueLabel = (value: LabelValue) => `<${value}>`;
  const at = day("2026-03-07T21:00:00Z");
  const later = day("2026-03-08T21:00:00Z");
  const rows = [
    { ...at, check: "insult" as const, human: "yes", classifier: "yes", count: 3 },
    { ...at, check: "insult" as const, human: "yes", classifier: "no", count: 1 },
    { ...at, check: "insult" as const, human: "no", classifier: "yes", count: 1 },
    { ...later, check: "insult" as const, human: "no", classifier: "no", count: 5 },
    { ...later, check: "sentiment" as const, human: "negative", classifier: "neutral", count: 2 },
  ];

  it("stacks what the classifier said on each human answer, cells linking to the queue", () => {
    const period = { from: new Date("2026-03-07T21:00:00Z"), to: new Date("2026-03-09T21:00:00Z") };
    const spec = shapeConfusion(rows, "insult", valueLabel, ctx, period);
    expect(spec.labels).toEqual(["<yes>", "<no>"]);
    expect(spec.datasets.map((d) => [d.label, d.data, d.colour])).toEqual([
      ["Classifier said: <yes>", [3, 1], VALUE_COLOURS.yes],
      ["Classifier said: <no>", [1, 5], VALUE_COLOURS.no],
    ]);
    expect(spec.table.rows).toEqual([
      ["<yes>", 3, 1, 4],
      ["<no>", 1, 5, 6],
    ]);
    expect(params(spec.tableHrefs[0]?.[2])).toEqual({
      queue: "all",
      labelCheck: "insult",
      humanSaid: "yes",
      classifierSaid: "no",
      source: "3",
      from: "2026-03-08",
      to: "2026-03-09",
      tz: "Asia/Riyadh",
    });
    expect(shapeConfusion(rows, "stance", valueLabel, ctx, period).empty).toBe(true);
  });

  it("scores each bucket: precision, recall and F1 per answer", () => {
    const spec = shapeClassifierScores(rows, (check) => `[${check}]`, valueLabel, ctx);
    expect(spec.labels).toEqual(["8 Mar 2026", "9 Mar 2026"]);
    // 8 March, insult yes: 3 right of 4 predicted (75 %), 3 of 4 true (75 %), F1 75 %.
    expect(spec.datasets[0]).toMatchObject({ label: "[insult] · <yes> · F1", data: [75, null] });
    expect(spec.table.rows[0]).toEqual(["8 Mar 2026", "[insult]", "<yes>", 4, 75, 75, 75]);
    expect(spec.table.rows).toContainEqual(["9 Mar 2026", "[sentiment]", "<negative>", 2, null, 0, null]);
    expect(spec.percent).toBe(true);
  });
});

describe("summariseAgreement and its charts", () => {
  const item = (
    check: AgreementItem["check"],
    commentId: number,
    pairs: [string, string][],
  ): AgreementItem => ({
    check,
    commentId,
    target: null,
    userIds: pairs.map(([id]) => id),
    userNames: pairs.map(([id]) => id.toUpperCase()),
    values: pairs.map(([, value]) => value),
  });

  it("gives Fleiss' kappa per question and Cohen's kappa per pair, as hand-computed", () => {
    // a and b on four comments: agree on 3 (yes, yes, no), differ once. po = 0.75;
    // a says yes 3/4, b yes 2/4: pe = 0.75·0.5 + 0.25·0.5 = 0.5; κ = 0.5.
    const items = [
      item("insult", 1, [
        ["a", "yes"],
        ["b", "yes"],
      ]),
      item("insult", 2, [
        ["a", "yes"],
        ["b", "yes"],
      ]),
      item("insult", 3, [
        ["a", "no"],
        ["b", "no"],
      ]),
      item("insult", 4, [
        ["a", "yes"],
        ["b", "no"],
      ]),
    ];
    const { overall, pairs } = summariseAgreement(items);
    expect(pairs).toEqual([{ check: "insult", a: "A", b: "B", items: 4, observed: 0.75, cohen: 0.5 }]);
    // Fleiss over the same items: P̄ = 0.75, answers 5 yes / 3 no: Pe = 34/64, κ = 0.467.
    expect(overall.find((o) => o.check === "insult")).toEqual({
      check: "insult",
      items: 4,
      observed: 0.75,
      fleiss: 0.467,
    });
    expect(overall.find((o) => o.check === "sentiment")).toEqual({
      check: "sentiment",
      items: 0,
      observed: null,
      fleiss: null,
    });
    const chart = shapeAgreementOverall(overall, (c) => `[${c}]`, ctx);
    expect(chart.datasets[0]?.data).toEqual([0.467, null, null]);
    expect(chart.table.rows[0]).toEqual(["[insult]", 4, 75, 0.467]);
    const pairChart = shapeAgreementPairs(pairs, (c) => `[${c}]`, ctx);
    expect(pairChart.labels).toEqual(["A · B · [insult]"]);
    expect(pairChart.table.rows).toEqual([["A · B", "[insult]", 4, 75, 0.5]]);
    expect(shapeAgreementPairs([], (c) => c, ctx).empty).toBe(true);
  });
});
