"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { createTokenAction } from "@/lib/auth/create-token-action.ts";
import { submitKeepingValues } from "../../keep-form-values.ts";

export function CreateTokenForm({
  initial,
  scopes,
  labels,
}: {
  initial: ActionState;
  scopes: { value: string; label: string }[];
  labels: { name: string; scopes: string; submit: string };
}) {
  const [state, action, pending] = useActionState(createTokenAction, initial);
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="stack"
      data-testid="create-token-form"
    >
      <label>
        {labels.name}
        <input name="name" type="text" required maxLength={100} dir="auto" autoComplete="off" />
      </label>
      <fieldset>
        <legend>{labels.scopes}</legend>
        {scopes.map((scope) => (
          <label key={scope.value} className="check">
            <input type="checkbox" name="scopes" value={scope.value} /> {scope.label}
          </label>
        ))}
      </fieldset>
      {state.status === "error" && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.status === "ok" && state.secret && (
        <div role="status" className="secret" data-testid="new-token">
          <p>{state.message}</p>
          <code dir="ltr">{state.secret}</code>
        </div>
      )}
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
