import "server-only";
import { type AuditActor, type AuditOrigin, recordAuditEvent } from "../auth/audit.ts";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { EscalationReasonInputError } from "./errors.ts";
import {
  escalationReasonInputError,
  type NewEscalationReason,
  newEscalationReasonSchema,
  REASON_POSITION_MAX,
} from "./escalation-reason-input.ts";
import { ESCALATION_REASON_SELECT, type EscalationReason } from "./list-all-escalation-reasons.ts";

/**
 * Adds an escalation reason (active; at the end of the list unless a position is given) and its
 * audit row, in one transaction. A code already in use is refused by name.
 */
export async function createEscalationReason(
  input: NewEscalationReason,
  by: { actor: AuditActor; origin?: AuditOrigin },
): Promise<EscalationReason> {
  const parsed = newEscalationReasonSchema.safeParse(input);
  if (!parsed.success) throw escalationReasonInputError(parsed.error, input);
  const { code, labelAr, labelEn } = parsed.data;
  try {
    return await getDb().$transaction(async (tx) => {
      const taken = await tx.escalationReason.findUnique({ where: { code }, select: { id: true } });
      if (taken) throw new EscalationReasonInputError("code", "taken", code);
      const last = await tx.escalationReason.aggregate({ _max: { position: true } });
      const position = parsed.data.position ?? Math.min((last._max.position ?? 0) + 1, REASON_POSITION_MAX);
      const created = await tx.escalationReason.create({
        data: { code, labelAr, labelEn, position, active: true },
        select: ESCALATION_REASON_SELECT,
      });
      const { id, ...after } = created;
      await recordAuditEvent(
        {
          category: "moderation",
          action: "escalation_reason_created",
          actor: by.actor,
          origin: by.origin,
          target: { type: "escalation_reason", id },
          after,
        },
        tx,
      );
      return created;
    });
  } catch (error) {
    // Two admins adding the same code at once: the unique index decides, the message is the same.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new EscalationReasonInputError("code", "taken", code);
    throw error;
  }
}
