import type { StanceTarget } from "../classifier/index.ts";
import { bucketLabel } from "./bucket-label.ts";
import { type ChartSpec, SERIES_COLOURS, SIDE_COLOURS } from "./chart-spec.ts";
import { queueHref } from "./queue-href.ts";
import type { Bucket, ShapeContext } from "./shape-context.ts";

export const STANCE_SIDES = ["favor", "against"] as const;

export interface StanceCounts {
  target: string;
  favor: number;
  against: number;
}

export interface StanceBucketRow extends Bucket, StanceCounts {}

export interface StanceSourceRow extends StanceCounts {
  sourceId: number | null;
  sourceName: string | null;
}

/** Lines per target and side over time: solid for favor, dashed for against, one colour per target. */
export function shapeStanceOverTime(
  rows: readonly StanceBucketRow[],
  targets: readonly StanceTarget[],
  targetLabel: (target: string) => string,
  ctx: ShapeContext,
): ChartSpec {
  const { t } = ctx;
  // Rows arrive one per (bucket, target); buckets in order.
  const buckets: Bucket[] = [];
  const byKey = new Map<string, StanceBucketRow>();
  for (const row of rows) {
    const key = row.startsAt.toISOString();
    if (!byKey.has(`${key}|`)) {
      byKey.set(`${key}|`, row);
      buckets.push({ startsAt: row.startsAt, endsAt: row.endsAt });
    }
    byKey.set(`${key}|${row.target}`, row);
  }
  const labels = buckets.map((b) => bucketLabel(b.startsAt, ctx.unit, ctx.intlLocale, ctx.timeZone));
  const datasets: ChartSpec["datasets"] = [];
  targets.forEach((target, ti) => {
    for (const side of STANCE_SIDES) {
      datasets.push({
        label: `${targetLabel(target)} · ${t(side)}`,
        data: buckets.map((b) => byKey.get(`${b.startsAt.toISOString()}|${target}`)?.[side] ?? 0),
        colour: SERIES_COLOURS[ti % SERIES_COLOURS.length] ?? SIDE_COLOURS[side],
        kind: "line",
        dashed: side === "against",
        hrefs: buckets.map((b) =>
          queueHref({ ...ctx.base, from: b.startsAt, to: b.endsAt, stance: { target, side } }),
        ),
      });
    }
  });
  const columns = [
    t("period"),
    ...targets.flatMap((target) => STANCE_SIDES.map((side) => `${targetLabel(target)} · ${t(side)}`)),
  ];
  const tableRows = buckets.map((b, bi) => [
    labels[bi] ?? "",
    ...targets.flatMap((target) =>
      STANCE_SIDES.map((side) => byKey.get(`${b.startsAt.toISOString()}|${target}`)?.[side] ?? 0),
    ),
  ]);
  const tableHrefs = buckets.map((b) => [
    null,
    ...targets.flatMap((target) =>
      STANCE_SIDES.map((side) =>
        queueHref({ ...ctx.base, from: b.startsAt, to: b.endsAt, stance: { target, side } }),
      ),
    ),
  ]);
  return {
    type: "line",
    labels,
    datasets,
    stacked: false,
    horizontal: false,
    valueAxis: t("unitComments"),
    categoryAxis: t("axisDate", { unit: t(`unit_${ctx.unit}`) }),
    percent: false,
    table: { columns, rows: tableRows },
    tableHrefs,
    empty: rows.every((row) => row.favor + row.against === 0),
  };
}

/** Horizontal bars, one per source and target, favor and against side by side. */
export function shapeStanceBySource(
  rows: readonly StanceSourceRow[],
  targetLabel: (target: string) => string,
  ctx: ShapeContext,
  period: { from?: Date; to?: Date },
): ChartSpec {
  const { t } = ctx;
  const name = (row: StanceSourceRow) => row.sourceName ?? t("unknownSource");
  const labels = rows.map((row) => `${name(row)} · ${targetLabel(row.target)}`);
  const selection = (row: StanceSourceRow, side: "favor" | "against") =>
    queueHref({
      ...ctx.base,
      ...period,
      ...(row.sourceId === null ? {} : { source: row.sourceId }),
      stance: { target: row.target, side },
    });
  return {
    type: "bar",
    labels,
    datasets: STANCE_SIDES.map((side) => ({
      label: t(side),
      data: rows.map((row) => row[side]),
      colour: SIDE_COLOURS[side],
      kind: "bar",
      hrefs: rows.map((row) => selection(row, side)),
    })),
    stacked: false,
    horizontal: true,
    valueAxis: t("unitComments"),
    categoryAxis: `${t("source")} · ${t("target")}`,
    percent: false,
    table: {
      columns: [t("source"), t("target"), t("favor"), t("against")],
      rows: rows.map((row) => [name(row), targetLabel(row.target), row.favor, row.against]),
    },
    tableHrefs: rows.map((row) => [null, null, selection(row, "favor"), selection(row, "against")]),
    empty: rows.length === 0,
  };
}
