import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testContext } from "../../testing/cli-test-context.ts";
import { main } from "../main.ts";

const dir = mkdtempSync(join(tmpdir(), "raqib-synth-"));

async function run(args: string[]) {
  const t = testContext();
  const code = await main(["synth", ...args], t.ctx);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe("raqib synth", () => {
  it("writes N JSONL comments to --out, the same for the same seed", async () => {
    const a = join(dir, "a.jsonl");
    const b = join(dir, "b.jsonl");
    const first = await run(["--comments", "500", "--articles", "9", "--seed", "4", "--out", a]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^raqib: wrote 500 comments to .*a\.jsonl in [\d.]+ s\n$/);
    await run(["--comments", "500", "--articles", "9", "--seed", "4", "--out", b]);
    const text = readFileSync(a, "utf8");
    expect(text).toBe(readFileSync(b, "utf8"));
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(500);
    expect(new Set(lines.map((line) => JSON.parse(line).article_url)).size).toBeLessThanOrEqual(9);
  });

  it("writes to stdout for --out -", async () => {
    const { code, stdout } = await run(["--comments", "3", "--out", "-"]);
    expect(code).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split("\n")
        .map((line) => typeof JSON.parse(line).body),
    ).toEqual(["string", "string", "string"]);
  });

  it.each([
    [["--out", "x.jsonl"], /--comments N is required/],
    [["--comments", "10"], /--out FILE is required/],
    [["--comments", "ten", "--out", "x"], /--comments must be a non-negative integer, got 'ten'/],
    [["--comments", "1", "--articles", "0", "--out", "x"], /--articles must be a positive integer/],
    [["--comments", "1", "--bogus", "--out", "x"], /^raqib: synth: .*bogus/],
  ])("rejects %j", async (args, reason) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
  });

  it("reports an unwritable --out in one line", async () => {
    const path = join(dir, "no-such-dir", "out.jsonl");
    const { code, stderr } = await run(["--comments", "10", "--out", path]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^raqib: ${path}: cannot write \\(.*ENOENT.*\\)\\n$`));
  });
});
