import "server-only";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

export type SecurityAction =
  | "sign_in"
  | "sign_in_failed"
  | "sign_in_throttled"
  | "sign_out"
  | "password_changed"
  | "user_created"
  | "role_changed"
  | "user_deactivated"
  | "user_reactivated"
  | "token_created"
  | "token_revoked";

export const SECURITY_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "sign_in_throttled",
  "sign_out",
  "password_changed",
  "user_created",
  "role_changed",
  "user_deactivated",
  "user_reactivated",
  "token_created",
  "token_revoked",
] as const satisfies readonly SecurityAction[];

/** Who did it, as far as we know. */
export interface AuditActor {
  userId?: string | null;
  tokenId?: string | null;
  /** Text that outlives the user or token: an email, `token:<name>`, `cli:<os user>`. */
  label?: string | null;
}

/** Where the request came from. */
export interface AuditOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEventInput {
  category: "security" | "moderation" | "lexicon";
  action: string;
  actor?: AuditActor;
  target?: { type: string; id: string | number | bigint } | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  origin?: AuditOrigin;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

/**
 * Writes one audit row. The moderation issue uses this with `category: "moderation"`; pass
 * the transaction client as `db` so the row commits or rolls back with the write it records.
 */
export async function recordAuditEvent(event: AuditEventInput, db: AuditWriter = getDb()): Promise<void> {
  await db.auditEvent.create({
    data: {
      category: event.category,
      action: event.action,
      actorUserId: event.actor?.userId ?? null,
      actorTokenId: event.actor?.tokenId ?? null,
      actorLabel: event.actor?.label?.slice(0, 320) ?? null,
      targetType: event.target?.type ?? null,
      targetId: event.target ? String(event.target.id) : null,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
      ip: event.origin?.ip?.slice(0, 100) ?? null,
      userAgent: event.origin?.userAgent?.slice(0, 500) ?? null,
    },
  });
}

/** A security event (sign-in, role change, token created …). Never put a password or token in `after`. */
export async function recordSecurityEvent(
  action: SecurityAction,
  details: Omit<AuditEventInput, "category" | "action"> = {},
  db: AuditWriter = getDb(),
): Promise<void> {
  await recordAuditEvent({ ...details, category: "security", action }, db);
}
