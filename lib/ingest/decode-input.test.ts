import { describe, expect, it } from "vitest";
import { decodeInput, findInvalidUtf8, looksBinary } from "./decode-input.ts";
import { InputDecodeError } from "./ingest-error.ts";
import { MAX_ARTICLE_FILE_BYTES } from "./limits.ts";

function decodeError(bytes: Uint8Array, maxBytes?: number): InputDecodeError {
  try {
    decodeInput(bytes, { maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(InputDecodeError);
    return error as InputDecodeError;
  }
  throw new Error("decodeInput did not throw");
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) {
    const low = le[i] ?? 0;
    le[i] = le[i + 1] ?? 0;
    le[i + 1] = low;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe("decodeInput", () => {
  const article = "عنوان المقال\nنص المقال\r\nالتعليقات";

  it("decodes UTF-8 and strips a BOM", () => {
    expect(decodeInput(Buffer.from(article))).toBe(article);
    expect(decodeInput(Buffer.from(`\ufeff${article}`))).toBe(article);
  });

  it("decodes UTF-16 LE and BE with a BOM", () => {
    expect(decodeInput(utf16le(article))).toBe(article);
    expect(decodeInput(utf16be(article))).toBe(article);
  });

  it("rejects invalid UTF-8 and says at which byte", () => {
    // "عن" is 4 bytes; 0xC7 0x20 is a lead byte without its continuation.
    const bytes = Buffer.concat([Buffer.from("عن"), Buffer.from([0xc7, 0x20]), Buffer.from("نص")]);
    expect(decodeError(bytes).reason).toMatch(/^invalid UTF-8 at byte 4\b/);
    // Windows-1256 text is the usual culprit: its Arabic letters are lone high bytes.
    expect(decodeError(Buffer.from([0x41, 0x42, 0xc7, 0xe1, 0xe3])).reason).toMatch(
      /^invalid UTF-8 at byte 2\b/,
    );
  });

  it("rejects overlong encodings and surrogates", () => {
    expect(findInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(findInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(findInvalidUtf8(Buffer.from("سلام 👋 ok"))).toBe(-1);
  });

  it("recognises UTF-16 without a byte-order mark", () => {
    const le = Buffer.from("عنوان المقال\nنص", "utf16le");
    expect(decodeError(le).reason).toMatch(/^UTF-16 text without a byte-order mark/);
    expect(decodeError(utf16be("Title\nbody").subarray(2)).reason).toMatch(
      /^UTF-16 text without a byte-order mark/,
    );
  });

  it("rejects binary data", () => {
    expect(
      decodeError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])).reason,
    ).toBe("binary data, not text");
    const controls = Buffer.alloc(200, 0x01);
    expect(looksBinary(controls)).toBe(true);
    expect(decodeError(controls).reason).toBe("binary data, not text");
    expect(looksBinary(Buffer.from("line\tone\r\nline two\n"))).toBe(false);
  });

  it("rejects empty and whitespace-only files", () => {
    expect(decodeError(Buffer.alloc(0)).reason).toBe("empty file");
    expect(decodeError(Buffer.from(" \n\r\n\t ")).reason).toMatch(/^empty file/);
    expect(decodeError(Buffer.from("\ufeff\n")).reason).toMatch(/^empty file/);
    expect(decodeError(utf16le("  \n")).reason).toMatch(/^empty file/);
  });

  it("rejects files over the size limit before decoding them", () => {
    expect(decodeError(Buffer.alloc(3 * 1024 * 1024, 0x61), 2 * 1024 * 1024).reason).toBe(
      "file is 3 MB, over the 2 MB limit",
    );
    expect(MAX_ARTICLE_FILE_BYTES).toBe(5 * 1024 * 1024);
  });
});
