import { type CommentRowResult, validateCommentRecord } from "./comment-row.ts";
import { MAX_ROW_BYTES } from "./limits.ts";
import { splitLines } from "./split-lines.ts";

/** Validates one JSONL line (an object with the export's snake_case keys). */
export function parseJsonlLine(text: string, line: number): CommentRowResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { line, error: `broken JSON: ${detail}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { line, error: "expected a JSON object" };
  }
  return validateCommentRecord(value as Record<string, unknown>, line);
}

/**
 * Reads a JSONL stream row by row: each non-blank line becomes a row or a row error with
 * its line number. Lines over `maxLineBytes` are reported without being held in memory.
 */
export async function* readJsonlRows(
  source: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number = MAX_ROW_BYTES,
): AsyncGenerator<CommentRowResult> {
  for await (const piece of splitLines(source, maxLineBytes)) {
    if ("tooLongBytes" in piece) {
      yield {
        line: piece.lineNumber,
        error: `line is ${piece.tooLongBytes} bytes, over the ${maxLineBytes} byte limit`,
      };
    } else if ("invalidUtf8" in piece) {
      yield { line: piece.lineNumber, error: "invalid UTF-8" };
    } else if (piece.text.trim() !== "") {
      yield parseJsonlLine(piece.text, piece.lineNumber);
    }
  }
}
