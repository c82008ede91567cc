import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_TIME_ZONE, isTimeZone } from "./time-zone.ts";

/** Set by the browser (app/analytics/_components/time-zone-sync.tsx) from Intl's resolved zone. */
export const TIME_ZONE_COOKIE = "raqib-tz";

/** The user's IANA time zone, or UTC until the browser has told us. */
export async function getTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const decoded = value ? decodeURIComponent(value) : undefined;
  return isTimeZone(decoded) ? decoded : DEFAULT_TIME_ZONE;
}
