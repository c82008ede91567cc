"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { createUserAction } from "@/lib/auth/create-user-action.ts";
import { submitKeepingValues } from "../../keep-form-values.ts";

export function AddUserForm({
  initial,
  roleOptions,
  labels,
}: {
  initial: ActionState;
  roleOptions: { value: string; label: string }[];
  labels: { email: string; name: string; role: string; submit: string; oneTimeHint: string };
}) {
  const [state, action, pending] = useActionState(createUserAction, initial);
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="stack"
      data-testid="add-user-form"
    >
      <label>
        {labels.email}
        <input
          name="email"
          type="email"
          required
          dir="ltr"
          autoComplete="off"
          defaultValue={state.fields?.email}
        />
      </label>
      <label>
        {labels.name}
        <input
          name="name"
          type="text"
          required
          dir="auto"
          autoComplete="off"
          defaultValue={state.fields?.name}
        />
      </label>
      <label>
        {labels.role}
        <select name="role" defaultValue={state.fields?.role || "analyst"}>
          {roleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {state.status === "error" && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.status === "ok" && state.secret && (
        <div role="status" className="secret" data-testid="one-time-password">
          <p>{state.message}</p>
          <code dir="ltr">{state.secret}</code>
          <p className="meta">{labels.oneTimeHint}</p>
        </div>
      )}
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
