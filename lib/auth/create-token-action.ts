"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import { accountErrorMessage } from "./account-error-message.ts";
import type { ActionState } from "./action-state.ts";
import { actingUser } from "./admin-actor.ts";
import { createApiToken, newTokenSchema } from "./create-api-token.ts";
import { requireUser } from "./require-user.ts";

/** Admins create an API token; the page shows it once. */
export async function createTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("users:manage");
  const locale = await getLocale();
  const parsed = newTokenSchema.safeParse({ name: formData.get("name"), scopes: formData.getAll("scopes") });
  if (!parsed.success) {
    return {
      status: "error",
      message: translate(locale, "errInvalid", { field: String(parsed.error.issues[0]?.path[0] ?? "?") }),
    };
  }
  try {
    const created = await createApiToken(parsed.data, await actingUser(admin));
    revalidatePath("/admin/tokens");
    return {
      status: "ok",
      message: translate(locale, "tokenCreated", { name: created.name }),
      secret: created.token,
    };
  } catch (error) {
    return { status: "error", message: accountErrorMessage(locale, error) };
  }
}
