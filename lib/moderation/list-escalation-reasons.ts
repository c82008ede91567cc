import "server-only";
import { getDb } from "../db/client.ts";

export interface EscalationReasonOption {
  id: number;
  code: string;
  labelAr: string;
  labelEn: string;
}

/** The active escalation reasons, in their configured order. */
export async function listEscalationReasons(): Promise<EscalationReasonOption[]> {
  return getDb().escalationReason.findMany({
    where: { active: true },
    select: { id: true, code: true, labelAr: true, labelEn: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
}
