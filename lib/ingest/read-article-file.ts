import { open, stat } from "node:fs/promises";
import { decodeInput, tooLargeReason } from "./decode-input.ts";
import { IngestError, InputDecodeError } from "./ingest-error.ts";
import { MAX_ARTICLE_FILE_BYTES } from "./limits.ts";

/** The path cannot be read as a file at all (missing, a directory, a device). */
export class InputFileError extends IngestError {
  constructor(reason: string) {
    super(reason);
    this.name = "InputFileError";
  }
}

/**
 * Reads and decodes an article file: the text to store raw and to hand to parseArticle.
 * The size is checked before reading, so a 60 MB file is refused without being loaded.
 * Throws only IngestError subclasses.
 */
export async function readArticleText(
  path: string,
  maxBytes: number = MAX_ARTICLE_FILE_BYTES,
): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputFileError("is a directory, not an article file");
    if (!info.isFile()) throw new InputFileError("not a regular file");
    size = info.size;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new InputFileError(fileErrorReason(error));
  }
  if (size > maxBytes) throw new InputDecodeError(tooLargeReason(size, maxBytes));
  let bytes: Uint8Array;
  try {
    const handle = await open(path, "r");
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new InputFileError(fileErrorReason(error));
  }
  return decodeInput(bytes, { maxBytes });
}

/** Reads a whole stream (stdin) as article text, refusing more than maxBytes. */
export async function readArticleStream(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number = MAX_ARTICLE_FILE_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buffer.length;
    if (total > maxBytes)
      throw new InputDecodeError(`input is over the ${maxBytes / (1024 * 1024)} MB limit`);
    chunks.push(buffer);
  }
  return decodeInput(Buffer.concat(chunks), { maxBytes });
}

function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory, not an article file";
  return `cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}
