/** A request the caller can fix (bad email, last admin …): the message is shown as is. */
export class AccountInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AccountInputError";
  }
}
