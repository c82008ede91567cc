import { hash } from "node:crypto";

/**
 * Identity of ingested content, so that importing the same dump twice stores nothing twice.
 * Two texts are the same when they differ only in Unicode form (NFKC: presentation-form
 * letters, compatibility characters), surrounding whitespace, or the amount and kind of
 * whitespace between words (including line breaks and CRLF). Letters, diacritics,
 * punctuation and case are kept: they are what a commenter wrote.
 */
export function normaliseForHash(text: string): string {
  // NFKC is the costly step; text in plain Latin and the main Arabic block is already stable
  // under it, except the block's compatibility letters (U+0675–U+0678) and the combining
  // hamza and madda (U+0653–U+0655), which compose with the letter before them.
  const stable = !NEEDS_NFKC.test(text);
  const normalised = stable ? text : text.normalize("NFKC");
  return (MESSY_SPACE.test(normalised) ? normalised.replace(/\s+/g, " ") : normalised).trim();
}

const NEEDS_NFKC = /[^\t\n\r\u0020-\u007e\u0600-\u0652\u0656-\u0674\u0679-\u06ff]/;
/** Any white space other than single spaces between words. */
const MESSY_SPACE = /[^\S ]| {2}/;

function sha256Hex(parts: string[]): string {
  // A separator no normalised field can contain keeps ("ab","c") apart from ("a","bc").
  // crypto.hash is the one-shot form: about twice as fast as createHash for short inputs.
  return hash("sha256", parts.join("\u0000"), "hex");
}

/**
 * The first 128 bits of the sha256, written as PostgreSQL prints a uuid (comment.body_hash is
 * one: a 16-byte key keeps the unique index a third of the size of one on 64 hex characters, and
 * every stored comment is checked against it). 128 bits leave no practical chance of two
 * different comments sharing a hash (about 10^-21 for a billion of them).
 */
function sha256Uuid(parts: string[]): string {
  return hexAsUuid(sha256Hex(parts));
}

/** The first 32 hex digits of `hex` in the 8-4-4-4-12 form PostgreSQL prints a uuid in. */
export function hexAsUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * An article parsed from a .txt dump is its title and body; the source is left out so that
 * a later, better source detection does not turn a re-import into a new article.
 */
export function articleContentHash(article: { title: string; body: string }): string {
  return sha256Hex(["article", normaliseForHash(article.title), normaliseForHash(article.body)]);
}

/**
 * An article known only from comment rows (JSONL/CSV) is its URL when there is one, else
 * its source and title.
 */
export function articleRowKeyHash(row: {
  source: string | null;
  articleUrl: string | null;
  articleTitle: string;
}): string {
  if (row.articleUrl) return sha256Hex(["article-url", row.articleUrl.trim()]);
  return sha256Hex(["article-title", normaliseForHash(row.source ?? ""), normaliseForHash(row.articleTitle)]);
}

/**
 * A comment is its article plus who wrote what: the same "شكرا" under two articles, or by
 * two named authors, is two comments; the same text by the same author under the same
 * article and title is one.
 */
export function commentBodyHash(
  articleHash: string,
  comment: { title: string | null; author: string | null; body: string },
): string {
  return sha256Uuid([
    "comment",
    articleHash,
    comment.author === null ? "\u0001" : normaliseForHash(comment.author),
    comment.title === null ? "\u0001" : normaliseForHash(comment.title),
    normaliseForHash(comment.body),
  ]);
}
