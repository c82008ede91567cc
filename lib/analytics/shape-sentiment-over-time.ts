import { bucketLabel } from "./bucket-label.ts";
import { type ChartSpec, OKABE_ITO, SENTIMENT_COLOURS } from "./chart-spec.ts";
import { queueHref } from "./queue-href.ts";
import type { Bucket, ShapeContext } from "./shape-context.ts";

export const SENTIMENTS = ["positive", "neutral", "negative"] as const;

export interface SentimentBucketRow extends Bucket {
  positive: number;
  neutral: number;
  negative: number;
}

/**
 * Stacked bars of positive/neutral/negative comments per bucket. With `previous`, a line of the
 * earlier period's totals, bucket for bucket (its first bucket over the current first bucket).
 */
export function shapeSentimentOverTime(
  rows: readonly SentimentBucketRow[],
  previous: readonly SentimentBucketRow[] | null,
  ctx: ShapeContext,
): ChartSpec {
  const { t } = ctx;
  const labels = rows.map((row) => bucketLabel(row.startsAt, ctx.unit, ctx.intlLocale, ctx.timeZone));
  const datasets: ChartSpec["datasets"] = SENTIMENTS.map((sentiment) => ({
    label: t(sentiment),
    data: rows.map((row) => row[sentiment]),
    colour: SENTIMENT_COLOURS[sentiment],
    kind: "bar",
    stack: "sentiment",
    hrefs: rows.map((row) => queueHref({ ...ctx.base, from: row.startsAt, to: row.endsAt, sentiment })),
  }));
  const total = (row: SentimentBucketRow) => row.positive + row.neutral + row.negative;
  const previousTotals = previous ? rows.map((_, i) => (previous[i] ? total(previous[i]) : null)) : null;
  if (previous && previousTotals) {
    datasets.push({
      label: t("previousTotal"),
      data: previousTotals,
      colour: OKABE_ITO.black,
      kind: "line",
      dashed: true,
      hrefs: rows.map((_, i) => {
        const bucket = previous[i];
        return bucket ? queueHref({ ...ctx.base, from: bucket.startsAt, to: bucket.endsAt }) : null;
      }),
    });
  }
  const columns = [t("period"), t("positive"), t("neutral"), t("negative"), t("currentTotal")];
  if (previous) columns.push(t("previousTotal"));
  const tableRows = rows.map((row, i) => {
    const cells: (string | number | null)[] = [
      labels[i] ?? "",
      row.positive,
      row.neutral,
      row.negative,
      total(row),
    ];
    if (previousTotals) cells.push(previousTotals[i] ?? null);
    return cells;
  });
  const tableHrefs = rows.map((row) => {
    const links: (string | null)[] = [
      null,
      ...SENTIMENTS.map((sentiment) =>
        queueHref({ ...ctx.base, from: row.startsAt, to: row.endsAt, sentiment }),
      ),
      queueHref({ ...ctx.base, from: row.startsAt, to: row.endsAt }),
    ];
    if (previous) links.push(null);
    return links;
  });
  return {
    type: "bar",
    labels,
    datasets,
    stacked: true,
    horizontal: false,
    valueAxis: t("unitComments"),
    categoryAxis: t("axisDate", { unit: t(`unit_${ctx.unit}`) }),
    percent: false,
    table: { columns, rows: tableRows },
    tableHrefs,
    empty: rows.every((row) => total(row) === 0),
  };
}
