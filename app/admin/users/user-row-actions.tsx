"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { changeRoleAction } from "@/lib/auth/change-role-action.ts";
import { setUserActiveAction } from "@/lib/auth/set-user-active-action.ts";

export function UserRowActions({
  initial,
  userId,
  email,
  role,
  active,
  isSelf,
  roleOptions,
  labels,
}: {
  initial: ActionState;
  userId: string;
  email: string;
  role: string;
  active: boolean;
  isSelf: boolean;
  roleOptions: { value: string; label: string }[];
  labels: { role: string; saveRole: string; deactivate: string; reactivate: string };
}) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, initial);
  const [activeState, activeAction, activePending] = useActionState(setUserActiveAction, initial);
  const message = [roleState, activeState].find((s) => s.status !== "idle");
  return (
    <div className="row-actions">
      <form action={roleAction} className="inline">
        <input type="hidden" name="userId" value={userId} />
        <select name="role" defaultValue={role} aria-label={`${labels.role}: ${email}`}>
          {roleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="submit" disabled={rolePending}>
          {labels.saveRole}
        </button>
      </form>
      {!isSelf && (
        <form action={activeAction} className="inline">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          <button type="submit" disabled={activePending} className={active ? "danger" : undefined}>
            {active ? labels.deactivate : labels.reactivate}
          </button>
        </form>
      )}
      {message?.message && (
        <p
          role={message.status === "error" ? "alert" : "status"}
          className={message.status === "error" ? "error" : "ok"}
        >
          {message.message}
        </p>
      )}
    </div>
  );
}
