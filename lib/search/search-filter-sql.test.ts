import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { getPool } from "../db/pool.ts";
import { insertComments } from "../ingest/insert-comments.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { searchFilterSql } from "./search-filter-sql.ts";

let database: TestDatabase;
const LONG = `${"ب".repeat(40)}كلمةمخفية${"ت".repeat(40)}`;
const BODIES = {
  long: `تعليق ${LONG}`,
  plain: "الحكومة لم تفعل شيئاً يا ناس",
  wildcard: "نسبة 100% من الناس",
  twin: "الحكومة الحكومة الحكومة",
};

/** Bodies whose comments the search `term` finds. */
async function search(term: string): Promise<string[]> {
  const params: unknown[] = [];
  const sql = searchFilterSql(term, (value) => {
    params.push(value);
    return `$${params.length}`;
  });
  const rows = await database.query<{ body: string }>(
    `SELECT body FROM comment c WHERE ${sql} ORDER BY id`,
    params,
  );
  return rows.map((r) => r.body);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const article = await getDb().article.create({ data: { title: "مقال", body: "", contentHash: "a" } });
  await insertComments(
    getPool(),
    Object.entries(BODIES).map(([name, body], i) => ({
      articleId: article.id,
      position: i + 1,
      title: name === "plain" ? "عنوان التعليق" : null,
      author: null,
      body,
      bodyHash: testBodyHash(`h-${name}`),
      postedAt: null,
      ingestRunId: null,
      classification: null,
    })),
  );
});
afterAll(async () => database.drop());

describe("searchFilterSql", () => {
  it("stores each comment's distinct words and a marker for a word too long to index", async () => {
    const rows = await database.query<{ body_hash: string; search_words: string[] }>(
      "SELECT body_hash, search_words FROM comment ORDER BY id",
    );
    expect(rows.find((r) => r.body_hash === testBodyHash("h-long"))?.search_words).toEqual([
      "تعليق",
      "\u0001long",
    ]);
    expect(rows.find((r) => r.body_hash === testBodyHash("h-twin"))?.search_words).toEqual(["الحكومه"]);
    expect(rows.find((r) => r.body_hash === testBodyHash("h-plain"))?.search_words).toContain("التعليق");
  });

  it("keeps every stored word, and never the marker, in the dictionary", async () => {
    const words = (await database.query<{ word: string }>("SELECT word FROM search_word")).map((r) => r.word);
    expect(words).toEqual(expect.arrayContaining(["تعليق", "الحكومه", "شييا", "100%", "عنوان"]));
    expect(words).not.toContain("\u0001long");
  });

  it("finds a term inside a word too long to index", async () => {
    expect(await search("كلمةمخفية")).toEqual([BODIES.long]);
    expect(await search(`ب${"ت".repeat(70)}`)).toEqual([]);
    expect(await search(`كلمةمخفية${"ت".repeat(40)}`)).toEqual([BODIES.long]);
  });

  it("searches the title with the body, and takes LIKE wildcards literally", async () => {
    expect(await search("التعليق الحكومة")).toEqual([BODIES.plain]);
    expect(await search("100%")).toEqual([BODIES.wildcard]);
    expect(await search("1_0")).toEqual([]);
    expect(await search("الحكومة")).toEqual([BODIES.plain, BODIES.twin]);
  });

  it("finds nothing for a word no comment holds", async () => {
    expect(await search("غيرموجودة")).toEqual([]);
  });
});
