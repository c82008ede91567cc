/** What a form's server action hands back to the form (useActionState). */
export interface ActionState {
  status: "idle" | "ok" | "error";
  /** Already in the reader's language. */
  message?: string;
  /** A one-time secret (new password, new token) to show once. */
  secret?: string;
  /** What the user typed, to refill the form after a refusal (React resets forms after an action). */
  fields?: Record<string, string>;
}

export const IDLE: ActionState = { status: "idle" };
