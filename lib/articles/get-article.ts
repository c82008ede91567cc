import "server-only";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

const articleDetailSelect = {
  id: true,
  title: true,
  body: true,
  url: true,
  publishedAt: true,
  createdAt: true,
  source: { select: { name: true } },
  comments: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      title: true,
      author: true,
      body: true,
      language: true,
      status: true,
      insult: true,
      insultScore: true,
      sentiment: true,
      stance: true,
      matches: true,
      postedAt: true,
    },
  },
} satisfies Prisma.ArticleSelect;

export type ArticleDetail = Prisma.ArticleGetPayload<{ select: typeof articleDetailSelect }>;

/** One article with all its comments in reading order, or null when there is no such article. */
export async function getArticle(id: number): Promise<ArticleDetail | null> {
  return getDb().article.findUnique({ where: { id }, select: articleDetailSelect });
}
