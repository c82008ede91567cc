import "server-only";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { getPool } from "../db/pool.ts";

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

/** The audit row's columns from an event: labels and client details cut to their limits. */
function auditColumns(event: AuditEventInput) {
  return {
    category: event.category,
    action: event.action,
    actorUserId: event.actor?.userId ?? null,
    actorTokenId: event.actor?.tokenId ?? null,
    actorLabel: event.actor?.label?.slice(0, 320) ?? null,
    targetType: event.target?.type ?? null,
    targetId: event.target ? String(event.target.id) : null,
    ip: event.origin?.ip?.slice(0, 100) ?? null,
    userAgent: event.origin?.userAgent?.slice(0, 500) ?? null,
  };
}

/**
 * Writes one audit row. Pass the transaction client as `db` so the row commits or rolls back
 * with the write it records (the moderation writes do). Without one, the row is one INSERT on
 * the shared pg pool: a command that only needs to leave an audit row (`raqib export`) need
 * not start the Prisma client for it.
 */
export async function recordAuditEvent(event: AuditEventInput, db?: AuditWriter): Promise<void> {
  const row = auditColumns(event);
  if (db) {
    await db.auditEvent.create({
      data: { ...row, before: event.before ?? undefined, after: event.after ?? undefined },
    });
    return;
  }
  await getPool().query(
    `INSERT INTO audit_event (category, action, actor_user_id, actor_token_id, actor_label, target_type,
                              target_id, before, after, ip, user_agent)
     VALUES ($1::audit_category, $2, $3, $4::uuid, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
    [
      row.category,
      row.action,
      row.actorUserId,
      row.actorTokenId,
      row.actorLabel,
      row.targetType,
      row.targetId,
      event.before == null ? null : JSON.stringify(event.before),
      event.after == null ? null : JSON.stringify(event.after),
      row.ip,
      row.userAgent,
    ],
  );
}

/** A security event (sign-in, role change, token created …). Never put a password or token in `after`. */
export async function recordSecurityEvent(
  action: SecurityAction,
  details: Omit<AuditEventInput, "category" | "action"> = {},
  db: AuditWriter = getDb(),
): Promise<void> {
  await recordAuditEvent({ ...details, category: "security", action }, db);
}
