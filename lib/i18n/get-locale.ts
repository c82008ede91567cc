import "server-only";
import { cookies } from "next/headers";
import { isLocale, type Locale } from "./messages.ts";

export const LOCALE_COOKIE = "raqib-locale";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : "ar";
}
