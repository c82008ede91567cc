import "server-only";
import { recordAuditEvent } from "../auth/audit.ts";
import type { StanceTarget } from "../classifier/types.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { Moderator } from "./decide-comments.ts";
import { ModerationInputError } from "./errors.ts";

export type StanceLabel = "favor" | "against" | "none";

/** What a moderator sets; an absent key is left as it was, null clears that label. */
export interface LabelChanges {
  insult?: boolean | null;
  sentiment?: "positive" | "negative" | "neutral" | null;
  stance?: Partial<Record<StanceTarget, StanceLabel | null>>;
}

export interface StoredLabel {
  insult: boolean | null;
  sentiment: "positive" | "negative" | "neutral" | null;
  stance: Partial<Record<StanceTarget, StanceLabel>>;
}

/**
 * Writes one moderator's labels on one comment (one row per comment and moderator), with the
 * classifier's output at this moment beside them, and an audit row with before and after.
 */
export async function labelComment(
  commentId: number,
  changes: LabelChanges,
  by: Moderator,
): Promise<StoredLabel> {
  return getDb().$transaction((tx) => writeCommentLabel(tx, commentId, changes, by));
}

/**
 * labelComment's write inside the caller's transaction, for writes that label as part of
 * something else (a Perspective client's correction). `via` names that channel in the audit row.
 */
export async function writeCommentLabel(
  tx: Prisma.TransactionClient,
  commentId: number,
  changes: LabelChanges,
  by: Moderator & { via?: string },
): Promise<StoredLabel> {
  const comment = await tx.comment.findUnique({
    where: { id: commentId },
    select: {
      insult: true,
      insultScore: true,
      sentiment: true,
      stance: true,
      classification: { select: { lexiconVersion: true } },
    },
  });
  if (!comment)
    throw new ModerationInputError(`comment ${commentId}: no such comment`, "comment", "not_found");
  const existing = await tx.commentLabel.findUnique({
    where: { commentId_userId: { commentId, userId: by.userId } },
    select: { insult: true, sentiment: true, stance: true },
  });
  const before: StoredLabel = {
    insult: existing?.insult ?? null,
    sentiment: existing?.sentiment ?? null,
    stance: (existing?.stance ?? {}) as StoredLabel["stance"],
  };
  const stance = { ...before.stance };
  for (const [target, side] of Object.entries(changes.stance ?? {}) as [StanceTarget, StanceLabel | null][]) {
    if (side === null) delete stance[target];
    else stance[target] = side;
  }
  const after: StoredLabel = {
    insult: changes.insult === undefined ? before.insult : changes.insult,
    sentiment: changes.sentiment === undefined ? before.sentiment : changes.sentiment,
    stance,
  };
  const snapshot = {
    classifierInsult: comment.insult,
    classifierInsultScore: comment.insultScore,
    classifierSentiment: comment.sentiment,
    classifierStance: (comment.stance ?? undefined) as Prisma.InputJsonValue | undefined,
    lexiconVersion: comment.classification?.lexiconVersion ?? null,
  };
  await tx.commentLabel.upsert({
    where: { commentId_userId: { commentId, userId: by.userId } },
    create: {
      commentId,
      userId: by.userId,
      insult: after.insult,
      sentiment: after.sentiment,
      stance,
      ...snapshot,
    },
    update: { insult: after.insult, sentiment: after.sentiment, stance, ...snapshot },
  });
  await recordAuditEvent(
    {
      category: "moderation",
      action: "comment_labelled",
      actor: by.actor,
      origin: by.origin,
      target: { type: "comment", id: commentId },
      before: existing ? (before as unknown as Prisma.InputJsonValue) : null,
      after: {
        ...after,
        lexiconVersion: snapshot.lexiconVersion,
        ...(by.via ? { via: by.via } : {}),
      } as unknown as Prisma.InputJsonValue,
    },
    tx,
  );
  return after;
}
