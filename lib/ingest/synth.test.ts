import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseJsonlLine } from "./parse-jsonl-rows.ts";
import { createRandom, SYNTH_INSULT_RATE, synthComments, writeSynthJsonl } from "./synth.ts";
import { INSULTS } from "./synth-vocabulary.ts";

async function synthJsonl(
  options: Parameters<typeof writeSynthJsonl>[0],
): Promise<{ text: string; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const count = await writeSynthJsonl(options, out);
  out.end();
  return { text: Buffer.concat(chunks).toString("utf8"), count };
}

describe("synth", () => {
  it("is deterministic for a seed and differs between seeds", async () => {
    const a = await synthJsonl({ comments: 300, seed: 7 });
    const b = await synthJsonl({ comments: 300, seed: 7 });
    const c = await synthJsonl({ comments: 300, seed: 8 });
    expect(a.text).toBe(b.text);
    expect(a.text).not.toBe(c.text);
    expect(createRandom(3)()).toBe(createRandom(3)());
  });

  it("writes exactly N rows in the export's JSONL format, all valid on re-import", async () => {
    const { text, count } = await synthJsonl({ comments: 2_345, articles: 17, seed: 2 });
    const lines = text.trimEnd().split("\n");
    expect(count).toBe(2_345);
    expect(lines).toHaveLength(2_345);
    expect(Object.keys(JSON.parse(lines[0] ?? "{}"))).toEqual([
      "source",
      "article_url",
      "article_title",
      "author",
      "title",
      "body",
      "created_at",
    ]);
    const rows = lines.map((line, i) => parseJsonlLine(line, i + 1));
    expect(rows.filter((r) => "error" in r)).toEqual([]);
    const urls = new Set(rows.map((r) => ("row" in r ? r.row.articleUrl : null)));
    expect(urls.size).toBeLessThanOrEqual(17);
    expect(urls.size).toBeGreaterThan(5);
  });

  it("writes nothing for zero comments", async () => {
    expect(await synthJsonl({ comments: 0 })).toEqual({ text: "", count: 0 });
  });

  it("mixes lengths, languages, anonymity and an insult rate near the target, over two years", () => {
    const rows = [...synthComments({ comments: 20_000, seed: 5 })];
    const lengths = rows.map((r) => r.body.length);
    expect(Math.min(...lengths)).toBeLessThan(10);
    expect(Math.max(...lengths)).toBeGreaterThan(250);
    expect(rows.some((r) => r.body.includes("\n"))).toBe(true);
    const share = (predicate: (r: (typeof rows)[number]) => boolean) =>
      rows.filter(predicate).length / rows.length;
    const insultShare = share((r) => INSULTS.some((insult) => r.body.includes(insult)));
    expect(insultShare).toBeGreaterThan(SYNTH_INSULT_RATE - 0.03);
    expect(insultShare).toBeLessThan(SYNTH_INSULT_RATE + 0.03);
    expect(share((r) => /[a-z]/i.test(r.body))).toBeGreaterThan(0.05);
    expect(share((r) => r.author === null)).toBeGreaterThan(0.05);
    expect(share((r) => r.title === null)).toBeGreaterThan(0.2);
    const times = rows.map((r) => r.createdAt?.getTime() ?? Number.NaN);
    const spanDays = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(600);
    expect(spanDays).toBeLessThanOrEqual(731);
  });
});
