/** Why an account request was refused, for the UI to say it in the reader's language. */
export type AccountErrorCode = "invalid" | "email_taken" | "last_admin" | "self_deactivate" | "not_found";

/** A request the caller can fix (bad email, last admin …): `message` names the input and the reason. */
export class AccountInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly code: AccountErrorCode = "invalid",
  ) {
    super(message);
    this.name = "AccountInputError";
  }
}
