import "server-only";
import { actorLabel } from "../auth/session-user.ts";
import type { ClassifierResult } from "../classifier/index.ts";
import { currentDatabaseUrl, getDb } from "../db/client.ts";
import { commentBodyHash } from "../ingest/hash.ts";
import { insertComments } from "../ingest/insert-comments.ts";
import type { TokenActor } from "./authenticate-perspective-request.ts";
import { perspectiveArticleHash, perspectiveArticleTitle } from "./perspective-article.ts";

interface ResolvedArticle {
  id: number;
  contentHash: string;
}

/**
 * Per process and database: token → source, (source, community) → article. These rows are made
 * once and never change, so a busy token pays for one comment insert per call, not five.
 */
const sources = new Map<string, number>();
const articles = new Map<string, ResolvedArticle>();

/** The token's source; a token made without one gets a source named after it, kept on the token. */
async function resolveSource(actor: TokenActor): Promise<number> {
  if (actor.sourceId != null) return actor.sourceId;
  const key = `${currentDatabaseUrl()}\u0000${actor.tokenId}`;
  const cached = sources.get(key);
  if (cached !== undefined) return cached;
  const sourceId = await getDb().$transaction(async (tx) => {
    const source = await tx.source.upsert({
      where: { name: actor.name },
      create: { name: actor.name },
      update: {},
      select: { id: true },
    });
    await tx.apiToken.updateMany({
      where: { id: actor.tokenId, sourceId: null },
      data: { sourceId: source.id },
    });
    const token = await tx.apiToken.findUnique({ where: { id: actor.tokenId }, select: { sourceId: true } });
    return token?.sourceId ?? source.id;
  });
  sources.set(key, sourceId);
  return sourceId;
}

async function resolveArticle(sourceId: number, communityId: string | null): Promise<ResolvedArticle> {
  const contentHash = perspectiveArticleHash(sourceId, communityId);
  const key = `${currentDatabaseUrl()}\u0000${contentHash}`;
  const cached = articles.get(key);
  if (cached) return cached;
  const db = getDb();
  await db.$executeRaw`
    INSERT INTO article (source_id, title, body, content_hash)
    VALUES (${sourceId}, ${perspectiveArticleTitle(communityId)}, '', ${contentHash})
    ON CONFLICT (content_hash) DO NOTHING`;
  const row = await db.article.findUniqueOrThrow({ where: { contentHash }, select: { id: true } });
  const resolved = { id: row.id, contentHash };
  articles.set(key, resolved);
  return resolved;
}

/**
 * Files an analyzed comment for moderation, as an ingest of one comment through the same insert
 * as every other ingest (deduplicated by body hash), with its own ingest_run row (via "http").
 * Returns whether it was new.
 */
export async function storeAnalyzedComment(input: {
  actor: TokenActor;
  text: string;
  communityId: string | null;
  classification: ClassifierResult;
}): Promise<{ added: boolean }> {
  const sourceId = await resolveSource(input.actor);
  const article = await resolveArticle(sourceId, input.communityId);
  const bodyHash = commentBodyHash(article.contentHash, { author: null, title: null, body: input.text });
  const added = await getDb().$transaction(async (tx) => {
    // The run row and the next position in one round trip.
    const [run] = await tx.$queryRaw<{ id: number; position: number }[]>`
      INSERT INTO ingest_run (actor, via, inputs, status, finished_at)
      VALUES (${actorLabel(input.actor)}, 'http', '["perspective:comments:analyze"]'::jsonb, 'succeeded', now())
      RETURNING id, (SELECT COALESCE(max(position), 0) + 1 FROM comment WHERE article_id = ${article.id})::int AS position`;
    if (!run) throw new Error("ingest_run insert returned no row");
    const inserted = await insertComments(tx, [
      {
        articleId: article.id,
        position: run.position,
        title: null,
        author: null,
        body: input.text,
        bodyHash,
        postedAt: null,
        ingestRunId: run.id,
        classification: input.classification,
      },
    ]);
    await tx.$executeRaw`
      UPDATE ingest_run SET comments_added = ${inserted}, duplicates = ${1 - inserted} WHERE id = ${run.id}`;
    return inserted === 1;
  });
  return { added };
}
