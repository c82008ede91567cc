import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testContext } from "../../testing/cli-test-context.ts";
import { main } from "../main.ts";

const dir = mkdtempSync(join(tmpdir(), "raqib-parse-"));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const seed003 = new URL("../../../seeds/003_d4689434a4c02582.txt", import.meta.url);

async function run(args: string[], stdin?: string) {
  const t = testContext(stdin);
  const code = await main(["parse", ...args], t.ctx);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe("raqib parse", () => {
  it("prints one JSON object with the parse result", async () => {
    const path = file("seed-003.txt", readFileSync(seed003));
    const { code, stdout, stderr } = await run([path]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    const parsed = JSON.parse(stdout);
    expect(Object.keys(parsed)).toEqual(["title", "source", "body", "comments"]);
    expect(parsed.source).toBe("إيلاف");
    expect(parsed.comments).toHaveLength(5);
    expect(parsed.comments[2]).toEqual({
      title: "c pas toi qui decide",
      author: "jamal",
      body: expect.stringMatching(/^pourquoi ces syriens/),
    });
  });

  it("reads stdin for '-' and decodes UTF-16", async () => {
    const { code, stdout } = await run(["-"], "عنوان\nنص");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ title: "عنوان", source: null, body: "نص", comments: [] });
    const utf16 = file(
      "utf16.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("عنوان\r\nنص", "utf16le")]),
    );
    expect(JSON.parse((await run([utf16])).stdout).title).toBe("عنوان");
  });

  it.each([
    ["empty.txt", "", "empty file"],
    ["blank.txt", "  \n\n", "empty file (only whitespace)"],
    ["binary.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), "binary data, not text"],
    ["cp1256.txt", Buffer.from([0x41, 0xc7, 0xe1]), "invalid UTF-8 at byte 1 (save the file as UTF-8)"],
    [
      "header-only.txt",
      "عنوان\nنص\nالتعليقات\n",
      "line 3: the comments header 'التعليقات' is followed by no comments",
    ],
    [
      "cut-off.txt",
      "عنوان\nنص\nالتعليقات\n\nرأي\nعلي -\n",
      "line 5: the comment section is cut off: the last comment has no body",
    ],
  ])("rejects %s with one line 'raqib: <path>: <reason>'", async (name, content, reason) => {
    const path = file(name, content);
    const { code, stdout, stderr } = await run([path]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`raqib: ${path}: ${reason}\n`);
  });

  it("rejects a directory named like a file, a missing file and a file over the limit", async () => {
    const folder = join(dir, "article.txt.d");
    mkdirSync(folder, { recursive: true });
    expect((await run([folder])).stderr).toBe(`raqib: ${folder}: is a directory, not an article file\n`);
    expect((await run([join(dir, "missing.txt")])).stderr).toMatch(/: no such file\n$/);
    const huge = file("huge.txt", Buffer.alloc(6 * 1024 * 1024, 0x61));
    expect((await run([huge])).stderr).toBe(`raqib: ${huge}: file is 6 MB, over the 5 MB limit\n`);
  });

  it("explains its usage errors", async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^raqib: parse: expects exactly one FILE/);
  });
});
