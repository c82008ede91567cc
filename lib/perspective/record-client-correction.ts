import "server-only";
import { createHash } from "node:crypto";
import { actorLabel } from "../auth/session-user.ts";
import { STANCE_TARGETS } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { commentBodyHash, normaliseForHash } from "../ingest/hash.ts";
import { type StoredLabel, writeCommentLabel } from "../moderation/label-comment.ts";
import type { TokenActor } from "./authenticate-perspective-request.ts";
import { labelFromCorrection } from "./label-from-correction.ts";
import { perspectiveArticleHash } from "./perspective-article.ts";

/** sha256 of the text as ingest normalises it (Unicode form, white space), to group repeats. */
export function correctionTextHash(text: string): string {
  return createHash("sha256").update(normaliseForHash(text), "utf8").digest("hex");
}

/**
 * Records a client's suggested scores. Coral sends no id of the earlier analyze call, so the
 * comment is found by its text: the body hash it would have under this token's source's
 * Perspective articles (the client's community, then the default one). Only the token's own
 * source is searched, so one newsroom's corrections never land on another's comments. On a found
 * comment the correction is also stored as a human label (labelFromCorrection), by the token's
 * placeholder user, so it counts in the queue, the analytics and the lexicon's suggestions.
 */
export async function recordClientCorrection(input: {
  actor: TokenActor;
  text: string;
  language: string;
  scores: Record<string, number>;
  clientToken: string | null;
  communityId: string | null;
}): Promise<{ id: number; commentId: number | null }> {
  const db = getDb();
  const sourceId =
    input.actor.sourceId ??
    (await db.apiToken.findUnique({ where: { id: input.actor.tokenId }, select: { sourceId: true } }))
      ?.sourceId ??
    null;
  let commentId: number | null = null;
  if (sourceId !== null) {
    const communities = [...new Set([input.communityId, null])];
    const hashes = communities.map((community) =>
      commentBodyHash(perspectiveArticleHash(sourceId, community), {
        author: null,
        title: null,
        body: input.text,
      }),
    );
    const found = await db.comment.findFirst({
      where: { bodyHash: { in: hashes } },
      select: { id: true },
      orderBy: { id: "desc" },
    });
    commentId = found?.id ?? null;
  }
  const label = commentId === null ? null : labelFromCorrection(input.scores);
  const by = actorLabel(input.actor);
  return db.$transaction(async (tx) => {
    const row = await tx.clientCorrection.create({
      data: {
        textHash: correctionTextHash(input.text),
        text: input.text,
        language: input.language,
        attributeScores: input.scores,
        abusive: Object.values(input.scores).some((value) => value >= 0.5),
        commentId,
        tokenId: input.actor.tokenId,
        actorLabel: by,
        clientToken: input.clientToken,
        communityId: input.communityId,
      },
      select: { id: true },
    });
    if (commentId !== null && label !== null)
      await storeCorrectionLabel(tx, commentId, label, { tokenId: input.actor.tokenId, label: by });
    return { id: row.id, commentId };
  });
}

/** The user a token's corrections are labelled by: `token:<id>`, inactive, never able to sign in. */
export function correctionUserId(tokenId: string): string {
  return `token:${tokenId}`;
}

/**
 * Stores the correction as the token's label on the comment (one per comment and token, the
 * latest correction wins: targets it does not name are cleared), through the moderators' own
 * label write (classifier snapshot, audit row). The token's placeholder user is created on its
 * first correction.
 */
async function storeCorrectionLabel(
  tx: Prisma.TransactionClient,
  commentId: number,
  label: StoredLabel,
  actor: { tokenId: string; label: string },
): Promise<void> {
  const userId = correctionUserId(actor.tokenId);
  await tx.user.upsert({
    where: { id: userId },
    create: {
      id: userId,
      name: `Perspective client ${actor.label}`.slice(0, 250),
      email: `${actor.tokenId}@tokens.raqib.invalid`,
      role: "moderator",
      active: false,
      deactivatedAt: new Date(),
    },
    update: {},
  });
  await writeCommentLabel(
    tx,
    commentId,
    {
      insult: label.insult,
      sentiment: label.sentiment,
      stance: Object.fromEntries(STANCE_TARGETS.map((t) => [t, label.stance[t] ?? null])),
    },
    { userId, actor: { tokenId: actor.tokenId, label: actor.label }, via: "suggestscore" },
  );
}
