import "server-only";
import { getDb } from "../db/client.ts";
import type { CommentRow } from "./comment-row.ts";
import { articleRowKeyHash, commentBodyHash } from "./hash.ts";
import type { CommentInsert } from "./insert-comments.ts";
import type { ClassifyText } from "./store-article.ts";

interface ResolvedArticle {
  id: number;
  /** The stored article's identity; comment hashes are built on it, so re-imports match. */
  contentHash: string;
  nextPosition: number;
}

/** What one ingest run has learnt about articles, so each is looked up once per run. */
export interface ArticleCache {
  /** Row key hash → stored article. */
  articles: Map<string, ResolvedArticle>;
  /** The row's raw article identity → its key hash (hashing is the costly part). */
  keys: Map<string, string>;
}

export function createArticleCache(): ArticleCache {
  return { articles: new Map(), keys: new Map() };
}

export interface PreparedRows {
  inserts: CommentInsert[];
  articlesAdded: number;
}

function rowKey(row: CommentRow, cache: ArticleCache): string {
  const raw = row.articleUrl
    ? `u\u0000${row.articleUrl}`
    : `t\u0000${row.source ?? ""}\u0000${row.articleTitle}`;
  let key = cache.keys.get(raw);
  if (key === undefined) {
    key = articleRowKeyHash(row);
    cache.keys.set(raw, key);
  }
  return key;
}

/**
 * Finds the articles that rows belong to, in a few set-based statements per batch: one stored
 * from the same export key, else one with the same URL, else one from a .txt dump with the
 * same title and source (so a Raqib export re-imports onto the articles it came from), else a
 * new article known only by its title and URL.
 */
async function resolveArticles(missing: Map<string, CommentRow>, cache: ArticleCache): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const keys = [...missing.keys()];
    const names = [...new Set([...missing.values()].flatMap((r) => (r.source ? [r.source] : [])))];
    const sourceIds = new Map<string, number>();
    if (names.length > 0) {
      await tx.$executeRawUnsafe(
        `INSERT INTO source (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`,
        names,
      );
      const sources = await tx.$queryRawUnsafe<{ id: number; name: string }[]>(
        `SELECT id, name FROM source WHERE name = ANY($1::text[])`,
        names,
      );
      for (const s of sources) sourceIds.set(s.name, s.id);
    }
    const found = new Map<string, { id: number; content_hash: string }>();
    const byHash = await tx.$queryRawUnsafe<{ id: number; content_hash: string }[]>(
      `SELECT id, content_hash FROM article WHERE content_hash = ANY($1::text[])`,
      keys,
    );
    for (const a of byHash) found.set(a.content_hash, a);

    const withUrl = keys.filter((k) => !found.has(k) && missing.get(k)?.articleUrl);
    if (withUrl.length > 0) {
      const urls = withUrl.map((k) => missing.get(k)?.articleUrl as string);
      const rows = await tx.$queryRawUnsafe<{ id: number; content_hash: string; url: string }[]>(
        `SELECT DISTINCT ON (url) id, content_hash, url FROM article WHERE url = ANY($1::text[]) ORDER BY url, id`,
        urls,
      );
      const byUrl = new Map(rows.map((r) => [r.url, r]));
      for (const k of withUrl) {
        const hit = byUrl.get(missing.get(k)?.articleUrl as string);
        if (hit) found.set(k, hit);
      }
    }

    const byTitle = keys.filter((k) => !found.has(k) && !missing.get(k)?.articleUrl);
    if (byTitle.length > 0) {
      const titles = byTitle.map((k) => missing.get(k)?.articleTitle as string);
      const sources = byTitle.map((k) => sourceIds.get(missing.get(k)?.source ?? "") ?? null);
      const rows = await tx.$queryRawUnsafe<
        { id: number; content_hash: string; title: string; source_id: number | null }[]
      >(
        `SELECT DISTINCT ON (a.title, a.source_id) a.id, a.content_hash, a.title, a.source_id
           FROM article a JOIN unnest($1::text[], $2::int[]) AS t(title, source_id)
             ON a.title = t.title AND a.source_id IS NOT DISTINCT FROM t.source_id
          ORDER BY a.title, a.source_id, a.id`,
        titles,
        sources,
      );
      const byPair = new Map(rows.map((r) => [`${r.source_id}\u0000${r.title}`, r]));
      byTitle.forEach((k, i) => {
        const hit = byPair.get(`${sources[i]}\u0000${titles[i]}`);
        if (hit) found.set(k, hit);
      });
    }

    const toCreate = keys.filter((k) => !found.has(k));
    let added = 0;
    if (toCreate.length > 0) {
      const rows = toCreate.map((k) => missing.get(k) as CommentRow);
      const created = await tx.$queryRawUnsafe<{ id: number; content_hash: string }[]>(
        `INSERT INTO article (source_id, title, body, url, content_hash)
         SELECT t.source_id, t.title, '', t.url, t.content_hash
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS t(source_id, title, url, content_hash)
         ON CONFLICT (content_hash) DO NOTHING
         RETURNING id, content_hash`,
        rows.map((r) => (r.source ? (sourceIds.get(r.source) ?? null) : null)),
        rows.map((r) => r.articleTitle),
        rows.map((r) => r.articleUrl),
        toCreate,
      );
      added = created.length;
      for (const a of created) found.set(a.content_hash, a);
      const raced = toCreate.filter((k) => !found.has(k));
      if (raced.length > 0) {
        // Another ingest stored them between our look-up and our insert.
        const again = await tx.$queryRawUnsafe<{ id: number; content_hash: string }[]>(
          `SELECT id, content_hash FROM article WHERE content_hash = ANY($1::text[])`,
          raced,
        );
        for (const a of again) found.set(a.content_hash, a);
      }
    }

    const ids = [...new Set([...found.values()].map((a) => a.id))];
    const maxima = await tx.$queryRawUnsafe<{ article_id: number; max: number }[]>(
      `SELECT article_id, max(position) AS max FROM comment WHERE article_id = ANY($1::int[]) GROUP BY article_id`,
      ids,
    );
    const nextById = new Map(maxima.map((m) => [m.article_id, m.max + 1]));
    // Several keys may resolve to one article: they share one position counter.
    const shared = new Map<number, ResolvedArticle>();
    for (const key of keys) {
      const hit = found.get(key);
      if (!hit) throw new Error(`article for key ${key} was neither found nor created`);
      let article = shared.get(hit.id);
      if (!article) {
        article = { id: hit.id, contentHash: hit.content_hash, nextPosition: nextById.get(hit.id) ?? 1 };
        shared.set(hit.id, article);
      }
      cache.articles.set(key, article);
    }
    return added;
  });
}

/**
 * Turns a batch of validated rows into comment inserts: finds or creates their articles and
 * classifies each comment. The caller inserts them (insertComments), so that one batch's
 * insert can run in PostgreSQL while the next batch is read and classified here.
 */
export async function prepareCommentRows(
  rows: CommentRow[],
  options: { ingestRunId: number; cache: ArticleCache; classify?: ClassifyText },
): Promise<PreparedRows> {
  const keys = rows.map((row) => rowKey(row, options.cache));
  const missing = new Map<string, CommentRow>();
  keys.forEach((key, i) => {
    if (!options.cache.articles.has(key) && !missing.has(key)) missing.set(key, rows[i] as CommentRow);
  });
  const articlesAdded = missing.size > 0 ? await resolveArticles(missing, options.cache) : 0;
  const inserts = rows.map((row, i): CommentInsert => {
    const article = options.cache.articles.get(keys[i] as string) as ResolvedArticle;
    return {
      articleId: article.id,
      position: article.nextPosition++,
      title: row.title,
      author: row.author,
      body: row.body,
      bodyHash: commentBodyHash(article.contentHash, row),
      postedAt: row.createdAt,
      ingestRunId: options.ingestRunId,
      classification: options.classify?.(row.body) ?? null,
    };
  });
  return { inserts, articlesAdded };
}
