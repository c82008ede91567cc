import "server-only";
import { headers } from "next/headers";
import type { AuditActor, AuditOrigin } from "./audit.ts";
import { auditOrigin } from "./request-origin.ts";
import type { SessionUser } from "./session-user.ts";

/** The audit `by` for a write a signed-in user makes through a page. */
export async function actingUser(user: SessionUser): Promise<{ actor: AuditActor; origin: AuditOrigin }> {
  return { actor: { userId: user.id, label: user.email }, origin: auditOrigin(await headers()) };
}
