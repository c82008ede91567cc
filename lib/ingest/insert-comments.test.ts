import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { getPool } from "../db/pool.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { type CommentInsert, insertComments, KnownWords } from "./insert-comments.ts";

let database: TestDatabase;
let articleId: number;

function comment(body: string, hash: string, article = articleId): CommentInsert {
  return {
    articleId: article,
    position: 1,
    title: null,
    author: null,
    body,
    bodyHash: testBodyHash(hash),
    postedAt: null,
    ingestRunId: null,
    classification: null,
  };
}

async function dictionary(): Promise<string[]> {
  return (await database.query<{ word: string }>("SELECT word FROM search_word ORDER BY word")).map(
    (r) => r.word,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  articleId = (await getDb().article.create({ data: { title: "مقال", body: "", contentHash: "a" } })).id;
});
afterAll(async () => database.drop());

describe("KnownWords", () => {
  it("remembers words and starts afresh past its limit", () => {
    const known = new KnownWords(3);
    known.addAll(["a", "b"]);
    expect(known.has("a")).toBe(true);
    known.addAll(["c", "d"]);
    expect(known.has("a")).toBe(false);
    expect(known.has("d")).toBe(true);
  });
});

describe("insertComments and the search dictionary", () => {
  it("stores the batch's words and remembers them once the batch is stored", async () => {
    const known = new KnownWords();
    expect(
      await insertComments(getPool(), [comment("كلمة أولى", "h1"), comment("كلمة ثانية", "h2")], known),
    ).toBe(2);
    expect(await dictionary()).toEqual(expect.arrayContaining(["اولي", "ثانيه", "كلمه"]));
    expect(known.has("كلمه")).toBe(true);
  });

  it("does not send words the run already stored", async () => {
    const known = new KnownWords();
    known.addAll(["مخفيه"]);
    await insertComments(getPool(), [comment("مخفية ظاهرة", "h3")], known);
    const words = await dictionary();
    expect(words).toContain("ظاهره");
    expect(words).not.toContain("مخفيه");
  });

  it("remembers nothing from a batch that failed", async () => {
    const known = new KnownWords();
    await expect(insertComments(getPool(), [comment("ضائعة", "h4", 999_999)], known)).rejects.toThrow();
    expect(known.has("ضايعه")).toBe(false);
    expect(await dictionary()).not.toContain("ضايعه");
  });
});
