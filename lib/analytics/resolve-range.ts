import type { AnalyticsFilters } from "./filters.ts";
import {
  addDays,
  addMonths,
  type CalendarDay,
  dayInZone,
  daysBetween,
  startOfDayInZone,
} from "./time-zone.ts";

export type BucketUnit = "day" | "week" | "month";

/** Local calendar days, `to` exclusive, and the instants they begin at in the user's zone. */
export interface Period {
  fromDay: CalendarDay;
  toDay: CalendarDay;
  from: Date;
  to: Date;
}

export interface ResolvedRange {
  timeZone: string;
  /** null for "all time". */
  current: Period | null;
  /** The period of the same length just before `current`, when comparing. */
  previous: Period | null;
  unit: BucketUnit;
}

function period(fromDay: CalendarDay, toDay: CalendarDay, timeZone: string): Period {
  return {
    fromDay,
    toDay,
    from: startOfDayInZone(fromDay, timeZone),
    to: startOfDayInZone(toDay, timeZone),
  };
}

/** Day buckets up to a month, weeks up to half a year, months beyond (and for all time). */
export function bucketUnitFor(days: number | null): BucketUnit {
  if (days === null) return "month";
  if (days <= 31) return "day";
  if (days <= 183) return "week";
  return "month";
}

/**
 * Turns the filter bar's range into instants. Presets end with today (in the user's zone,
 * inclusive): "7d" is today and the six days before it.
 */
export function resolveRange(filters: AnalyticsFilters, now: Date, timeZone: string): ResolvedRange {
  const today = dayInZone(now, timeZone);
  const tomorrow = addDays(today, 1);
  let current: Period | null;
  switch (filters.range) {
    case "today":
      current = period(today, tomorrow, timeZone);
      break;
    case "7d":
      current = period(addDays(today, -6), tomorrow, timeZone);
      break;
    case "30d":
      current = period(addDays(today, -29), tomorrow, timeZone);
      break;
    case "12m":
      current = period(addDays(addMonths(today, -12), 1), tomorrow, timeZone);
      break;
    case "custom":
      current =
        filters.from && filters.to
          ? period(filters.from, addDays(filters.to, 1), timeZone)
          : period(addDays(today, -29), tomorrow, timeZone);
      break;
    case "all":
      current = null;
      break;
  }
  const days = current ? daysBetween(current.fromDay, current.toDay) : null;
  const previous =
    current && filters.compare && days !== null
      ? period(addDays(current.fromDay, -days), current.fromDay, timeZone)
      : null;
  return { timeZone, current, previous, unit: bucketUnitFor(days) };
}
