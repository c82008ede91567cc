"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "../auth/action-state.ts";
import { actingUser } from "../auth/admin-actor.ts";
import { requireUser } from "../auth/require-user.ts";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import { escalationReasonErrorMessage } from "./escalation-reason-error-message.ts";
import { escalationReasonChangesSchema, escalationReasonInputError } from "./escalation-reason-input.ts";
import { readEscalationReasonForm } from "./read-escalation-reason-form.ts";
import { updateEscalationReason } from "./update-escalation-reason.ts";

/** Admins edit a reason's labels and position, or (de)activate it, from its row on the admin page. */
export async function updateEscalationReasonAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const admin = await requireUser("users:manage");
  const locale = await getLocale();
  const { id, labelAr, labelEn, position, active } = readEscalationReasonForm(formData);
  const input = { id, labelAr, labelEn, position, active };
  const parsed = escalationReasonChangesSchema.safeParse(input);
  if (!parsed.success)
    return {
      status: "error",
      message: escalationReasonErrorMessage(locale, escalationReasonInputError(parsed.error, input)),
    };
  try {
    const { changed } = await updateEscalationReason(parsed.data, await actingUser(admin));
    if (!changed) return { status: "ok", message: translate(locale, "reasonUnchanged") };
    revalidatePath("/admin/escalation-reasons");
    revalidatePath("/moderation");
    return { status: "ok", message: translate(locale, "saved") };
  } catch (error) {
    return { status: "error", message: escalationReasonErrorMessage(locale, error) };
  }
}
