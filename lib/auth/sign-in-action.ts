"use server";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import type { ActionState } from "./action-state.ts";
import { getAuth } from "./auth-server.ts";
import { PASSWORD_MAX_LENGTH } from "./password-rules.ts";
import { requestProtocol } from "./request-origin.ts";
import { safeNextPath } from "./safe-next-path.ts";

const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  next: z.string().max(2000).optional(),
});

/** The sign-in form. better-auth checks the password; its hooks throttle and audit. */
export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const locale = await getLocale();
  const parsed = signInSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    next: formData.get("next") ?? undefined,
  });
  const email = String(formData.get("email") ?? "").slice(0, 320);
  const refused = (message: string): ActionState => ({ status: "error", message, fields: { email } });
  if (!parsed.success) return refused(translate(locale, "signInFailed"));
  const requestHeaders = new Headers(await headers());
  try {
    await getAuth(requestProtocol(requestHeaders)).api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: requestHeaders,
    });
  } catch (error) {
    if (!isAPIError(error)) {
      console.error("sign-in failed:", error instanceof Error ? error.message : String(error));
      return refused(translate(locale, "signInError"));
    }
    const body = (error.body ?? {}) as { code?: string; retryAfterSeconds?: number };
    if (body.code === "TOO_MANY_ATTEMPTS" || error.statusCode === 429) {
      const minutes = Math.max(1, Math.ceil((body.retryAfterSeconds ?? 60) / 60));
      return refused(translate(locale, "signInThrottled", { minutes }));
    }
    if (body.code === "ACCOUNT_DEACTIVATED") return refused(translate(locale, "signInDeactivated"));
    return refused(translate(locale, "signInFailed"));
  }
  redirect(safeNextPath(parsed.data.next));
}
