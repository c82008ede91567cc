import { bucketLabel } from "./bucket-label.ts";
import { type ChartSpec, OKABE_ITO, SERIES_COLOURS } from "./chart-spec.ts";
import type { Bucket, ShapeContext } from "./shape-context.ts";

export interface ModeratorBucketRow extends Bucket {
  userId: string;
  userName: string;
  decisions: number;
}

export interface QueueAgeRow extends Bucket {
  /** Comments whose first (kept) decision falls in the bucket. */
  firstDecisions: number;
  /** Median seconds from their ingest to that decision. */
  medianSeconds: number | null;
}

export interface ThroughputRows {
  /** Every bucket of the period, in order (zeros included). */
  buckets: Bucket[];
  moderators: ModeratorBucketRow[];
  ages: QueueAgeRow[];
}

/** Moderators drawn on their own; the rest share one "other moderators" series. */
export const TOP_MODERATORS = 6;

const key = (b: Bucket) => b.startsAt.toISOString();

/** Stacked bars of decisions per bucket, one series per moderator (the busiest six, then the rest). */
export function shapeModerationThroughput(rows: ThroughputRows, ctx: ShapeContext): ChartSpec {
  const { t } = ctx;
  const labels = rows.buckets.map((b) => bucketLabel(b.startsAt, ctx.unit, ctx.intlLocale, ctx.timeZone));
  const totals = new Map<string, { name: string; decisions: number }>();
  for (const row of rows.moderators) {
    const total = totals.get(row.userId) ?? { name: row.userName, decisions: 0 };
    total.decisions += row.decisions;
    totals.set(row.userId, total);
  }
  const ranked = [...totals.entries()].sort(
    (a, b) => b[1].decisions - a[1].decisions || a[1].name.localeCompare(b[1].name),
  );
  const shown = ranked.slice(0, TOP_MODERATORS);
  const others = new Set(ranked.slice(TOP_MODERATORS).map(([id]) => id));
  const series: { label: string; ids: Set<string> }[] = shown.map(([id, total]) => ({
    label: total.name,
    ids: new Set([id]),
  }));
  if (others.size > 0) series.push({ label: t("otherModerators"), ids: others });
  const count = (bucket: Bucket, ids: Set<string>) =>
    rows.moderators
      .filter((row) => ids.has(row.userId) && key(row) === key(bucket))
      .reduce((sum, row) => sum + row.decisions, 0);
  const matrix = rows.buckets.map((bucket) => series.map((s) => count(bucket, s.ids)));
  return {
    type: "bar",
    labels,
    datasets: series.map((s, i) => ({
      label: s.label,
      data: matrix.map((cells) => cells[i] ?? 0),
      colour: i < TOP_MODERATORS ? (SERIES_COLOURS[i] ?? OKABE_ITO.grey) : OKABE_ITO.grey,
      kind: "bar",
      stack: "decisions",
    })),
    stacked: true,
    horizontal: false,
    valueAxis: t("unitDecisions"),
    categoryAxis: t("axisDate", { unit: t(`unit_${ctx.unit}`) }),
    percent: false,
    table: {
      columns: [t("period"), ...series.map((s) => s.label), t("currentTotal")],
      rows: rows.buckets.map((_, bi) => {
        const cells = matrix[bi] ?? [];
        return [labels[bi] ?? "", ...cells, cells.reduce((sum, c) => sum + c, 0)];
      }),
    },
    tableHrefs: rows.buckets.map(() => series.map(() => null).concat([null, null])),
    empty: rows.moderators.length === 0,
  };
}

/** Hours, to one decimal. */
const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);

/** A line of the median hours from ingest to first decision per bucket (gaps where none). */
export function shapeQueueAge(rows: ThroughputRows, ctx: ShapeContext): ChartSpec {
  const { t } = ctx;
  const labels = rows.buckets.map((b) => bucketLabel(b.startsAt, ctx.unit, ctx.intlLocale, ctx.timeZone));
  const byBucket = new Map(rows.ages.map((row) => [key(row), row]));
  const aligned = rows.buckets.map((b) => byBucket.get(key(b)));
  return {
    type: "line",
    labels,
    datasets: [
      {
        label: t("medianHours"),
        data: aligned.map((row) => hours(row?.medianSeconds ?? null)),
        colour: OKABE_ITO.blue,
        kind: "line",
      },
    ],
    stacked: false,
    horizontal: false,
    valueAxis: t("unitHours"),
    categoryAxis: t("axisDate", { unit: t(`unit_${ctx.unit}`) }),
    percent: false,
    table: {
      columns: [t("period"), t("firstDecisions"), t("medianHours")],
      rows: aligned.map((row, i) => [
        labels[i] ?? "",
        row?.firstDecisions ?? 0,
        hours(row?.medianSeconds ?? null),
      ]),
    },
    tableHrefs: aligned.map(() => [null, null, null]),
    empty: rows.ages.length === 0,
  };
}
