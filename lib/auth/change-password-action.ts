"use server";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "../db/client.ts";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import type { ActionState } from "./action-state.ts";
import { getAuth } from "./auth-server.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules.ts";
import { requestProtocol } from "./request-origin.ts";
import { requireUser } from "./require-user.ts";

const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});

/** Any signed-in user changes their own password; their other sessions end. */
export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser();
  const locale = await getLocale();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return {
      status: "error",
      message:
        field === "newPassword"
          ? translate(locale, "passwordTooShort", { min: PASSWORD_MIN_LENGTH })
          : translate(locale, "currentPasswordWrong"),
    };
  }
  const requestHeaders = new Headers(await headers());
  const auth = getAuth(requestProtocol(requestHeaders));
  const current = await auth.api.getSession({ headers: requestHeaders });
  try {
    // better-auth's revokeOtherSessions replaces this session too, which would leave the page
    // rendering with a cookie that no longer works; end only the others, below.
    await auth.api.changePassword({
      body: { ...parsed.data, revokeOtherSessions: false },
      headers: requestHeaders,
    });
  } catch (error) {
    if (isAPIError(error) && (error.body as { code?: string } | undefined)?.code === "INVALID_PASSWORD") {
      return { status: "error", message: translate(locale, "currentPasswordWrong") };
    }
    if (isAPIError(error) && error.statusCode < 500) {
      return {
        status: "error",
        message: translate(locale, "passwordTooShort", { min: PASSWORD_MIN_LENGTH }),
      };
    }
    throw error;
  }
  await getDb().session.deleteMany({
    where: { userId: user.id, ...(current ? { NOT: { token: current.session.token } } : {}) },
  });
  return { status: "ok", message: translate(locale, "passwordChanged") };
}
