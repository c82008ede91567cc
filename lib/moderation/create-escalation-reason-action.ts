"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "../auth/action-state.ts";
import { actingUser } from "../auth/admin-actor.ts";
import { requireUser } from "../auth/require-user.ts";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import { createEscalationReason } from "./create-escalation-reason.ts";
import { escalationReasonErrorMessage } from "./escalation-reason-error-message.ts";
import { escalationReasonInputError, newEscalationReasonSchema } from "./escalation-reason-input.ts";
import { readEscalationReasonForm } from "./read-escalation-reason-form.ts";

/** Admins add an escalation reason; moderators see it in the escalate list at once. */
export async function createEscalationReasonAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const admin = await requireUser("users:manage");
  const locale = await getLocale();
  const { code, labelAr, labelEn, position } = readEscalationReasonForm(formData);
  const input = { code, labelAr, labelEn, position };
  const parsed = newEscalationReasonSchema.safeParse(input);
  if (!parsed.success)
    return {
      status: "error",
      message: escalationReasonErrorMessage(locale, escalationReasonInputError(parsed.error, input)),
    };
  try {
    const created = await createEscalationReason(parsed.data, await actingUser(admin));
    revalidatePath("/admin/escalation-reasons");
    revalidatePath("/moderation");
    return { status: "ok", message: translate(locale, "reasonCreated", { code: created.code }) };
  } catch (error) {
    return { status: "error", message: escalationReasonErrorMessage(locale, error) };
  }
}
