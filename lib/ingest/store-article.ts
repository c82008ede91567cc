import "server-only";
import type { ClassifierResult } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { articleContentHash, commentBodyHash } from "./hash.ts";
import { type CommentInsert, insertComments } from "./insert-comments.ts";
import type { ParsedArticle } from "./parse-article.ts";

/** Classifies a comment as it is stored; null leaves it for `raqib reclassify`. */
export type ClassifyText = (text: string) => ClassifierResult | null;

export interface StoredArticleResult {
  articleId: number | null;
  articleAdded: boolean;
  commentsAdded: number;
  duplicates: number;
}

/**
 * Stores one parsed article with its comments in one transaction: either all of it lands or
 * none of it does. An article already stored (same content hash) adds nothing.
 */
export async function storeArticle(input: {
  parsed: ParsedArticle;
  rawText: string | null;
  /** The article's address, when the input gives one (the HTTP API's JSON articles). */
  url?: string | null;
  fileName: string | null;
  ingestRunId: number;
  classify?: ClassifyText;
}): Promise<StoredArticleResult> {
  const { parsed } = input;
  const contentHash = articleContentHash(parsed);
  // Classify before the transaction opens: it is CPU work and should not hold a connection.
  const comments = parsed.comments.map((comment) => ({
    comment,
    classification: input.classify?.(comment.body) ?? null,
  }));
  return getDb().$transaction(async (tx) => {
    let sourceId: number | null = null;
    if (parsed.source) {
      const source = await tx.source.upsert({
        where: { name: parsed.source },
        create: { name: parsed.source },
        update: {},
        select: { id: true },
      });
      sourceId = source.id;
    }
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO article (source_id, title, body, url, content_hash, raw_text, file_name, ingest_run_id)
      VALUES (${sourceId}, ${parsed.title}, ${parsed.body}, ${input.url ?? null}, ${contentHash}, ${input.rawText}, ${input.fileName}, ${input.ingestRunId})
      ON CONFLICT (content_hash) DO NOTHING
      RETURNING id`;
    const articleId = inserted[0]?.id;
    if (articleId === undefined) {
      const existing = await tx.article.findUnique({ where: { contentHash }, select: { id: true } });
      return {
        articleId: existing?.id ?? null,
        articleAdded: false,
        commentsAdded: 0,
        duplicates: 1 + comments.length,
      };
    }
    const rows: CommentInsert[] = comments.map(({ comment, classification }, index) => ({
      articleId,
      position: index + 1,
      title: comment.title,
      author: comment.author,
      body: comment.body,
      bodyHash: commentBodyHash(contentHash, comment),
      postedAt: null,
      ingestRunId: input.ingestRunId,
      classification,
    }));
    const commentsAdded = await insertComments(tx, rows);
    return { articleId, articleAdded: true, commentsAdded, duplicates: comments.length - commentsAdded };
  });
}
