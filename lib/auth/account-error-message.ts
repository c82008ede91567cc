import "server-only";
import { type Locale, translate } from "../i18n/messages.ts";
import { AccountInputError } from "./errors.ts";

/** The reader-facing text for a refused account request; anything unexpected is rethrown. */
export function accountErrorMessage(locale: Locale, error: unknown): string {
  if (!(error instanceof AccountInputError)) throw error;
  switch (error.code) {
    case "email_taken":
      return translate(locale, "errEmailTaken");
    case "last_admin":
      return translate(locale, "errLastAdmin");
    case "self_deactivate":
      return translate(locale, "errSelfDeactivate");
    default:
      return translate(locale, "errInvalid", { field: error.field ?? "?" });
  }
}
