import "server-only";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

const articleListSelect = {
  id: true,
  title: true,
  url: true,
  publishedAt: true,
  createdAt: true,
  source: { select: { name: true } },
  _count: { select: { comments: true } },
} satisfies Prisma.ArticleSelect;

export interface ArticleListItem {
  id: number;
  title: string;
  url: string | null;
  sourceName: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  commentCount: number;
}

export interface Page<T> {
  data: T[];
  count: number;
  page: number;
  pageSize: number;
}

/** Articles, newest first, with how many comments each has. */
export async function listArticles(page = 1, pageSize = 50): Promise<Page<ArticleListItem>> {
  const db = getDb();
  const [rows, count] = await Promise.all([
    db.article.findMany({
      select: articleListSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.article.count(),
  ]);
  return {
    data: rows.map((row) => ({
      id: row.id,
      title: row.title,
      url: row.url,
      sourceName: row.source?.name ?? null,
      publishedAt: row.publishedAt,
      createdAt: row.createdAt,
      commentCount: row._count.comments,
    })),
    count,
    page,
    pageSize,
  };
}
