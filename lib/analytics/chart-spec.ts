import type { DataTable } from "./to-csv.ts";

/**
 * What a chart draws, as plain serialisable data: the server shapes it, the client `Chart`
 * component turns it into a Chart.js configuration and nothing else.
 */
export interface ChartDataset {
  label: string;
  data: (number | null)[];
  colour: string;
  /** Mixed charts: a line over bars (e.g. the previous period). */
  kind?: "bar" | "line";
  stack?: string;
  dashed?: boolean;
  /** Drill-down link for each data point, or null where there is nothing to open. */
  hrefs?: (string | null)[];
}

export interface ChartSpec {
  type: "bar" | "line";
  labels: string[];
  datasets: ChartDataset[];
  stacked: boolean;
  /** Horizontal bars (long labels such as article titles). */
  horizontal: boolean;
  /** Axis titles with units, e.g. "comments" or "% of classified comments". */
  valueAxis: string;
  categoryAxis: string;
  /** Values are percentages (0–100). */
  percent: boolean;
  /** The same numbers as an accessible table and the CSV download. */
  table: DataTable;
  /** Drill-down links for the table's cells, aligned with `table.rows`. */
  tableHrefs: (string | null)[][];
  /** True when there is nothing to draw; the card says why instead. */
  empty: boolean;
}

/** Okabe & Ito's palette, distinguishable with the common forms of colour blindness. */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
  grey: "#999999",
} as const;

export const SENTIMENT_COLOURS = {
  positive: OKABE_ITO.bluishGreen,
  neutral: OKABE_ITO.grey,
  negative: OKABE_ITO.vermillion,
} as const;

export const SIDE_COLOURS = { favor: OKABE_ITO.blue, against: OKABE_ITO.orange } as const;

export const SERIES_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
] as const;

/** Rounds a share to one decimal place of a percent; null when there is no denominator. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
