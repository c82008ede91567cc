import {
  COMMENT_ROW_COLUMNS,
  type CommentRowResult,
  REQUIRED_COLUMNS,
  validateCommentRecord,
} from "./comment-row.ts";
import { IngestParseError } from "./ingest-error.ts";
import { MAX_ROW_BYTES } from "./limits.ts";
import { splitLines } from "./split-lines.ts";

/** A CSV record may span lines (quoted newlines) but not more than this many. */
export const MAX_CSV_RECORD_LINES = 2_000;

type RawRecord = { line: number; text: string } | { line: number; error: string };

interface Pending {
  line: number;
  lines: { number: number; text: string }[];
  bytes: number;
  quotes: number;
}

/**
 * Reads a CSV comment export row by row. The first record is the header: it must name
 * the columns `article_title` and `body` (the others of COMMENT_ROW_COLUMNS are optional,
 * unknown ones are ignored), else the whole file is rejected with an IngestParseError.
 * Every later record becomes a row or a row error with the line it starts on.
 *
 * Records are cut out of the stream by quote parity and their fields read here rather
 * than by csv-parse: after a quoting error csv-parse's stream resumes inside the broken
 * field and swallows the rest of the file, its record-size error ends the parse, and its
 * one-shot parser costs about 90 µs a record. Here one bad record costs one row error,
 * and memory stays within one record. Line ends inside quoted fields are read as "\n".
 */
export async function* readCsvRows(
  source: AsyncIterable<Uint8Array | string>,
  maxRecordBytes: number = MAX_ROW_BYTES,
): AsyncGenerator<CommentRowResult> {
  let header: string[] | null = null;
  // A Raqib export (it has a comment_id column) prefixed formula-like cells with ' on the way out.
  let raqibExport = false;
  for await (const record of csvRecords(source, maxRecordBytes)) {
    if ("error" in record) {
      if (!header) throw new IngestParseError(`CSV header: ${record.error}`, record.line);
      yield record;
      continue;
    }
    const fields = readFields(record.text);
    if (typeof fields === "string") {
      if (!header) throw new IngestParseError(`CSV header: ${fields}`, record.line);
      yield { line: record.line, error: fields };
      continue;
    }
    if (!header) {
      header = checkHeader(fields, record.line);
      raqibExport = header.includes("comment_id");
      continue;
    }
    if (fields.length !== header.length) {
      yield {
        line: record.line,
        error: `wrong column count: expected ${header.length} fields, got ${fields.length}`,
      };
      continue;
    }
    const named: Record<string, unknown> = {};
    header.forEach((column, i) => {
      named[column] = raqibExport ? restoreNeutralisedCell(fields[i] as string) : fields[i];
    });
    yield validateCommentRecord(named, record.line);
  }
  if (!header) throw new IngestParseError("empty CSV file: no header line");
}

function checkHeader(fields: string[], line: number): string[] {
  const columns = fields.map((field) => field.trim().toLowerCase());
  const duplicate = columns.find((column, i) => column !== "" && columns.indexOf(column) !== i);
  if (duplicate) throw new IngestParseError(`CSV header names column '${duplicate}' twice`, line);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new IngestParseError(
      `CSV header lacks required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected ${COMMENT_ROW_COLUMNS.join(", ")})`,
      line,
    );
  }
  return columns;
}

/**
 * The fields of one record (RFC 4180: comma-separated, fields optionally in double quotes,
 * a quote inside a quoted field doubled), or the reason it cannot be read.
 */
export function readFields(text: string): string[] | string {
  // Most rows have no quotes at all; splitting them directly keeps million-row imports fast.
  if (!text.includes('"')) return text.split(",");
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return "wrong quoting: a quoted field is never closed";
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text[i] !== ",") return "wrong quoting: text follows a closing quote inside a field";
      i++;
    } else {
      const comma = text.indexOf(",", i);
      const value = comma === -1 ? text.slice(i) : text.slice(i, comma);
      if (value.includes('"')) return "wrong quoting: a quote opens in the middle of a field";
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

function quoteCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) count++;
  return count;
}

/**
 * Cuts the stream into records: a record ends at a newline outside quotes (an even number
 * of quote characters so far, which doubled quotes keep). A quote that never closes within
 * MAX_CSV_RECORD_LINES lines or maxRecordBytes bytes is reported at the line it opens on,
 * and reading resumes at the line after it.
 */
async function* csvRecords(
  source: AsyncIterable<Uint8Array | string>,
  maxRecordBytes: number,
): AsyncGenerator<RawRecord> {
  let pending: Pending | null = null;
  const unclosed = (p: Pending): RawRecord => ({
    line: p.line,
    error: "wrong quoting: a quoted field is never closed",
  });

  // Feeds one physical line; returns the records it completes (several after a rescan).
  function* feed(number: number, text: string): Generator<RawRecord> {
    const work: { number: number; text: string }[] = [{ number, text }];
    while (work.length > 0) {
      const next = work.shift();
      if (!next) break;
      if (pending) {
        pending.lines.push(next);
        pending.bytes += Buffer.byteLength(next.text) + 1;
        pending.quotes += quoteCount(next.text);
      } else {
        if (next.text.trim() === "") continue;
        pending = {
          line: next.number,
          lines: [next],
          bytes: Buffer.byteLength(next.text),
          quotes: quoteCount(next.text),
        };
      }
      if (pending.quotes % 2 === 0) {
        yield { line: pending.line, text: pending.lines.map((l) => l.text).join("\n") };
        pending = null;
      } else if (pending.bytes > maxRecordBytes || pending.lines.length > MAX_CSV_RECORD_LINES) {
        yield unclosed(pending);
        work.unshift(...pending.lines.slice(1));
        pending = null;
      }
    }
  }

  for await (const piece of splitLines(source, maxRecordBytes)) {
    if ("text" in piece) {
      if (!pending && !piece.text.includes('"')) {
        // The common case: a whole record on one line without quotes.
        if (piece.text.trim() !== "") yield { line: piece.lineNumber, text: piece.text };
      } else {
        yield* feed(piece.lineNumber, piece.text);
      }
      continue;
    }
    if (pending) {
      const broken: Pending = pending;
      pending = null;
      yield unclosed(broken);
      for (const line of broken.lines.slice(1)) yield* feed(line.number, line.text);
      if (pending) {
        yield unclosed(pending);
        pending = null;
      }
    }
    yield "tooLongBytes" in piece
      ? {
          line: piece.lineNumber,
          error: `line is ${piece.tooLongBytes} bytes, over the ${maxRecordBytes} byte limit`,
        }
      : { line: piece.lineNumber, error: "invalid UTF-8" };
  }
  while (pending) {
    const broken: Pending = pending;
    pending = null;
    yield unclosed(broken);
    for (const line of broken.lines.slice(1)) yield* feed(line.number, line.text);
  }
}

/** Undoes the export's formula neutralisation: `'` before = + - @, tab or CR is dropped. */
export function restoreNeutralisedCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
