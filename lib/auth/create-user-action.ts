"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import { accountErrorMessage } from "./account-error-message.ts";
import type { ActionState } from "./action-state.ts";
import { actingUser } from "./admin-actor.ts";
import { createUser, newUserSchema } from "./create-user.ts";
import { generatePassword } from "./password-rules.ts";
import { requireUser } from "./require-user.ts";

/** Admins add a user; the page shows the generated password once. */
export async function createUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("users:manage");
  const locale = await getLocale();
  const fields = {
    email: String(formData.get("email") ?? "").slice(0, 320),
    name: String(formData.get("name") ?? "").slice(0, 200),
    role: String(formData.get("role") ?? ""),
  };
  const parsed = newUserSchema.safeParse({
    email: formData.get("email"),
    name: formData.get("name"),
    role: formData.get("role"),
  });
  if (!parsed.success) {
    return {
      status: "error",
      message: translate(locale, "errInvalid", { field: String(parsed.error.issues[0]?.path[0] ?? "?") }),
      fields,
    };
  }
  const password = generatePassword();
  try {
    await createUser({ ...parsed.data, password }, await actingUser(admin));
  } catch (error) {
    return { status: "error", message: accountErrorMessage(locale, error), fields };
  }
  revalidatePath("/admin/users");
  return {
    status: "ok",
    message: translate(locale, "userAdded", { email: parsed.data.email }),
    secret: password,
  };
}
