import type { BucketUnit } from "./resolve-range.ts";

/** How a time bucket reads on an axis, in the user's language and zone. */
export function bucketLabel(startsAt: Date, unit: BucketUnit, intlLocale: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions =
    unit === "month"
      ? { year: "numeric", month: "short", timeZone }
      : { year: "numeric", month: "short", day: "numeric", timeZone };
  return new Intl.DateTimeFormat(intlLocale, options).format(startsAt);
}
