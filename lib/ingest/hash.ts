import { createHash } from "node:crypto";

/**
 * Identity of ingested text. Two inputs are the same article (or comment) when their text is
 * the same after NFKC (presentation forms → letters), trimming and collapsing white space;
 * line-end style, BOMs and "> " quoting are already gone after parsing.
 */
export function identityText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

function sha256(parts: (string | null)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part === null ? "\u0000null" : identityText(part));
    hash.update("\u0001");
  }
  return hash.digest("hex");
}

/** An article is its title and body; the same text from two files is stored once. */
export function articleContentHash(article: { title: string; body: string }): string {
  return sha256(["article", article.title, article.body]);
}

/** An article known only by the columns of a comment export: its URL, else source and title. */
export function articleKeyHash(key: { url: string | null; source: string | null; title: string }): string {
  return key.url ? sha256(["article-url", key.url]) : sha256(["article-title", key.source, key.title]);
}

/**
 * A comment is its article plus who wrote what: the same "شكرا" under two articles, or by two
 * readers, is two comments; the same comment ingested twice is one.
 */
export function commentBodyHash(
  articleHash: string,
  comment: { title: string | null; author: string | null; body: string },
): string {
  return sha256(["comment", articleHash, comment.title, comment.author, comment.body]);
}
