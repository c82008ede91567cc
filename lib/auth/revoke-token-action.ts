"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import { accountErrorMessage } from "./account-error-message.ts";
import type { ActionState } from "./action-state.ts";
import { actingUser } from "./admin-actor.ts";
import { requireUser } from "./require-user.ts";
import { revokeApiToken } from "./revoke-api-token.ts";

const revokeSchema = z.object({ tokenId: z.uuid() });

export async function revokeTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("users:manage");
  const locale = await getLocale();
  const parsed = revokeSchema.safeParse({ tokenId: formData.get("tokenId") });
  if (!parsed.success)
    return { status: "error", message: translate(locale, "errInvalid", { field: "token" }) };
  try {
    await revokeApiToken(parsed.data.tokenId, await actingUser(admin));
  } catch (error) {
    return { status: "error", message: accountErrorMessage(locale, error) };
  }
  revalidatePath("/admin/tokens");
  return { status: "ok", message: translate(locale, "saved") };
}
