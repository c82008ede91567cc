/** A half-open span of instants, [from, to). */
export interface Span {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/**
 * Splits a period into the whole UTC days inside it (served by the daily rollups) and the
 * partial days at either end (read from `comment` itself), so a day-keyed rollup still answers
 * a period that starts and ends at another zone's midnight exactly.
 */
export function splitUtcDays(period: Span): { days: Span | null; edges: Span[] } {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const lastDay = Math.floor(to / DAY_MS) * DAY_MS;
  if (firstDay >= lastDay) return { days: null, edges: from < to ? [period] : [] };
  const edges: Span[] = [];
  if (from < firstDay) edges.push({ from: period.from, to: new Date(firstDay) });
  if (lastDay < to) edges.push({ from: new Date(lastDay), to: period.to });
  return { days: { from: new Date(firstDay), to: new Date(lastDay) }, edges };
}
