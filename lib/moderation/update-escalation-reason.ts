import "server-only";
import { type AuditActor, type AuditOrigin, recordAuditEvent } from "../auth/audit.ts";
import { getDb } from "../db/client.ts";
import { EscalationReasonInputError } from "./errors.ts";
import {
  type EscalationReasonChanges,
  escalationReasonChangesSchema,
  escalationReasonInputError,
} from "./escalation-reason-input.ts";
import { ESCALATION_REASON_SELECT, type EscalationReason } from "./list-all-escalation-reasons.ts";

/**
 * Changes a reason's labels, position or active flag, with an audit row holding before and
 * after, in one transaction. Deactivating hides the reason from moderators; decisions that cite
 * it keep it. Saving without a change writes nothing.
 */
export async function updateEscalationReason(
  input: EscalationReasonChanges,
  by: { actor: AuditActor; origin?: AuditOrigin },
): Promise<{ reason: EscalationReason; changed: boolean }> {
  const parsed = escalationReasonChangesSchema.safeParse(input);
  if (!parsed.success) throw escalationReasonInputError(parsed.error, input);
  const { id, ...changes } = parsed.data;
  return getDb().$transaction(async (tx) => {
    // Lock the row so that two admins saving at once each record the "before" they replaced.
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM escalation_reason WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw new EscalationReasonInputError("id", "not_found", String(id));
    const current = await tx.escalationReason.findUniqueOrThrow({
      where: { id },
      select: ESCALATION_REASON_SELECT,
    });
    const { id: _id, ...before } = current;
    const after = { ...before, ...changes };
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).some(
      (key) => before[key] !== after[key],
    );
    if (!changed) return { reason: current, changed: false };
    const reason = await tx.escalationReason.update({
      where: { id },
      data: changes,
      select: ESCALATION_REASON_SELECT,
    });
    await recordAuditEvent(
      {
        category: "moderation",
        action: "escalation_reason_updated",
        actor: by.actor,
        origin: by.origin,
        target: { type: "escalation_reason", id },
        before,
        after,
      },
      tx,
    );
    return { reason, changed: true };
  });
}
