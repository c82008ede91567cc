import { InputDecodeError } from "./ingest-error.ts";
import { MAX_ARTICLE_FILE_BYTES } from "./limits.ts";

export interface DecodeOptions {
  /** Reject inputs larger than this many bytes; defaults to MAX_ARTICLE_FILE_BYTES. */
  maxBytes?: number;
}

/** How much of the start of a file is inspected for binary content. */
const BINARY_SAMPLE_BYTES = 64 * 1024;
/** Text has almost no control characters besides tab and line ends; binary data has many. */
const MAX_CONTROL_RATIO = 0.1;

/**
 * Turns the bytes of an article file into text. UTF-8 (with or without a BOM) and UTF-16
 * with a BOM are accepted; anything else is rejected with an InputDecodeError whose reason
 * says what is wrong, e.g. "invalid UTF-8 at byte 1234" (offsets count from 0).
 */
export function decodeInput(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_FILE_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputDecodeError(tooLargeReason(bytes.length, maxBytes));
  }
  if (bytes.length === 0) throw new InputDecodeError("empty file");

  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decodeUtf16(bytes.subarray(2), "le");
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decodeUtf16(bytes.subarray(2), "be");
  } else {
    if (looksLikeUtf16WithoutBom(bytes)) {
      throw new InputDecodeError(
        "UTF-16 text without a byte-order mark (save it as UTF-8, or as UTF-16 with a BOM)",
      );
    }
    if (looksBinary(bytes)) throw new InputDecodeError("binary data, not text");
    const invalidAt = findInvalidUtf8(bytes);
    if (invalidAt !== -1) {
      throw new InputDecodeError(`invalid UTF-8 at byte ${invalidAt} (save the file as UTF-8)`);
    }
    text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  }
  text = text.replace(/^\ufeff/, "");
  if (text.includes("\u0000")) throw new InputDecodeError("binary data, not text");
  if (text.trim() === "") throw new InputDecodeError("empty file (only whitespace)");
  return text;
}

/** "file is 60 MB, over the 5 MB limit" */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `file is ${formatMegabytes(size)} MB, over the ${formatMegabytes(maxBytes)} MB limit`;
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

function decodeUtf16(bytes: Uint8Array, order: "le" | "be"): string {
  if (bytes.length % 2 !== 0) throw new InputDecodeError("invalid UTF-16: odd number of bytes");
  let source = bytes;
  if (order === "be") {
    // Swapped by hand: not every Node build's TextDecoder knows utf-16be.
    source = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      source[i] = bytes[i + 1] ?? 0;
      source[i + 1] = bytes[i] ?? 0;
    }
  }
  try {
    return new TextDecoder("utf-16le", { fatal: true }).decode(source);
  } catch {
    throw new InputDecodeError(`invalid UTF-16${order === "be" ? "BE" : "LE"}: unpaired surrogate`);
  }
}

/**
 * UTF-16 text of Arabic or Latin script has a NUL or Arabic-block byte (0x06) in every
 * other position; binary data does not keep to that rhythm.
 */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - (bytes.length % 2), BINARY_SAMPLE_BYTES);
  if (end < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0 || bytes[i] === 0x06) even++;
    if (bytes[i + 1] === 0 || bytes[i + 1] === 0x06) odd++;
  }
  const pairs = end / 2;
  return (even / pairs > 0.9 && odd / pairs < 0.1) || (odd / pairs > 0.9 && even / pairs < 0.1);
}

/** NUL bytes, or a high share of control characters, in the first 64 kB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return end > 0 && control / end > MAX_CONTROL_RATIO;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}
