import "server-only";
import { recordAuditEvent } from "../auth/audit.ts";
import { getDb } from "../db/client.ts";
import {
  type DecisionOutcome,
  type Moderator,
  readConflicts,
  type VersionedComment,
} from "./decide-comments.ts";
import type { CommentStatus } from "./queue-params.ts";

/**
 * Undoes this moderator's latest decision on each comment: the comment goes back to the status
 * it had. Only when nothing happened to the comment since (same version, and the latest
 * decision is theirs and not itself an undo); otherwise it comes back as a conflict.
 */
export async function undoDecisions(items: VersionedComment[], by: Moderator): Promise<DecisionOutcome> {
  return getDb().$transaction(async (tx) => {
    const undone = await tx.$queryRawUnsafe<
      { id: number; fromStatus: CommentStatus; status: CommentStatus; version: number }[]
    >(
      `WITH latest AS (
         SELECT DISTINCT ON (d.comment_id) d.comment_id, d.user_id, d.from_status, d.undo
           FROM comment_decision d WHERE d.comment_id = ANY($1::int[])
          ORDER BY d.comment_id, d.created_at DESC, d.id DESC)
       UPDATE comment c SET status = latest.from_status, version = c.version + 1
         FROM comment o JOIN unnest($1::int[], $2::int[]) AS t(id, version) ON t.id = o.id
              JOIN latest ON latest.comment_id = o.id
        WHERE c.id = o.id AND c.version = t.version AND latest.user_id = $3 AND NOT latest.undo
        RETURNING c.id, o.status::text AS "fromStatus", c.status::text AS status, c.version`,
      items.map((i) => i.id),
      items.map((i) => i.version),
      by.userId,
    );
    if (undone.length > 0) {
      await tx.commentDecision.createMany({
        data: undone.map((d) => ({
          commentId: d.id,
          userId: by.userId,
          fromStatus: d.fromStatus,
          toStatus: d.status,
          undo: true,
        })),
      });
      for (const d of undone) {
        await recordAuditEvent(
          {
            category: "moderation",
            action: "comment_decision_undone",
            actor: by.actor,
            origin: by.origin,
            target: { type: "comment", id: d.id },
            before: { status: d.fromStatus, version: d.version - 1 },
            after: { status: d.status, version: d.version },
          },
          tx,
        );
      }
    }
    const written = new Set(undone.map((d) => d.id));
    const conflicts = await readConflicts(
      tx,
      items.filter((i) => !written.has(i.id)).map((i) => i.id),
    );
    return { decided: undone, conflicts };
  });
}
