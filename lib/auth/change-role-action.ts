"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import { accountErrorMessage } from "./account-error-message.ts";
import type { ActionState } from "./action-state.ts";
import { actingUser } from "./admin-actor.ts";
import { changeUserRole } from "./change-user-role.ts";
import { ROLES } from "./permissions.ts";
import { requireUser } from "./require-user.ts";

const changeRoleSchema = z.object({ userId: z.string().min(1).max(100), role: z.enum(ROLES) });

export async function changeRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("users:manage");
  const locale = await getLocale();
  const parsed = changeRoleSchema.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success)
    return { status: "error", message: translate(locale, "errInvalid", { field: "role" }) };
  try {
    await changeUserRole(parsed.data.userId, parsed.data.role, await actingUser(admin));
  } catch (error) {
    return { status: "error", message: accountErrorMessage(locale, error) };
  }
  revalidatePath("/admin/users");
  return { status: "ok", message: translate(locale, "saved") };
}
