/**
 * Time-zone arithmetic on calendar days. Comment dates are stored in UTC; a "day" on the
 * dashboard is a day in the user's zone, so range bounds are that zone's local midnights.
 */

export const DEFAULT_TIME_ZONE = "UTC";

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A calendar day as "YYYY-MM-DD". */
export type CalendarDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayParts(day: CalendarDay): [number, number, number] {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function formatDay(date: Date): CalendarDay {
  return date.toISOString().slice(0, 10);
}

/** The calendar day `days` after `day` (negative for before); months and years roll over. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const [y, m, d] = dayParts(day);
  return formatDay(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The same day `months` later (clamped to the month's end: 31 March − 1 month = 28/29 February). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const [y, m, d] = dayParts(day);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return formatDay(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  const [ay, am, ad] = dayParts(a);
  const [by, bm, bd] = dayParts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** The calendar day that `instant` falls on in `timeZone`. */
export function dayInZone(instant: Date, timeZone: string): CalendarDay {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

function offsetAt(instant: number, timeZone: string): number {
  const parts = offsetFormat(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which `day` begins in `timeZone`. Where midnight does not exist (a DST jump at
 * 00:00, as in Beirut or Santiago), the first instant of the day after the jump.
 */
export function startOfDayInZone(day: CalendarDay, timeZone: string): Date {
  const [y, m, d] = dayParts(day);
  const wallMidnight = Date.UTC(y, m - 1, d);
  let guess = wallMidnight - offsetAt(wallMidnight, timeZone);
  // Twice: the offset at the first guess may differ from the offset at the answer.
  guess = wallMidnight - offsetAt(guess, timeZone);
  if (dayInZone(new Date(guess), timeZone) !== day) {
    // Midnight skipped by a DST jump: the day starts one hour after the guess.
    guess += 3_600_000;
  }
  return new Date(guess);
}

const wholeHourZones = new Map<string, boolean>();

/**
 * True when `timeZone` has been a whole number of hours from UTC at every instant since 1970
 * (sampled every 15 days up to 2040): then every local midnight is a UTC hour, and hourly
 * rollups add up to its local days exactly. Asia/Kolkata (+5:30) and Asia/Kathmandu are not.
 */
export function isWholeHourZone(timeZone: string): boolean {
  const known = wholeHourZones.get(timeZone);
  if (known !== undefined) return known;
  let whole = true;
  for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(2040, 0, 1) && whole; t += 15 * 86_400_000) {
    if (offsetAt(t, timeZone) % 3_600_000 !== 0) whole = false;
  }
  wholeHourZones.set(timeZone, whole);
  return whole;
}
