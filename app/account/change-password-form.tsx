"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { changePasswordAction } from "@/lib/auth/change-password-action.ts";
import { submitKeepingValues } from "../keep-form-values.ts";

export function ChangePasswordForm({
  initial,
  labels,
}: {
  initial: ActionState;
  labels: { current: string; next: string; submit: string };
}) {
  const [state, action, pending] = useActionState(changePasswordAction, initial);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="stack">
      <label>
        {labels.current}
        <input name="currentPassword" type="password" autoComplete="current-password" required dir="ltr" />
      </label>
      <label>
        {labels.next}
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          dir="ltr"
        />
      </label>
      {state.message && (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={state.status === "error" ? "error" : "ok"}
        >
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
