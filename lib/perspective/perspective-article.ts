import { createHash } from "node:crypto";

/** The title of the article that Perspective-compatible calls of a source are filed under. */
export const PERSPECTIVE_ARTICLE_TITLE = "Perspective API";

/**
 * The identity of the article holding a source's analyzed comments: one per source, and one
 * more per communityId the client names (Coral names its tenant). Deterministic, so
 * suggestscore can find the comment's body hash without a lookup.
 */
export function perspectiveArticleHash(sourceId: number, communityId: string | null): string {
  return createHash("sha256")
    .update(["perspective-article", String(sourceId), communityId ?? ""].join("\u0000"), "utf8")
    .digest("hex");
}

export function perspectiveArticleTitle(communityId: string | null): string {
  return communityId ? `${PERSPECTIVE_ARTICLE_TITLE} · ${communityId}` : PERSPECTIVE_ARTICLE_TITLE;
}
