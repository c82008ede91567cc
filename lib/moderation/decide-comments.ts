import "server-only";
import { type AuditActor, type AuditOrigin, recordAuditEvent } from "../auth/audit.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { ModerationInputError } from "./errors.ts";
import type { CommentStatus } from "./queue-params.ts";

export const DECISIONS = ["approve", "reject", "escalate"] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_STATUS: Record<Decision, CommentStatus> = {
  approve: "approved",
  reject: "rejected",
  escalate: "escalated",
};

/** A comment as the moderator saw it: the version guards against overwriting someone else. */
export interface VersionedComment {
  id: number;
  version: number;
}

export interface DecidedComment {
  id: number;
  fromStatus: CommentStatus;
  status: CommentStatus;
  version: number;
}

export interface ConflictedComment {
  id: number;
  status: CommentStatus;
  version: number;
  /** Name of whoever made the latest decision, when there is one. */
  decidedBy: string | null;
}

export interface DecisionOutcome {
  decided: DecidedComment[];
  /** Comments changed by someone else since they were loaded (or deleted): left as they are. */
  conflicts: ConflictedComment[];
}

export interface Moderator {
  userId: string;
  actor: AuditActor;
  origin?: AuditOrigin;
}

/** Current state of comments that could not be written, for the conflict message. */
export async function readConflicts(
  tx: Prisma.TransactionClient,
  ids: number[],
): Promise<ConflictedComment[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<ConflictedComment[]>(
    `SELECT c.id, c.status::text AS status, c.version,
            (SELECT u.name FROM comment_decision d JOIN "user" u ON u.id = d.user_id
              WHERE d.comment_id = c.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) AS "decidedBy"
       FROM comment c WHERE c.id = ANY($1::int[]) ORDER BY c.id`,
    ids,
  );
  return rows;
}

/**
 * Approves, rejects or escalates comments. Each is written only if its version is still the
 * one the moderator saw (optimistic concurrency); the others come back as conflicts with
 * their current state. Every written comment gets a decision row and an audit row, in the
 * same transaction.
 */
export async function decideComments(
  items: VersionedComment[],
  decision: Decision,
  by: Moderator,
  options: { escalationReasonId?: number | null } = {},
): Promise<DecisionOutcome> {
  const status = DECISION_STATUS[decision];
  const reasonId = decision === "escalate" ? (options.escalationReasonId ?? null) : null;
  return getDb().$transaction(async (tx) => {
    if (reasonId !== null) {
      const reason = await tx.escalationReason.findFirst({ where: { id: reasonId, active: true } });
      if (!reason) throw new ModerationInputError("reason: no such escalation reason", "reason", "not_found");
    }
    const decided = await tx.$queryRawUnsafe<DecidedComment[]>(
      `UPDATE comment c SET status = $3::moderation_status, version = c.version + 1
         FROM comment o JOIN unnest($1::int[], $2::int[]) AS t(id, version) ON t.id = o.id
        WHERE c.id = o.id AND c.version = t.version
        RETURNING c.id, o.status::text AS "fromStatus", c.status::text AS status, c.version`,
      items.map((i) => i.id),
      items.map((i) => i.version),
      status,
    );
    if (decided.length > 0) {
      await tx.commentDecision.createMany({
        data: decided.map((d) => ({
          commentId: d.id,
          userId: by.userId,
          fromStatus: d.fromStatus,
          toStatus: d.status,
          escalationReasonId: reasonId,
        })),
      });
      for (const d of decided) {
        await recordAuditEvent(
          {
            category: "moderation",
            action: `comment_${status}`,
            actor: by.actor,
            origin: by.origin,
            target: { type: "comment", id: d.id },
            before: { status: d.fromStatus, version: d.version - 1 },
            after: {
              status: d.status,
              version: d.version,
              ...(reasonId ? { escalationReasonId: reasonId } : {}),
            },
          },
          tx,
        );
      }
    }
    const written = new Set(decided.map((d) => d.id));
    const conflicts = await readConflicts(
      tx,
      items.filter((i) => !written.has(i.id)).map((i) => i.id),
    );
    return { decided, conflicts };
  });
}
