import "../testing/auth-env.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../app/api/v1/ingest/route.ts";
import { createApiToken } from "../auth/create-api-token.ts";
import { getDb } from "../db/client.ts";
import { seedsDir } from "../paths.ts";
import { createTestToken, createTestUser, sessionCookie, TEST_ORIGIN } from "../testing/auth-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";

let database: TestDatabase;
let ingestToken: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ingestToken = (await createTestToken(["ingest"])).token;
});
afterAll(async () => database.drop());

function post(
  body: string,
  type: string,
  token: string | null = ingestToken,
  extra: Record<string, string> = {},
) {
  return POST(
    new Request(`${TEST_ORIGIN}/api/v1/ingest`, {
      method: "POST",
      headers: { "content-type": type, ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
      body,
    }),
  );
}

describe("POST /api/v1/ingest", () => {
  it("stores an article dump sent as text/plain and says what it stored", async () => {
    const text = readFileSync(join(seedsDir, "000_a8f4b5e32d361335.txt"), "utf8");
    const response = await post(text, "text/plain; charset=utf-8");
    expect(response.status).toBe(200);
    const { summary } = await response.json();
    expect(summary).toMatchObject({ articlesAdded: 1, commentsAdded: 4, duplicates: 0, errors: [] });
    const run = await getDb().ingestRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.via).toBe("http");
    expect(run.actor).toMatch(/^token:test-ingest-/);
    // Idempotent: the same body again adds nothing.
    const again = await (await post(text, "text/plain")).json();
    expect(again.summary).toMatchObject({ articlesAdded: 0, commentsAdded: 0, duplicates: 5 });
  });

  it("stores valid JSON articles and answers 400 with the list of the invalid ones", async () => {
    const body = JSON.stringify({
      articles: [
        {
          title: "مقال عبر الواجهة",
          body: "نص",
          url: "https://cms.example/1",
          comments: [{ author: "قارئ", body: "تعليق أول" }, { body: "تعليق ثان" }],
        },
        { title: "", comments: [] },
        { title: "مقال بتعليق فارغ", comments: [{ body: "   " }] },
      ],
    });
    const response = await post(body, "application/json");
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.errors).toEqual([
      { input: "articles[1].title", reason: "empty" },
      { input: "articles[2].comments[0].body", reason: "empty" },
    ]);
    expect(json.summary).toMatchObject({ articlesAdded: 1, commentsAdded: 2 });
    const stored = await getDb().article.findFirstOrThrow({
      where: { title: "مقال عبر الواجهة" },
      include: { comments: { include: { classification: true } } },
    });
    expect(stored.url).toBe("https://cms.example/1");
    expect(stored.comments.map((c) => c.author).sort()).toEqual(["قارئ", null].sort());
    expect(stored.comments.every((c) => c.classification?.lexiconVersion)).toBe(true);
  });

  it("takes comment rows as NDJSON, reporting bad rows by line, and fills the token's source", async () => {
    const source = await getDb().source.create({ data: { name: "موقع الاختبار" } });
    const { token } = await createApiToken(
      { name: "cms", scopes: ["ingest"], sourceId: source.id },
      { actor: { label: "test" } },
    );
    const rows = [
      JSON.stringify({ article_title: "خبر من الصف", body: "تعليق على الخبر" }),
      "{broken",
      JSON.stringify({ article_title: "خبر من الصف", body: "تعليق آخر", author: "سلمى" }),
    ].join("\n");
    const response = await post(rows, "application/x-ndjson", token);
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0]).toMatchObject({ input: "request body", line: 2 });
    expect(json.errors[0].reason).toMatch(/^broken JSON/);
    expect(json.summary.commentsAdded).toBe(2);
    const article = await getDb().article.findFirstOrThrow({
      where: { title: "خبر من الصف" },
      include: { source: true },
    });
    expect(article.source?.name).toBe("موقع الاختبار");
  });

  it("answers 413 for a body over the limit, whatever Content-Length says, and stores nothing", async () => {
    const before = await getDb().comment.count();
    process.env.RAQIB_INGEST_MAX_BYTES = "1000";
    try {
      const big = JSON.stringify({ article_title: "كبير", body: "x".repeat(2000) });
      const response = await post(big, "application/x-ndjson");
      expect(response.status).toBe(413);
      expect((await response.json()).error).toMatch(/over the 1000 byte limit/);
    } finally {
      delete process.env.RAQIB_INGEST_MAX_BYTES;
    }
    expect(await getDb().comment.count()).toBe(before);
  });

  it("answers 415 for an unknown type, 400 for an empty body or malformed JSON", async () => {
    expect((await post("x", "application/pdf")).status).toBe(415);
    const empty = await post("", "text/plain");
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toBe("the request body is empty");
    const malformed = await post("{nope", "application/json");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatch(/^malformed JSON/);
  });

  it("refuses callers without an ingest token, and a refused call stores nothing", async () => {
    const before = await getDb().comment.count();
    const body = JSON.stringify({ title: "مقال مرفوض", comments: [{ body: "لا يجب أن يخزن" }] });
    expect((await post(body, "application/json", null)).status).toBe(401);
    expect((await post(body, "application/json", (await createTestToken(["classify"])).token)).status).toBe(
      403,
    );
    expect(
      (await post(body, "application/json", (await createTestToken(["ingest"], { revoked: true })).token))
        .status,
    ).toBe(401);
    expect((await post(body, "application/json", "raqib_not_a_token")).status).toBe(401);
    const admin = await createTestUser("admin");
    const cookie = await sessionCookie(admin);
    const withSession = await post(body, "application/json", null, {
      cookie,
      origin: TEST_ORIGIN,
      "sec-fetch-site": "same-origin",
    });
    expect(withSession.status).toBe(403);
    expect(await getDb().comment.count()).toBe(before);
  });
});
