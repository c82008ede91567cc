"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import { accountErrorMessage } from "./account-error-message.ts";
import type { ActionState } from "./action-state.ts";
import { actingUser } from "./admin-actor.ts";
import { requireUser } from "./require-user.ts";
import { setUserActive } from "./set-user-active.ts";

const setActiveSchema = z.object({ userId: z.string().min(1).max(100), active: z.enum(["true", "false"]) });

/** Deactivate (sessions end at once) or reactivate a user. */
export async function setUserActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("users:manage");
  const locale = await getLocale();
  const parsed = setActiveSchema.safeParse({
    userId: formData.get("userId"),
    active: formData.get("active"),
  });
  if (!parsed.success)
    return { status: "error", message: translate(locale, "errInvalid", { field: "user" }) };
  try {
    await setUserActive(parsed.data.userId, parsed.data.active === "true", await actingUser(admin));
  } catch (error) {
    return { status: "error", message: accountErrorMessage(locale, error) };
  }
  revalidatePath("/admin/users");
  return { status: "ok", message: translate(locale, "saved") };
}
