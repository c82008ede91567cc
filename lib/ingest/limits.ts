/**
 * Size limits for everything Raqib ingests. They exist so that one absurd input cannot
 * exhaust memory or fill the database with junk; real comments are far below them
 * (the longest seed comment is under 500 characters). Character counts are JavaScript
 * string lengths (UTF-16 code units), which equal characters for Arabic, Latin and French.
 */

/** An article .txt file is read whole, so it is capped; the largest seed is 10 kB. */
export const MAX_ARTICLE_FILE_BYTES = 5 * 1024 * 1024;

/** One JSONL line or CSV record; longer ones are rejected as a row error without being held whole. */
export const MAX_ROW_BYTES = 1024 * 1024;

export const MAX_COMMENT_BODY_CHARS = 20_000;
export const MAX_COMMENT_TITLE_CHARS = 500;
export const MAX_AUTHOR_CHARS = 200;
export const MAX_ARTICLE_TITLE_CHARS = 1_000;
export const MAX_SOURCE_CHARS = 200;
export const MAX_ARTICLE_URL_CHARS = 2_000;
