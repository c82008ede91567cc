import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../command.ts";
import { main } from "../main.ts";

class Collect extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function context(input = ""): { ctx: CliContext; stdout: Collect; stderr: Collect } {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new Collect();
  const stderr = new Collect();
  return { ctx: { stdin, stdout, stderr, interactive: false, env: {} }, stdout, stderr };
}

const lines = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("raqib classify", () => {
  it("classifies JSON lines from stdin to stdout", async () => {
    const { ctx, stdout, stderr } = context(
      '{"id":"a","text":"يا حمار"}\n{"id":2,"text":"شكراً على التقرير"}\n',
    );
    expect(await main(["classify", "--lexicon-version", "files"], ctx)).toBe(0);
    expect(stderr.text).toBe("");
    const out = lines(stdout.text);
    expect(out.map((o) => [o.id, o.insult, o.sentiment])).toEqual([
      ["a", true, "negative"],
      [2, false, "positive"],
    ]);
    expect(out[0]).toHaveProperty("lexiconVersion");
    expect(out[0]).toHaveProperty("matches");
  });

  it("reports each bad line by number and goes on with the rest", async () => {
    const input = [
      '{"id":"ok1","text":"انت غبي"}',
      "{not json",
      '{"id":"n","text":42}',
      '{"id":"e","text":""}',
      '{"text":"no id"}',
      "",
      `{"id":"long","text":"${"ح".repeat(200_000)}"}`,
      '{"id":"ok2","text":"Great reporting"}',
    ].join("\n");
    const { ctx, stdout, stderr } = context(input);
    expect(await main(["classify", "--lexicon-version", "files"], ctx)).toBe(1);
    const errors = stderr.text.trim().split("\n");
    expect(errors[0]).toMatch(/^raqib: <stdin>:2: invalid JSON/);
    expect(errors[1]).toBe("raqib: <stdin>:3: text must be a string, got number");
    expect(errors[2]).toBe("raqib: <stdin>:4: text is empty");
    expect(errors[3]).toBe('raqib: <stdin>:5: "id" must be a string or number');
    expect(errors[4]).toBe("raqib: <stdin>:7: text is 200000 characters long; the limit is 100000");
    expect(errors[5]).toBe("raqib: classify: 5 of 8 lines failed");
    const out = lines(stdout.text);
    expect(out.map((o) => o.id)).toEqual(["ok1", null, "n", "e", null, "long", "ok2"]);
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^invalid JSON/) });
    expect(out[6]).toMatchObject({ id: "ok2", insult: false, sentiment: "positive" });
  });

  it("reads --input and writes --output files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "raqib-classify-"));
    writeFileSync(join(dir, "in.jsonl"), '{"id":"x","text":"الاحتلال الروسي دمر حلب"}\n');
    const { ctx } = context();
    expect(
      await main(
        [
          "classify",
          "--lexicon-version",
          "files",
          "--input",
          join(dir, "in.jsonl"),
          "--output",
          join(dir, "out.jsonl"),
        ],
        ctx,
      ),
    ).toBe(0);
    const [result] = lines(readFileSync(join(dir, "out.jsonl"), "utf8"));
    expect(result).toMatchObject({ id: "x", stance: { russia: "against" } });
  });

  it("names a missing input file", async () => {
    const { ctx, stderr } = context();
    expect(
      await main(["classify", "--lexicon-version", "files", "--input", "/nonexistent/in.jsonl"], ctx),
    ).toBe(1);
    expect(stderr.text).toMatch(/^raqib: classify: cannot read \/nonexistent\/in.jsonl/);
  });
});

describe("raqib eval", () => {
  const gold = [
    { id: "1", text: "يا حمار", insult: true, sentiment: "negative", stance: {} },
    { id: "2", text: "تقرير ممتاز", insult: false, sentiment: "positive", stance: {} },
    {
      id: "3",
      text: "الاحتلال الروسي دمر حلب",
      insult: false,
      sentiment: "negative",
      stance: { russia: "against" },
    },
    {
      id: "4",
      text: "الأصدقاء الروس وقفوا معنا",
      insult: false,
      sentiment: "positive",
      stance: { russia: "favor" },
    },
  ];

  it("prints insult, sentiment and stance figures for a gold file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "raqib-eval-"));
    const file = join(dir, "gold.jsonl");
    writeFileSync(file, gold.map((g) => JSON.stringify(g)).join("\n"));
    const { ctx, stdout } = context();
    expect(await main(["eval", "--gold", file], ctx)).toBe(0);
    expect(stdout.text).toContain("4 comments");
    expect(stdout.text).toMatch(/Insult: P 1\.000 {2}R 1\.000 {2}F1 1\.000/);
    expect(stdout.text).toMatch(/russia +1\.000/);
    expect(stdout.text).toMatch(/overall +1\.000/);
  });

  it("prints JSON with --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "raqib-eval-"));
    const file = join(dir, "gold.jsonl");
    writeFileSync(file, gold.map((g) => JSON.stringify(g)).join("\n"));
    const { ctx, stdout } = context();
    expect(await main(["eval", "--gold", file, "--json"], ctx)).toBe(0);
    const report = JSON.parse(stdout.text);
    expect(report.insult.f1).toBe(1);
    expect(report.stance.perTarget.russia.macroF1).toBe(1);
  });

  it("scores OSACT TSV on the validation split by default", async () => {
    const dir = mkdtempSync(join(tmpdir(), "raqib-eval-"));
    const file = join(dir, "osact.tsv");
    const rows = Array.from(
      { length: 40 },
      (_, i) => `train-${i}\t${i % 2 ? "يا كلب" : "صباح الخير"}\t${i % 2}\t0`,
    );
    writeFileSync(file, ["id\ttext\toffensive\thate", ...rows].join("\n"));
    const { ctx, stdout } = context();
    expect(await main(["eval", "--gold", file], ctx)).toBe(0);
    expect(stdout.text).toContain("validation split): 6 tweets");
    expect(stdout.text).toMatch(/Offensive: P 1\.000 {2}R 1\.000 {2}F1 1\.000/);
  });

  it("names the line of a bad gold row and rejects bad flags", async () => {
    const dir = mkdtempSync(join(tmpdir(), "raqib-eval-"));
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, '{"id":"1","text":"x","insult":"yes","sentiment":"neutral"}\n');
    const bad = context();
    expect(await main(["eval", "--gold", file], bad.ctx)).toBe(1);
    expect(bad.stderr.text).toMatch(/^raqib: eval: .*bad\.jsonl:1: insult: /);
    const flags = context();
    expect(await main(["eval", "--gold", file, "--split", "dev"], flags.ctx)).toBe(2);
    const missing = context();
    expect(await main(["eval"], missing.ctx)).toBe(2);
    expect(missing.stderr.text).toContain("--gold FILE is required");
  });
});
