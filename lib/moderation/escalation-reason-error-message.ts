import "server-only";
import { type Locale, type MessageKey, translate } from "../i18n/messages.ts";
import { type EscalationReasonField, EscalationReasonInputError } from "./errors.ts";
import { REASON_LABEL_MAX, REASON_POSITION_MAX } from "./escalation-reason-input.ts";

const FIELD_LABEL: Record<EscalationReasonField, MessageKey> = {
  id: "reasonField",
  code: "reasonCode",
  labelAr: "reasonLabelAr",
  labelEn: "reasonLabelEn",
  position: "reasonPosition",
  active: "reasonActive",
};

/** A refused escalation reason as the admin reads it: which input, and why. The detail of anything else goes to the log. */
export function escalationReasonErrorMessage(locale: Locale, error: unknown): string {
  if (!(error instanceof EscalationReasonInputError)) {
    console.error("escalation reason write failed:", error);
    return translate(locale, "errReasonSaveFailed", {
      reason: error instanceof Error ? error.name : "error",
    });
  }
  const field = translate(locale, FIELD_LABEL[error.field]);
  const value = error.value ?? "";
  switch (error.problem) {
    case "taken":
      return translate(locale, "errReasonCodeTaken", { code: value });
    case "not_found":
      return translate(locale, "errReasonNotFound", { id: value || "?" });
    case "format":
      return translate(locale, "errReasonCodeFormat", { field, value });
    case "empty":
      return translate(locale, "errReasonEmpty", { field });
    case "too_long":
      return translate(locale, "errReasonTooLong", { field, max: REASON_LABEL_MAX });
    case "not_integer":
    case "out_of_range":
      return translate(locale, "errReasonPosition", { field, max: REASON_POSITION_MAX });
    default:
      return translate(locale, "errInvalid", { field });
  }
}
