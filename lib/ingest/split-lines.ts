import { MAX_ROW_BYTES } from "./limits.ts";

export type SplitLine =
  | { lineNumber: number; text: string }
  /** The line was longer than the cap; its bytes were skipped, never held. */
  | { lineNumber: number; tooLongBytes: number }
  /** The line is not valid UTF-8. */
  | { lineNumber: number; invalidUtf8: true };

/**
 * Splits a byte stream into lines ("\n" or "\r\n") while holding at most `maxLineBytes`
 * of any one line, so that a 60 MB file without a newline costs 1 MB of memory, not 60.
 * Line numbers are 1-based. A UTF-8 BOM at the very start is dropped.
 */
export async function* splitLines(
  source: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number = MAX_ROW_BYTES,
): AsyncGenerator<SplitLine> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let parts: Buffer[] = [];
  let held = 0;
  let overflow = 0;
  let lineNumber = 1;

  /** Decodes bytes [start, end) of one complete line, dropping a trailing "\r" and a leading BOM. */
  const decodeLine = (bytes: Buffer, start: number, end: number): SplitLine => {
    const number = lineNumber++;
    let last = end;
    if (last > start && bytes[last - 1] === 0x0d) last--;
    let first = start;
    if (number === 1 && bytes[first] === 0xef && bytes[first + 1] === 0xbb && bytes[first + 2] === 0xbf)
      first += 3;
    if (first > last) first = last;
    // Buffer#toString is the fast path; it replaces bad bytes with U+FFFD, so a line that
    // shows one is checked strictly (it may also be a U+FFFD the writer really wrote).
    const text = bytes.toString("utf8", first, last);
    if (text.includes("\ufffd")) {
      try {
        decoder.decode(bytes.subarray(first, last));
      } catch {
        return { lineNumber: number, invalidUtf8: true };
      }
    }
    return { lineNumber: number, text };
  };

  const finish = (): SplitLine => {
    if (overflow > 0) {
      const total = held + overflow;
      parts = [];
      held = 0;
      overflow = 0;
      return { lineNumber: lineNumber++, tooLongBytes: total };
    }
    const bytes = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, held);
    parts = [];
    held = 0;
    return decodeLine(bytes, 0, bytes.length);
  };

  /** `owned` is false for a view into a chunk that must be copied if it is kept. */
  const take = (piece: Buffer, owned: boolean) => {
    if (overflow > 0) {
      overflow += piece.length;
    } else if (held + piece.length > maxLineBytes + 1) {
      // Over the cap (one byte of slack for a "\r"): from now on only count the line's bytes.
      overflow = held + piece.length;
      parts = [];
      held = 0;
    } else {
      parts.push(owned ? piece : Buffer.from(piece));
      held += piece.length;
    }
  };

  let sawAny = false;
  for await (const chunk of source) {
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, "utf8")
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (buffer.length === 0) continue;
    sawAny = true;
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(0x0a, start);
      if (newline === -1) {
        // The tail outlives this chunk, which the stream may reuse: it is copied if kept.
        if (start < buffer.length) take(buffer.subarray(start), false);
        break;
      }
      if (parts.length === 0 && overflow === 0 && newline - start <= maxLineBytes + 1) {
        // The whole line is inside this chunk: decode it in place.
        yield decodeLine(buffer, start, newline);
      } else {
        take(buffer.subarray(start, newline), true);
        yield finish();
      }
      start = newline + 1;
    }
  }
  if (sawAny && (held > 0 || overflow > 0)) yield finish();
}
