import "server-only";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

export const ESCALATION_REASON_SELECT = {
  id: true,
  code: true,
  labelAr: true,
  labelEn: true,
  position: true,
  active: true,
} satisfies Prisma.EscalationReasonSelect;

export type EscalationReason = Prisma.EscalationReasonGetPayload<{ select: typeof ESCALATION_REASON_SELECT }>;

export interface EscalationReasonWithUse extends EscalationReason {
  /** How many decisions cite it: why a reason is deactivated rather than deleted. */
  decisionCount: number;
}

/** Every escalation reason, active or not, in the order moderators see them (for the admin page). */
export async function listAllEscalationReasons(): Promise<EscalationReasonWithUse[]> {
  const rows = await getDb().escalationReason.findMany({
    select: { ...ESCALATION_REASON_SELECT, _count: { select: { decisions: true } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return rows.map(({ _count, ...reason }) => ({ ...reason, decisionCount: _count.decisions }));
}
