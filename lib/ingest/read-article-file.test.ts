import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { InputDecodeError } from "./ingest-error.ts";
import { InputFileError, readArticleStream, readArticleText } from "./read-article-file.ts";

const dir = mkdtempSync(join(tmpdir(), "raqib-read-"));

describe("readArticleText", () => {
  it("returns the decoded text, line ends untouched and the BOM dropped", async () => {
    const path = join(dir, "a.txt");
    writeFileSync(path, "\ufeffعنوان\r\nنص\r\n");
    expect(await readArticleText(path)).toBe("عنوان\r\nنص\r\n");
  });

  it("refuses directories named like files and missing files with InputFileError", async () => {
    const folder = join(dir, "looks-like.txt");
    mkdirSync(folder);
    await expect(readArticleText(folder)).rejects.toThrow(
      new InputFileError("is a directory, not an article file"),
    );
    await expect(readArticleText(join(dir, "missing.txt"))).rejects.toThrow(
      new InputFileError("no such file"),
    );
  });

  it("refuses a file over the limit from its size alone", async () => {
    const path = join(dir, "big.txt");
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024, 0x61));
    await expect(readArticleText(path, 1024 * 1024)).rejects.toThrow(
      new InputDecodeError("file is 3 MB, over the 1 MB limit"),
    );
  });
});

describe("readArticleStream", () => {
  it("decodes a stream and stops reading past the limit", async () => {
    expect(await readArticleStream(Readable.from([Buffer.from("عنوان\n"), Buffer.from("نص")]))).toBe(
      "عنوان\nنص",
    );
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(64 * 1024, 0x61);
      }
    }
    await expect(readArticleStream(endless(), 1024 * 1024)).rejects.toThrow(/over the 1 MB limit/);
    expect(pulled).toBeLessThanOrEqual(17);
  });
});
