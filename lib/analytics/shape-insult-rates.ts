import { type ChartSpec, OKABE_ITO, percentOf } from "./chart-spec.ts";
import type { InsultSort } from "./filters.ts";
import { queueHref } from "./queue-href.ts";
import type { ShapeContext } from "./shape-context.ts";

export interface InsultRateRow {
  /** Source id or article id (null: articles without a source). */
  id: number | null;
  name: string | null;
  comments: number;
  /** Comments the classifier has labelled (the rate's denominator). */
  classified: number;
  insults: number;
}

/** Sorts by the chosen column, largest first; ties by name so the order is stable. */
export function sortInsultRows(rows: readonly InsultRateRow[], sort: InsultSort): InsultRateRow[] {
  const value = (row: InsultRateRow) =>
    sort === "rate"
      ? (percentOf(row.insults, row.classified) ?? -1)
      : sort === "insults"
        ? row.insults
        : row.comments;
  return [...rows].sort((a, b) => value(b) - value(a) || (a.name ?? "").localeCompare(b.name ?? ""));
}

/** Horizontal bars of the insult rate (% of classified comments) by source or by article. */
export function shapeInsultRates(
  rows: readonly InsultRateRow[],
  by: "source" | "article",
  sort: InsultSort,
  ctx: ShapeContext,
  period: { from?: Date; to?: Date },
): ChartSpec {
  const { t } = ctx;
  const sorted = sortInsultRows(rows, sort);
  const name = (row: InsultRateRow) => row.name ?? (by === "source" ? t("unknownSource") : `#${row.id}`);
  const scope = (row: InsultRateRow) =>
    row.id === null ? {} : by === "source" ? { source: row.id } : { article: row.id };
  const insultHref = (row: InsultRateRow) =>
    queueHref({ ...ctx.base, ...period, ...scope(row), insult: true });
  return {
    type: "bar",
    labels: sorted.map(name),
    datasets: [
      {
        label: t("insultRate"),
        data: sorted.map((row) => percentOf(row.insults, row.classified)),
        colour: OKABE_ITO.vermillion,
        kind: "bar",
        hrefs: sorted.map(insultHref),
      },
    ],
    stacked: false,
    horizontal: true,
    valueAxis: t("unitPercentClassified"),
    categoryAxis: by === "source" ? t("source") : t("article"),
    percent: true,
    table: {
      columns: [
        by === "source" ? t("source") : t("article"),
        t("comments"),
        t("classified"),
        t("insults"),
        t("insultRate"),
      ],
      rows: sorted.map((row) => [
        name(row),
        row.comments,
        row.classified,
        row.insults,
        percentOf(row.insults, row.classified),
      ]),
    },
    tableHrefs: sorted.map((row) => [
      null,
      queueHref({ ...ctx.base, ...period, ...scope(row) }),
      null,
      insultHref(row),
      null,
    ]),
    empty: sorted.every((row) => row.classified === 0),
  };
}
