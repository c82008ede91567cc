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

  const finish = (): SplitLine => {
    const number = lineNumber++;
    if (overflow > 0) {
      const total = held + overflow;
      parts = [];
      held = 0;
      overflow = 0;
      return { lineNumber: number, tooLongBytes: total };
    }
    let bytes = Buffer.concat(parts, held);
    parts = [];
    held = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      bytes = bytes.subarray(3);
    try {
      return { lineNumber: number, text: decoder.decode(bytes) };
    } catch {
      return { lineNumber: number, invalidUtf8: true };
    }
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
      take(buffer.subarray(start, newline), true);
      yield finish();
      start = newline + 1;
    }
  }
  if (sawAny && (held > 0 || overflow > 0)) yield finish();
}
