import { findUnstorableCharacter } from "../text/find-unstorable-character.ts";
import {
  MAX_ARTICLE_TITLE_CHARS,
  MAX_ARTICLE_URL_CHARS,
  MAX_AUTHOR_CHARS,
  MAX_COMMENT_BODY_CHARS,
  MAX_COMMENT_TITLE_CHARS,
  MAX_SOURCE_CHARS,
} from "./limits.ts";
import { type ImportedLabel, LabelColumnError, readLabelColumns } from "./read-label-columns.ts";

/**
 * One comment from a JSONL or CSV export. The file columns are snake_case
 * (`source, article_url, article_title, author, title, body, created_at`), the same that
 * Raqib's own export writes; the export's label columns come back as `labels` (see
 * read-label-columns.ts) and its other columns are ignored, so an export re-imports cleanly.
 */
export interface CommentRow {
  source: string | null;
  articleUrl: string | null;
  articleTitle: string;
  author: string | null;
  title: string | null;
  body: string;
  createdAt: Date | null;
  /** Human labels carried by a Raqib export (lib/ingest/read-label-columns.ts); absent otherwise. */
  labels?: ImportedLabel[];
}

/** The file columns, in the order Raqib writes them. */
export const COMMENT_ROW_COLUMNS = [
  "source",
  "article_url",
  "article_title",
  "author",
  "title",
  "body",
  "created_at",
] as const;

export type CommentRowColumn = (typeof COMMENT_ROW_COLUMNS)[number];

/** Columns without which a row means nothing; the others may be absent or empty (null). */
export const REQUIRED_COLUMNS: readonly CommentRowColumn[] = ["article_title", "body"];

/** A valid row, or the reason a row was rejected with its 1-based line in the file. */
export type CommentRowResult = { line: number; row: CommentRow } | { line: number; error: string };

class RowError extends Error {}

function checkStorable(column: CommentRowColumn, text: string): string {
  const bad = findUnstorableCharacter(text);
  if (bad) throw new RowError(`${column}: contains ${bad}`);
  return text;
}

/** Absent, null or empty → null; otherwise a trimmed string within `max` characters. */
function optionalText(record: Record<string, unknown>, column: CommentRowColumn, max: number): string | null {
  const value = record[column];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string")
    throw new RowError(`${column}: must be a string or null, got ${typeName(value)}`);
  const text = value.trim();
  if (text.length > max) throw new RowError(`${column}: ${text.length} characters, over the ${max} limit`);
  return text === "" ? null : checkStorable(column, text);
}

function requiredText(record: Record<string, unknown>, column: CommentRowColumn, max: number): string {
  const value = record[column];
  if (value === undefined || value === null) throw new RowError(`${column}: missing`);
  if (typeof value !== "string") throw new RowError(`${column}: must be a string, got ${typeName(value)}`);
  const text = value.trim();
  if (text === "") throw new RowError(`${column}: empty`);
  if (text.length > max) throw new RowError(`${column}: ${text.length} characters, over the ${max} limit`);
  return checkStorable(column, text);
}

/**
 * Validates one record (already split into named fields) into a CommentRow. Text is
 * trimmed; absent, null or empty optional text becomes null (CSV can only write a missing
 * value as an empty field, so JSONL is treated the same way). Runs once per imported row,
 * so it stays a straight line of checks.
 */
export function validateCommentRecord(record: Record<string, unknown>, line: number): CommentRowResult {
  try {
    const source = optionalText(record, "source", MAX_SOURCE_CHARS);
    const articleUrl = optionalText(record, "article_url", MAX_ARTICLE_URL_CHARS);
    const articleTitle = requiredText(record, "article_title", MAX_ARTICLE_TITLE_CHARS);
    const author = optionalText(record, "author", MAX_AUTHOR_CHARS);
    const title = optionalText(record, "title", MAX_COMMENT_TITLE_CHARS);
    const body = requiredText(record, "body", MAX_COMMENT_BODY_CHARS);
    const createdText = optionalText(record, "created_at", 100);
    let createdAt: Date | null = null;
    if (createdText !== null) {
      createdAt = parseTimestamp(createdText);
      if (!createdAt) throw new RowError(`created_at: '${createdText.slice(0, 40)}' is not an ISO 8601 date`);
    }
    const labels = readLabelColumns(record);
    const row: CommentRow = { source, articleUrl, articleTitle, author, title, body, createdAt };
    if (labels && labels.length > 0) row.labels = labels;
    return { line, row };
  } catch (error) {
    if (error instanceof RowError || error instanceof LabelColumnError) return { line, error: error.message };
    throw error;
  }
}

/** ISO 8601 dates only ("2025-03-01", "2025-03-01T10:00:00Z", with offset); not locale formats. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseTimestamp(text: string): Date | null {
  if (!ISO_DATE.test(text)) return null;
  const date = new Date(text.includes(" ") ? text.replace(" ", "T") : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

/** The snake_case record Raqib writes for a row (JSONL object, CSV columns). */
export function commentRowToRecord(row: CommentRow): Record<CommentRowColumn, string | null> {
  return {
    source: row.source,
    article_url: row.articleUrl,
    article_title: row.articleTitle,
    author: row.author,
    title: row.title,
    body: row.body,
    created_at: row.createdAt ? row.createdAt.toISOString() : null,
  };
}

/** Characters that JSON.stringify would escape (and lone surrogates, which it also escapes). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function jsonText(value: string | null): string {
  if (value === null) return "null";
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/**
 * One JSONL line for a row, byte for byte what JSON.stringify(commentRowToRecord(row))
 * gives, in about two thirds of the time (no intermediate object; Arabic text rarely needs
 * escaping): exports and synthetic data write millions of rows.
 */
export function commentRowToJsonLine(row: CommentRow): string {
  return (
    `{"source":${jsonText(row.source)},"article_url":${jsonText(row.articleUrl)},` +
    `"article_title":${jsonText(row.articleTitle)},"author":${jsonText(row.author)},` +
    `"title":${jsonText(row.title)},"body":${jsonText(row.body)},` +
    `"created_at":${row.createdAt ? `"${row.createdAt.toISOString()}"` : "null"}}`
  );
}
