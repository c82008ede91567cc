"use client";
import { type ReactNode, useActionState } from "react";
import { type ActionState, IDLE } from "@/lib/auth/action-state.ts";

/**
 * A small form around one server action: hidden fields, optional extra fields, one button, and
 * the action's answer next to it (errors as an alert). Works without JavaScript too.
 */
export function ActionForm({
  action,
  hidden = {},
  label,
  testId,
  className = "inline",
  children,
  buttonClass,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  label: string;
  testId?: string;
  className?: string;
  children?: ReactNode;
  buttonClass?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={className} data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" disabled={pending} className={buttonClass}>
        {label}
      </button>
      {state.status !== "idle" && state.message && (
        <output
          role={state.status === "error" ? "alert" : "status"}
          className={`${state.status} action-message`}
          data-testid={testId ? `${testId}-message` : undefined}
        >
          {state.message}
        </output>
      )}
    </form>
  );
}
