import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { projectRoot, seedsDir } from "../paths.ts";
import { runCli } from "../testing/run-cli.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { ingestInputs, insertsInFlight } from "./ingest-inputs.ts";
import type { ParsedArticle } from "./parse-article.ts";
import { renderArticle } from "./render-article.ts";
import { storeArticle } from "./store-article.ts";

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "raqib-ingest-"));
});

afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function counts() {
  const db = getDb();
  const [articles, comments, sources] = await Promise.all([
    db.article.count(),
    db.comment.count(),
    db.source.count(),
  ]);
  return { articles, comments, sources };
}

const cli = { actor: "test", via: "cli" as const };

function article(title: string, commentCount: number): ParsedArticle {
  return {
    title,
    source: null,
    body: `نص المقال ${title}`,
    comments: Array.from({ length: commentCount }, (_, i) => ({
      title: `عنوان ${i + 1}`,
      author: `قارئ ${i + 1}`,
      body: `تعليق رقم ${i + 1} على ${title}`,
    })),
  };
}

describe("ingesting article files", () => {
  it("stores the five seeds with their nine comments, and a second run adds nothing", async () => {
    const first = await ingestInputs([seedsDir], cli);
    expect(first).toMatchObject({
      files: 5,
      articlesAdded: 5,
      commentsAdded: 9,
      duplicates: 0,
      rejected: 0,
      errors: [],
    });
    const afterFirst = await counts();
    expect(afterFirst.articles).toBe(5);
    expect(afterFirst.comments).toBe(9);

    const second = await ingestInputs([seedsDir], cli);
    expect(second).toMatchObject({
      files: 5,
      articlesAdded: 0,
      commentsAdded: 0,
      duplicates: 14,
      rejected: 0,
    });
    expect(await counts()).toEqual(afterFirst);

    const runs = await getDb().ingestRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.slice(-2).map((r) => [r.status, r.articlesAdded, r.commentsAdded, r.duplicates])).toEqual([
      ["succeeded", 5, 9, 0],
      ["succeeded", 0, 0, 14],
    ]);
    const elaph = await getDb().article.findFirstOrThrow({
      where: { fileName: "003_d4689434a4c02582.txt" },
      include: { comments: { orderBy: { position: "asc" } }, source: true },
    });
    expect(elaph.source?.name).toBe("إيلاف");
    expect(elaph.comments.map((c) => c.position)).toEqual([1, 2, 3, 4, 5]);
    expect(elaph.rawText).toContain("التعليقات");
  });

  it("keeps the raw file text unchanged next to the parsed article", async () => {
    const raw = `\ufeff${renderArticle(article("مقال بنهايات ويندوز", 2), "A", { lineEnding: "\r\n" })}`;
    writeFileSync(join(dir, "crlf.txt"), raw);
    await ingestInputs([join(dir, "crlf.txt")], cli);
    const stored = await getDb().article.findFirstOrThrow({ where: { title: "مقال بنهايات ويندوز" } });
    expect(stored.rawText).toBe(raw.slice(1));
    expect(stored.rawText).toContain("\r\n");
  });

  it("reports each bad file on one line, stores nothing from it, and still ingests the others", async () => {
    const bad = join(dir, "bad");
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, "a-empty.txt"), "  \n\n ");
    writeFileSync(join(bad, "b-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(
      join(bad, "c-latin1.txt"),
      Buffer.concat([Buffer.from("title\n"), Buffer.from([0xe9, 0x74, 0xe9])]),
    );
    writeFileSync(join(bad, "d-header-only.txt"), "عنوان المقال\nنص المقال\nالتعليقات\n");
    writeFileSync(join(bad, "e-good.txt"), renderArticle(article("مقال سليم بين ملفات تالفة", 3), "B"));
    mkdirSync(join(bad, "f-dir.txt"));
    writeFileSync(
      join(bad, "f-dir.txt", "inner.txt"),
      renderArticle(article("مقال داخل مجلد باسم ملف", 1), "A"),
    );
    const before = await counts();
    const summary = await ingestInputs([bad, join(dir, "missing.txt"), join(dir, "notes.pdf")], cli);
    writeFileSync(join(dir, "notes.pdf"), "x");
    expect(summary.articlesAdded).toBe(2);
    expect(summary.commentsAdded).toBe(4);
    const reasons = Object.fromEntries(summary.errors.map((e) => [e.input.replace(`${dir}/`, ""), e.reason]));
    expect(reasons["bad/a-empty.txt"]).toBe("empty file (only whitespace)");
    expect(reasons["bad/b-binary.txt"]).toBe("binary data, not text");
    expect(reasons["bad/c-latin1.txt"]).toMatch(/^invalid UTF-8 at byte 6/);
    expect(reasons["bad/d-header-only.txt"]).toMatch(/التعليقات/);
    expect(reasons["missing.txt"]).toBe("no such file or directory");
    expect(reasons["notes.pdf"]).toBe("no such file or directory");
    expect(await counts()).toMatchObject({ articles: before.articles + 2, comments: before.comments + 4 });
    const run = await getDb().ingestRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.status).toBe("partial");
    expect((run.errors as unknown[]).length).toBe(summary.errors.length);
  });

  it("rejects a file type it does not know when named directly", async () => {
    writeFileSync(join(dir, "notes.pdf"), "%PDF-1.4");
    const summary = await ingestInputs([join(dir, "notes.pdf")], cli);
    expect(summary.errors).toEqual([
      {
        input: join(dir, "notes.pdf"),
        reason: "unsupported file type '.pdf' (expected .txt, .jsonl, .ndjson or .csv)",
      },
    ]);
  });

  it("an article whose write fails mid-way leaves the database exactly as before", async () => {
    const before = await counts();
    const parsed = article("مقال يفشل في منتصفه", 5);
    // PostgreSQL refuses NUL in text: the fourth comment fails after the article row was written.
    (parsed.comments[3] as { body: string }).body = "bad \u0000 byte";
    const run = await getDb().ingestRun.create({ data: { actor: "test", via: "cli", inputs: [] } });
    await expect(
      storeArticle({ parsed, rawText: "x", fileName: "x.txt", ingestRunId: run.id }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(await getDb().article.findFirst({ where: { title: "مقال يفشل في منتصفه" } })).toBeNull();
  });
});

describe("ingesting comment exports", () => {
  const row = (n: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      source: "سانا",
      article_url: "https://sana.example/news/1",
      article_title: "خبر للاختبار",
      author: `كاتب ${n}`,
      title: null,
      body: `تعليق ${n}: "اقتباس"، وفاصلة`,
      created_at: "2025-05-01T10:00:00Z",
      ...extra,
    });

  it("stores the valid JSONL rows and reports every bad row with its line number", async () => {
    const lines = [
      row(1),
      "{not json",
      row(2, { body: 42 }),
      "",
      row(3, { body: "x".repeat(20_001) }),
      row(4),
      row(5, { created_at: "yesterday" }),
      row(6),
    ];
    writeFileSync(join(dir, "export.jsonl"), `${lines.join("\n")}\n`);
    const summary = await ingestInputs([join(dir, "export.jsonl")], cli);
    expect(summary.commentsAdded).toBe(3);
    expect(summary.articlesAdded).toBe(1);
    expect(summary.errors.map((e) => [e.line, e.reason.split(":")[0]])).toEqual([
      [2, "broken JSON"],
      [3, "body"],
      [5, "body"],
      [7, "created_at"],
    ]);
    expect(summary.errors[2]?.reason).toBe("body: 20001 characters, over the 20000 limit");
    const stored = await getDb().comment.findMany({
      where: { article: { url: "https://sana.example/news/1" } },
      orderBy: { position: "asc" },
    });
    expect(stored.map((c) => c.author)).toEqual(["كاتب 1", "كاتب 4", "كاتب 6"]);
    expect(stored[0]?.postedAt?.toISOString()).toBe("2025-05-01T10:00:00.000Z");
    expect(stored[0]?.body).toBe('تعليق 1: "اقتباس"، وفاصلة');
    // The same file again: all duplicates.
    const again = await ingestInputs([join(dir, "export.jsonl")], cli);
    expect(again.commentsAdded).toBe(0);
    expect(again.duplicates).toBe(3);
  });

  it("reads CSV with quoted commas and newlines, rejecting rows with the wrong column count", async () => {
    const csv = [
      "source,article_url,article_title,author,title,body,created_at",
      'إيلاف,,مقال CSV,سمير,,"سطر أول، ثم فاصلة\nوسطر ثان",2025-01-02',
      "إيلاف,,مقال CSV,too,many,columns,here,x",
      'إيلاف,,مقال CSV,ليلى,عنوان,"قالت ""نعم""",',
    ].join("\n");
    writeFileSync(join(dir, "export.csv"), csv);
    const summary = await ingestInputs([join(dir, "export.csv")], cli);
    expect(summary.commentsAdded).toBe(2);
    expect(summary.errors).toEqual([
      { input: join(dir, "export.csv"), line: 4, reason: "wrong column count: expected 7 fields, got 8" },
    ]);
    const bodies = (
      await getDb().comment.findMany({
        where: { article: { title: "مقال CSV" } },
        orderBy: { position: "asc" },
      })
    ).map((c) => c.body);
    expect(bodies).toEqual(["سطر أول، ثم فاصلة\nوسطر ثان", 'قالت "نعم"']);
  });

  it("attaches export rows to the article they came from, so a re-import of exported comments adds nothing", async () => {
    const seed = await getDb().article.findFirstOrThrow({
      where: { fileName: "003_d4689434a4c02582.txt" },
      include: { comments: { orderBy: { position: "asc" } }, source: true },
    });
    const exported = seed.comments
      .map((c) =>
        JSON.stringify({
          source: seed.source?.name,
          article_url: null,
          article_title: seed.title,
          author: c.author,
          title: c.title,
          body: c.body,
          created_at: null,
        }),
      )
      .join("\n");
    const before = await counts();
    const summary = await ingestInputs(["-"], { ...cli, stdin: Readable.from([Buffer.from(exported)]) });
    expect(summary).toMatchObject({ commentsAdded: 0, articlesAdded: 0, duplicates: 5, errors: [] });
    expect(await counts()).toEqual(before);
  });

  it("rejects a 60 MB single-line file row by row without holding it", async () => {
    const path = join(dir, "huge.jsonl");
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    writeFileSync(path, "");
    const { appendFileSync } = await import("node:fs");
    for (let i = 0; i < 60; i++) appendFileSync(path, chunk);
    const rssBefore = process.memoryUsage().rss;
    const summary = await ingestInputs([path], cli);
    expect(summary.errors).toEqual([
      { input: path, line: 1, reason: "line is 62914560 bytes, over the 1048576 byte limit" },
    ]);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(40 * 1024 * 1024);
  });
});

describe("raqib ingest (CLI)", () => {
  it("prints one line per bad input, a summary line, and exits 1", async () => {
    writeFileSync(join(dir, "empty.txt"), "");
    const result = await runCli(
      ["ingest", join(dir, "empty.txt"), join(seedsDir, "001_95892bf65fde77ec.txt")],
      { env: { DATABASE_URL: database.url } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`raqib: ${join(dir, "empty.txt")}: empty file\n`);
    expect(result.stdout).toMatch(
      /^Ingested 2 input\(s\): 0 article\(s\) and 0 comment\(s\) added, 1 duplicate\(s\), 1 rejected \(run #\d+/,
    );
  });

  it("prints a JSON summary with --json and reads standard input with -", async () => {
    const text = renderArticle(article("مقال من الإدخال القياسي", 2), "A");
    const result = await runCli(["ingest", "-", "--json"], {
      env: { DATABASE_URL: database.url },
      stdin: text,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      files: 1,
      articlesAdded: 1,
      commentsAdded: 2,
      errors: [],
    });
  });

  it("needs at least one path", async () => {
    const result = await runCli(["ingest"], { env: { DATABASE_URL: database.url } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "raqib: ingest: name at least one file, directory or - (see 'raqib help ingest')\n",
    );
  });
});

describe("kill -9 during an ingest", () => {
  it("leaves no half-stored article", async () => {
    const folder = join(dir, "many");
    mkdirSync(folder);
    for (let i = 0; i < 400; i++) {
      writeFileSync(
        join(folder, `a${String(i).padStart(4, "0")}.txt`),
        renderArticle(article(`مقال طويل رقم ${i}`, 60), i % 2 ? "A" : "B"),
      );
    }
    const child: ChildProcess = spawn(process.execPath, ["bin/raqib.mjs", "ingest", folder], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const countLong = () => getDb().article.count({ where: { title: { startsWith: "مقال طويل رقم" } } });
    const deadline = Date.now() + 60_000;
    while ((await countLong()) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;
    const stored = await getDb().article.findMany({
      where: { title: { startsWith: "مقال طويل رقم" } },
      select: { _count: { select: { comments: true } } },
    });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(400);
    expect(stored.every((a) => a._count.comments === 60)).toBe(true);
  }, 120_000);
});

describe("insertsInFlight", () => {
  it("keeps two batches in PostgreSQL on one or two cores and one a core but Node's above, up to four", () => {
    expect([1, 2, 3, 4, 5, 8, 64].map(insertsInFlight)).toEqual([2, 2, 2, 3, 4, 4, 4]);
  });
});
