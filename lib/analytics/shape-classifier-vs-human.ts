import { CHECK_VALUES, type LabelCheck, type LabelValue } from "../moderation/label-pairs-sql.ts";
import { bucketLabel } from "./bucket-label.ts";
import { type ChartSpec, OKABE_ITO, SENTIMENT_COLOURS, SERIES_COLOURS, SIDE_COLOURS } from "./chart-spec.ts";
import { confusionMatrix, precisionRecallF1 } from "./confusion-matrix.ts";
import { queueHref } from "./queue-href.ts";
import type { Bucket, ShapeContext } from "./shape-context.ts";

export interface LabelPairRow extends Bucket {
  check: LabelCheck;
  /** The moderator's answer. */
  human: string;
  /** The classifier's answer when the label was given. */
  classifier: string;
  /** How many labels (one per moderator and comment; per target for stance). */
  count: number;
}

export const VALUE_COLOURS: Record<LabelValue, string> = {
  yes: OKABE_ITO.vermillion,
  no: OKABE_ITO.bluishGreen,
  ...SENTIMENT_COLOURS,
  ...SIDE_COLOURS,
  none: OKABE_ITO.grey,
};

/** The classes whose F1 is drawn over time: the positive class of each question. */
export const SCORED_CLASSES: [LabelCheck, LabelValue][] = [
  ["insult", "yes"],
  ["sentiment", "positive"],
  ["sentiment", "neutral"],
  ["sentiment", "negative"],
  ["stance", "favor"],
  ["stance", "against"],
];

const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);

/**
 * One question's confusion matrix as stacked bars: a bar per moderator answer, split by what the
 * classifier said. Every segment and table cell opens the queue at exactly those comments.
 */
export function shapeConfusion(
  rows: readonly LabelPairRow[],
  check: LabelCheck,
  valueLabel: (value: LabelValue) => string,
  ctx: ShapeContext,
  period: { from?: Date; to?: Date },
): ChartSpec {
  const { t } = ctx;
  const values = CHECK_VALUES[check];
  const matrix = confusionMatrix(
    values,
    rows
      .filter((row) => row.check === check)
      .map((row) => ({ human: row.human, classifier: row.classifier, count: row.count })),
  );
  const href = (human: LabelValue, classifier: LabelValue) =>
    queueHref({
      ...ctx.base,
      ...period,
      labelPair: { labelCheck: check, humanSaid: human, classifierSaid: classifier },
    });
  const total = (i: number) => (matrix.counts[i] ?? []).reduce((sum, c) => sum + c, 0);
  return {
    type: "bar",
    labels: values.map(valueLabel),
    datasets: values.map((classifier, ci) => ({
      label: t("classifierSaidValue", { value: valueLabel(classifier) }),
      data: values.map((_, hi) => matrix.counts[hi]?.[ci] ?? 0),
      colour: VALUE_COLOURS[classifier],
      kind: "bar",
      stack: "classifier",
      hrefs: values.map((human) => href(human, classifier)),
    })),
    stacked: true,
    horizontal: false,
    valueAxis: t("unitLabels"),
    categoryAxis: t("humanSaid"),
    percent: false,
    table: {
      columns: [
        t("humanSaid"),
        ...values.map((v) => t("classifierSaidValue", { value: valueLabel(v) })),
        t("currentTotal"),
      ],
      rows: values.map((human, hi) => [valueLabel(human), ...(matrix.counts[hi] ?? []), total(hi)]),
    },
    tableHrefs: values.map((human) => [
      null,
      ...values.map((classifier) => href(human, classifier)),
      queueHref({ ...ctx.base, ...period, labelPair: { labelCheck: check, humanSaid: human } }),
    ]),
    empty: values.every((_, i) => total(i) === 0),
  };
}

/**
 * F1 per bucket for each question's positive classes (lines, in %), and the table of precision,
 * recall, F1 and support for every bucket, question and answer.
 */
export function shapeClassifierScores(
  rows: readonly LabelPairRow[],
  checkLabel: (check: LabelCheck) => string,
  valueLabel: (value: LabelValue) => string,
  ctx: ShapeContext,
): ChartSpec {
  const { t } = ctx;
  const buckets: Bucket[] = [];
  for (const row of rows) {
    if (!buckets.some((b) => b.startsAt.getTime() === row.startsAt.getTime()))
      buckets.push({ startsAt: row.startsAt, endsAt: row.endsAt });
  }
  buckets.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const labels = buckets.map((b) => bucketLabel(b.startsAt, ctx.unit, ctx.intlLocale, ctx.timeZone));
  const scores = buckets.map((bucket) =>
    Object.fromEntries(
      (Object.keys(CHECK_VALUES) as LabelCheck[]).map((check) => [
        check,
        precisionRecallF1(
          confusionMatrix(
            CHECK_VALUES[check],
            rows
              .filter((row) => row.check === check && row.startsAt.getTime() === bucket.startsAt.getTime())
              .map((row) => ({ human: row.human, classifier: row.classifier, count: row.count })),
          ),
        ),
      ]),
    ),
  );
  const score = (bi: number, check: LabelCheck, value: LabelValue) =>
    scores[bi]?.[check]?.find((s) => s.label === value);
  const tableRows: (string | number | null)[][] = [];
  buckets.forEach((_, bi) => {
    for (const check of Object.keys(CHECK_VALUES) as LabelCheck[]) {
      for (const value of CHECK_VALUES[check]) {
        const s = score(bi, check, value);
        if (!s || s.support + (s.precision === null ? 0 : 1) === 0) continue;
        tableRows.push([
          labels[bi] ?? "",
          checkLabel(check),
          valueLabel(value),
          s.support,
          percent(s.precision),
          percent(s.recall),
          percent(s.f1),
        ]);
      }
    }
  });
  return {
    type: "line",
    labels,
    datasets: SCORED_CLASSES.map(([check, value], i) => ({
      label: `${checkLabel(check)} · ${valueLabel(value)} · F1`,
      data: buckets.map((_, bi) => percent(score(bi, check, value)?.f1 ?? null)),
      colour: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? OKABE_ITO.black,
      kind: "line",
      dashed: check === "stance",
    })),
    stacked: false,
    horizontal: false,
    valueAxis: t("unitPercent"),
    categoryAxis: t("axisDate", { unit: t(`unit_${ctx.unit}`) }),
    percent: true,
    table: {
      columns: [t("period"), t("label"), t("humanSaid"), t("support"), t("precision"), t("recall"), t("f1")],
      rows: tableRows,
    },
    tableHrefs: tableRows.map(() => [null, null, null, null, null, null, null]),
    empty: rows.length === 0,
  };
}
