import "server-only";
import { createHash } from "node:crypto";
import { actorLabel } from "../auth/session-user.ts";
import { getDb } from "../db/client.ts";
import { commentBodyHash, normaliseForHash } from "../ingest/hash.ts";
import type { TokenActor } from "./authenticate-perspective-request.ts";
import { perspectiveArticleHash } from "./perspective-article.ts";

/** sha256 of the text as ingest normalises it (Unicode form, white space), to group repeats. */
export function correctionTextHash(text: string): string {
  return createHash("sha256").update(normaliseForHash(text), "utf8").digest("hex");
}

/**
 * Records a client's suggested scores. Coral sends no id of the earlier analyze call, so the
 * comment is found by its text: the body hash it would have under this token's source's
 * Perspective articles (the client's community, then the default one). Only the token's own
 * source is searched, so one newsroom's corrections never land on another's comments.
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
  const row = await db.clientCorrection.create({
    data: {
      textHash: correctionTextHash(input.text),
      text: input.text,
      language: input.language,
      attributeScores: input.scores,
      abusive: Object.values(input.scores).some((value) => value >= 0.5),
      commentId,
      tokenId: input.actor.tokenId,
      actorLabel: actorLabel(input.actor),
      clientToken: input.clientToken,
      communityId: input.communityId,
    },
    select: { id: true },
  });
  return { id: row.id, commentId };
}
