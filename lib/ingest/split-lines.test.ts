import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type SplitLine, splitLines } from "./split-lines.ts";

async function collect(source: AsyncIterable<Uint8Array | string>, max?: number): Promise<SplitLine[]> {
  const out: SplitLine[] = [];
  for await (const line of splitLines(source, max)) out.push(line);
  return out;
}

describe("splitLines", () => {
  it("splits on LF and CRLF across chunk boundaries and numbers lines from 1", async () => {
    const chunks = ["\ufeffأول\r", "\nثا", "ني\n\nرابع"].map((c) => Buffer.from(c));
    expect(await collect(Readable.from(chunks))).toEqual([
      { lineNumber: 1, text: "أول" },
      { lineNumber: 2, text: "ثاني" },
      { lineNumber: 3, text: "" },
      { lineNumber: 4, text: "رابع" },
    ]);
  });

  it("keeps a multi-byte letter split between chunks intact", async () => {
    const bytes = Buffer.from("سلام\n");
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3)];
    expect(await collect(Readable.from(chunks))).toEqual([{ lineNumber: 1, text: "سلام" }]);
  });

  it("reports invalid UTF-8 per line", async () => {
    const chunks = [Buffer.concat([Buffer.from("ok\n"), Buffer.from([0xc7, 0x41]), Buffer.from("\nok2")])];
    expect(await collect(Readable.from(chunks))).toEqual([
      { lineNumber: 1, text: "ok" },
      { lineNumber: 2, invalidUtf8: true },
      { lineNumber: 3, text: "ok2" },
    ]);
  });

  it("reports a line over the cap by its size and goes on with the next line", async () => {
    const chunks = [
      Buffer.from("short\n"),
      Buffer.alloc(5000, 0x61),
      Buffer.alloc(5000, 0x62),
      Buffer.from("\nafter\n"),
    ];
    expect(await collect(Readable.from(chunks), 1024)).toEqual([
      { lineNumber: 1, text: "short" },
      { lineNumber: 2, tooLongBytes: 10_000 },
      { lineNumber: 3, text: "after" },
    ]);
  });

  it("streams a 60 MB single line without holding it", async () => {
    const chunkSize = 1024 * 1024;
    let produced = 0;
    const chunk = Buffer.alloc(chunkSize, 0x7b);
    async function* sixtyMegabytes() {
      for (let i = 0; i < 60; i++) {
        produced += chunkSize;
        yield chunk;
      }
    }
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const lines: SplitLine[] = [];
    for await (const line of splitLines(sixtyMegabytes(), 1024 * 1024)) lines.push(line);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    expect(produced).toBe(60 * chunkSize);
    expect(lines).toEqual([{ lineNumber: 1, tooLongBytes: 60 * chunkSize }]);
    // Held bytes stay around the cap, far below the 60 MB that went through.
    expect(peak - before).toBeLessThan(20 * chunkSize);
  });
});
