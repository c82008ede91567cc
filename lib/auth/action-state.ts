/** What a form's server action hands back to the form (useActionState). */
export interface ActionState {
  status: "idle" | "ok" | "error";
  /** Already in the reader's language. */
  message?: string;
  /** A one-time secret (new password, new token) to show once. */
  secret?: string;
}

export const IDLE: ActionState = { status: "idle" };
