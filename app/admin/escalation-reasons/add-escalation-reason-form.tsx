"use client";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { createEscalationReasonAction } from "@/lib/moderation/create-escalation-reason-action.ts";
import { REASON_LABEL_MAX, REASON_POSITION_MAX } from "@/lib/moderation/escalation-reason-input.ts";
import { submitKeepingValues } from "../../keep-form-values.ts";

export function AddEscalationReasonForm({
  initial,
  labels,
}: {
  initial: ActionState;
  labels: {
    code: string;
    codeHint: string;
    labelAr: string;
    labelEn: string;
    position: string;
    positionHint: string;
    submit: string;
  };
}) {
  const [state, action, pending] = useActionState(createEscalationReasonAction, initial);
  const form = useRef<HTMLFormElement>(null);
  // Keep what was typed when the server refuses it; empty the form once the reason is added.
  useEffect(() => {
    if (state.status === "ok") form.current?.reset();
  }, [state]);
  return (
    <form
      ref={form}
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="stack"
      data-testid="add-reason-form"
    >
      <label>
        {labels.code}
        <input
          name="code"
          type="text"
          required
          minLength={2}
          maxLength={40}
          pattern="[a-z0-9_]{2,40}"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="reason-code-hint"
        />
      </label>
      <p id="reason-code-hint" className="meta">
        {labels.codeHint}
      </p>
      <label>
        {labels.labelAr}
        <input
          name="labelAr"
          type="text"
          required
          maxLength={REASON_LABEL_MAX}
          dir="rtl"
          lang="ar"
          autoComplete="off"
        />
      </label>
      <label>
        {labels.labelEn}
        <input
          name="labelEn"
          type="text"
          required
          maxLength={REASON_LABEL_MAX}
          dir="ltr"
          lang="en"
          autoComplete="off"
        />
      </label>
      <label>
        {labels.position}
        <input
          name="position"
          type="number"
          min={0}
          max={REASON_POSITION_MAX}
          step={1}
          inputMode="numeric"
          aria-describedby="reason-position-hint"
        />
      </label>
      <p id="reason-position-hint" className="meta">
        {labels.positionHint}
      </p>
      {state.status === "error" && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.status === "ok" && (
        <p role="status" className="ok">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
