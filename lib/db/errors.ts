/** The database could not be set up or reached: a one-line message for the user, no stack trace. */
export class DatabaseSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseSetupError";
  }
}
