"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { revokeTokenAction } from "@/lib/auth/revoke-token-action.ts";

export function RevokeTokenButton({
  initial,
  tokenId,
  name,
  label,
}: {
  initial: ActionState;
  tokenId: string;
  name: string;
  label: string;
}) {
  const [state, action, pending] = useActionState(revokeTokenAction, initial);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" className="danger" disabled={pending} aria-label={`${label}: ${name}`}>
        {label}
      </button>
      {state.status === "error" && (
        <span role="alert" className="error">
          {state.message}
        </span>
      )}
    </form>
  );
}
