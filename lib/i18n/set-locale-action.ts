"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "./get-locale.ts";
import { isLocale } from "./messages.ts";

/** The language switch: a preference cookie, nothing more. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const value = formData.get("locale");
  if (typeof value !== "string" || !isLocale(value)) return;
  (await cookies()).set(LOCALE_COOKIE, value, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: 60 * 60 * 24 * 365,
  });
}
