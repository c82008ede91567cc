"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { signInAction } from "@/lib/auth/sign-in-action.ts";
import { submitKeepingValues } from "../keep-form-values.ts";

export function SignInForm({
  initial,
  next,
  labels,
}: {
  initial: ActionState;
  next: string;
  labels: { email: string; password: string; submit: string };
}) {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="stack">
      <input type="hidden" name="next" value={next} />
      <label>
        {labels.email}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          dir="ltr"
          defaultValue={state.fields?.email ?? ""}
        />
      </label>
      <label>
        {labels.password}
        <input name="password" type="password" autoComplete="current-password" required dir="ltr" />
      </label>
      {state.status === "error" && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
