"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { REASON_LABEL_MAX, REASON_POSITION_MAX } from "@/lib/moderation/escalation-reason-input.ts";
import { updateEscalationReasonAction } from "@/lib/moderation/update-escalation-reason-action.ts";
import { submitKeepingValues } from "../../keep-form-values.ts";

export interface EscalationReasonRowLabels {
  labelAr: string;
  labelEn: string;
  position: string;
  active: string;
  inactive: string;
  save: string;
}

/**
 * One reason, edited in place. A form cannot wrap table cells, so the inputs join the form in
 * the last cell through their `form` attribute.
 */
export function EscalationReasonRow({
  initial,
  reason,
  decisionCount,
  labels,
}: {
  initial: ActionState;
  reason: { id: number; code: string; labelAr: string; labelEn: string; position: number; active: boolean };
  decisionCount: string;
  labels: EscalationReasonRowLabels;
}) {
  const [state, action, pending] = useActionState(updateEscalationReasonAction, initial);
  const formId = `reason-${reason.id}`;
  const about = (label: string) => `${label}: ${reason.code}`;
  return (
    <tr data-testid="reason-row" data-code={reason.code} data-status={reason.active ? "active" : "inactive"}>
      <td>
        <code dir="ltr">{reason.code}</code>
        {!reason.active && (
          <span className="meta" data-testid="reason-inactive">
            {" · "}
            {labels.inactive}
          </span>
        )}
      </td>
      <td>
        <input
          form={formId}
          name="labelAr"
          type="text"
          required
          maxLength={REASON_LABEL_MAX}
          dir="rtl"
          lang="ar"
          autoComplete="off"
          defaultValue={reason.labelAr}
          aria-label={about(labels.labelAr)}
        />
      </td>
      <td>
        <input
          form={formId}
          name="labelEn"
          type="text"
          required
          maxLength={REASON_LABEL_MAX}
          dir="ltr"
          lang="en"
          autoComplete="off"
          defaultValue={reason.labelEn}
          aria-label={about(labels.labelEn)}
        />
      </td>
      <td>
        <input
          form={formId}
          name="position"
          type="number"
          required
          min={0}
          max={REASON_POSITION_MAX}
          step={1}
          inputMode="numeric"
          defaultValue={reason.position}
          aria-label={about(labels.position)}
        />
      </td>
      <td>
        <input
          form={formId}
          name="active"
          type="checkbox"
          value="true"
          defaultChecked={reason.active}
          aria-label={about(labels.active)}
        />
      </td>
      <td className="num">{decisionCount}</td>
      <td>
        <form id={formId} action={action} onSubmit={submitKeepingValues(action)} className="inline">
          <input type="hidden" name="id" value={reason.id} />
          <button type="submit" disabled={pending} aria-label={about(labels.save)}>
            {labels.save}
          </button>
          {state.status !== "idle" && state.message && (
            <span
              role={state.status === "error" ? "alert" : "status"}
              className={state.status === "error" ? "error" : "ok"}
            >
              {state.message}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}
