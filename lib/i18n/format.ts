import { intlLocale, type Locale } from "./messages.ts";

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

export function formatDate(locale: Locale, value: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(value);
}
