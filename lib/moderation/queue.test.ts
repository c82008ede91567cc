import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { getPool } from "../db/pool.ts";
import { insertComments } from "../ingest/insert-comments.ts";
import { createTestUser, type TestUser } from "../testing/auth-fixtures.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { buildQueueFilter } from "./build-queue-filter.ts";
import { countQueues } from "./count-queues.ts";
import { decideComments } from "./decide-comments.ts";
import { labelComment } from "./label-comment.ts";
import { listQueue } from "./list-queue.ts";
import { parseQueueParams, type QueueParams } from "./queue-params.ts";

let database: TestDatabase;
let me: TestUser;
let other: TestUser;
const ids: Record<string, number> = {};
let articleA: number;
let sourceX: number;

/** The comments every test below reads: name → body, posting date, article. */
const COMMENTS = [
  ["insult", "يا حمار اسكت، أنت لا تفهم شيئاً", "2025-01-10T10:00:00Z", "A"],
  ["praise", "مقال رائع وممتاز، شكراً للكاتب", "2025-01-11T10:00:00Z", "A"],
  ["diacritics", "المُقَاوَمَةُ الشَّعْبِيَّةُ مُسْتَمِرَّةٌ", "2025-01-12T10:00:00Z", "A"],
  ["tatweel", "الحكـــومة لم تفعل شيئا", "2025-01-13T10:00:00Z", "B"],
  ["variants", "إسرائيل والمسؤولية في الأزمة", "2025-01-14T10:00:00Z", "B"],
  ["russia", "روسيا دولة عظيمة ونحن نحب بوتين", "2025-02-01T10:00:00Z", "B"],
  ["french", "Ce gouvernement est vraiment nul et corrompu", "2025-02-02T10:00:00Z", "B"],
  ["undated", "تعليق عادي بدون تاريخ عن الاقتصاد", null, "A"],
] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  me = await createTestUser("moderator", "Me");
  other = await createTestUser("moderator", "Other");
  const db = getDb();
  const source = await db.source.create({ data: { name: "مصدر س" } });
  const otherSource = await db.source.create({ data: { name: "مصدر ع" } });
  sourceX = source.id;
  const a = await db.article.create({
    data: { title: "مقال أ", body: "", contentHash: "a", sourceId: source.id },
  });
  const b = await db.article.create({
    data: { title: "مقال ب", body: "", contentHash: "b", sourceId: otherSource.id },
  });
  articleA = a.id;
  await insertComments(
    getPool(),
    COMMENTS.map(([name, body, date, article], i) => ({
      articleId: article === "A" ? a.id : b.id,
      position: i + 1,
      title: null,
      author: name === "praise" || name === "insult" ? "سامي" : null,
      body,
      bodyHash: testBodyHash(`h-${name}`),
      postedAt: date ? new Date(date) : null,
      ingestRunId: null,
      classification: classify(body),
    })),
  );
  const nameByHash = new Map(COMMENTS.map(([name]) => [testBodyHash(`h-${name}`), name]));
  for (const c of await db.comment.findMany({ select: { id: true, bodyHash: true } }))
    ids[nameByHash.get(c.bodyHash) as string] = c.id;
});
afterAll(async () => database.drop());

function params(query: Record<string, string>): QueueParams {
  const parsed = parseQueueParams(query);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.params;
}

async function names(query: Record<string, string>, viewer = me.id): Promise<string[]> {
  const page = await listQueue(params({ queue: "all", ...query }), viewer);
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return page.data.map((row) => byId.get(row.id) ?? String(row.id));
}

describe("queue filters", () => {
  it("stores a search key without diacritics, tatweel or letter variants", async () => {
    const rows = await database.query<{ search_text: string }>(
      "SELECT search_text FROM comment WHERE id = $1",
      [ids.tatweel],
    );
    expect(rows[0]?.search_text).toBe("الحكومه لم تفعل شييا");
  });

  it("searches Arabic regardless of diacritics, tatweel and letter variants, both ways", async () => {
    expect(await names({ q: "المقاومة" })).toEqual(["diacritics"]);
    expect(await names({ q: "الشعبية مستمرة" })).toEqual(["diacritics"]);
    expect(await names({ q: "الحكومة" })).toEqual(["tatweel"]);
    expect(await names({ q: "الحُكُومَة" })).toEqual(["tatweel"]);
    expect(await names({ q: "اسرائيل" })).toEqual(["variants"]);
    expect(await names({ q: "المسؤوليه" })).toEqual(["variants"]);
    expect(await names({ q: "الازمه" })).toEqual(["variants"]);
    expect(await names({ q: "GOUVERNEMENT" })).toEqual(["french"]);
    expect(await names({ q: "100%_" })).toEqual([]);
  });

  it("finds a substring inside a word, a phrase across words, and nothing for a phrase out of order", async () => {
    expect(await names({ q: "قاومة" })).toEqual(["diacritics"]);
    expect(await names({ q: "ومة الشعب" })).toEqual(["diacritics"]);
    expect(await names({ q: "الشعبية المقاومة" })).toEqual([]);
    expect(await names({ q: "اسكت،" })).toEqual(["insult"]);
    expect(await names({ q: "  الحكومة  " })).toEqual(["tatweel"]);
    expect(await names({ q: "ال" })).toEqual(
      expect.arrayContaining(["diacritics", "tatweel", "variants", "undated"]),
    );
  });

  it("uses the word dictionary's trigram index and the comments' word index for a search", async () => {
    const filter = buildQueueFilter({ q: "المقاومة" }, me.id);
    // Eight rows are cheaper to scan than any index: forbid that to see the indexes are usable.
    const client = await getPool().connect();
    try {
      await client.query("SET enable_seqscan = off");
      const plan = await client.query(`EXPLAIN SELECT id FROM comment c WHERE ${filter.sql}`, filter.params);
      const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text).toMatch(/comment_search_words_idx/);
      expect(text).toMatch(/search_word_word_idx/);
      await client.query("RESET enable_seqscan");
    } finally {
      client.release();
    }
  });

  it("filters by insult flag, score range, sentiment, stance, language, source, article and dates", async () => {
    const classified = Object.fromEntries(COMMENTS.map(([name, body]) => [name, classify(body)]));
    const expectNames = (predicate: (name: string) => boolean) =>
      COMMENTS.map(([name]) => name)
        .filter(predicate)
        .reverse();
    expect(classified.insult?.insult).toBe(true);
    expect(await names({ insult: "yes" })).toEqual(expectNames((n) => classified[n]?.insult === true));
    expect(await names({ insult: "no" })).toEqual(expectNames((n) => classified[n]?.insult === false));
    expect(await names({ scoreMin: "0.5", scoreMax: "1" })).toEqual(
      expectNames((n) => (classified[n]?.insultScore ?? 0) >= 0.5),
    );
    expect(await names({ scoreMax: "0.1" })).toEqual(
      expectNames((n) => (classified[n]?.insultScore ?? 0) <= 0.1),
    );
    expect(await names({ sentiment: "positive" })).toEqual(
      expectNames((n) => classified[n]?.sentiment === "positive"),
    );
    expect(classified.russia?.stance.russia).toBe("favor");
    expect(await names({ stanceTarget: "russia", stanceSide: "favor" })).toEqual(
      expectNames((n) => classified[n]?.stance.russia === "favor"),
    );
    expect(await names({ stanceTarget: "russia" })).toEqual(
      expectNames((n) => !!classified[n]?.stance.russia),
    );
    expect(await names({ language: "fr" })).toEqual(["french"]);
    expect(await names({ source: String(sourceX) })).toEqual(["undated", "diacritics", "praise", "insult"]);
    expect(await names({ article: String(articleA) })).toEqual(["undated", "diacritics", "praise", "insult"]);
    expect(await names({ from: "2025-01-11", to: "2025-01-13" })).toEqual([
      "tatweel",
      "diacritics",
      "praise",
    ]);
    // A comment without a posting date is dated by its ingest (today), as on the dashboard.
    expect(await names({ from: "2025-02-01" })).toEqual(["undated", "french", "russia"]);
    expect(await names({ to: "2025-01-10" })).toEqual(["insult"]);
  });

  it("reads from/to as days in tz: local midnights, the start included and the end excluded", async () => {
    // "insult" was posted at 10:00 UTC on 10 January: 19:00 that day in Tokyo (+9), but exactly
    // midnight starting 11 January on Kiritimati (+14).
    expect(await names({ from: "2025-01-10", to: "2025-01-10", tz: "Asia/Tokyo" })).toEqual(["insult"]);
    expect(await names({ from: "2025-01-10", to: "2025-01-10", tz: "Pacific/Kiritimati" })).toEqual([]);
    expect(await names({ from: "2025-01-11", to: "2025-01-11", tz: "Pacific/Kiritimati" })).toEqual([
      "insult",
    ]);
    expect(await names({ from: "2025-01-11", to: "2025-01-11" })).toEqual(["praise"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await names({ from: today, to: today })).toEqual(["undated"]);
    const bad = parseQueueParams({ from: "2025-01-11", tz: "Mars/Olympus" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.param)).toEqual(["tz"]);
  });

  it("filters by status, queue, human labels and who labelled", async () => {
    await labelComment(
      ids.praise as number,
      { sentiment: "positive" },
      { userId: me.id, actor: { userId: me.id } },
    );
    await labelComment(
      ids.russia as number,
      { insult: false },
      { userId: other.id, actor: { userId: other.id } },
    );
    const praise = await getDb().comment.findUniqueOrThrow({ where: { id: ids.praise } });
    await decideComments([{ id: praise.id, version: praise.version }], "approve", {
      userId: me.id,
      actor: { userId: me.id },
    });
    expect(await names({ labelled: "yes" })).toEqual(["russia", "praise"]);
    expect(await names({ labelled: "no" })).toHaveLength(COMMENTS.length - 2);
    expect(await names({ labelledBy: "me" })).toEqual(["praise"]);
    expect(await names({ labelledBy: "others" })).toEqual(["russia"]);
    expect(await names({ labelledBy: "me" }, other.id)).toEqual(["russia"]);
    // A confusion-matrix cell: what the moderator said against what the classifier said then.
    const praiseSentiment = classify(COMMENTS[1][1]).sentiment;
    expect(await names({ labelCheck: "sentiment", humanSaid: "positive" })).toEqual(["praise"]);
    expect(
      await names({ labelCheck: "sentiment", humanSaid: "positive", classifierSaid: praiseSentiment }),
    ).toEqual(["praise"]);
    expect(await names({ labelCheck: "sentiment", humanSaid: "negative" })).toEqual([]);
    expect(await names({ labelCheck: "insult", humanSaid: "no", classifierSaid: "no" })).toEqual(["russia"]);
    expect(await names({ labelCheck: "insult", humanSaid: "yes" })).toEqual([]);
    expect(await names({ queue: "approved" })).toEqual(["praise"]);
    expect(await names({ status: "approved" })).toEqual(["praise"]);
    expect(await names({ queue: "pending" })).not.toContain("praise");
    expect(await names({ queue: "flagged" })).toEqual(["insult"]);
    const counts = await countQueues(params({ queue: "flagged" }), me.id);
    expect(counts.all).toEqual({ count: COMMENTS.length, capped: false });
    expect(counts.approved.count).toBe(1);
    expect(counts.pending.count).toBe(COMMENTS.length - 1);
    expect(counts.flagged.count).toBe(1);
    expect(counts.rejected.count).toBe(0);
  });
});

describe("queue sorting and keyset pages", () => {
  const order = (sort: string, dir: string) => names({ sort, dir, size: "100" });

  it("sorts by id, posting date and insult score both ways, nulls last ascending", async () => {
    const all = COMMENTS.map(([n]) => n);
    expect(await order("id", "asc")).toEqual(all);
    expect(await order("id", "desc")).toEqual([...all].reverse());
    const byDate = await order("postedAt", "asc");
    expect(byDate.at(-1)).toBe("undated");
    expect(byDate.slice(0, -1)).toEqual(all.filter((n) => n !== "undated"));
    expect(await order("postedAt", "desc")).toEqual([...byDate].reverse());
    const byScore = await order("insultScore", "desc");
    expect(byScore[0]).toBe("insult");
  });

  for (const sort of ["id", "postedAt", "insultScore"]) {
    for (const dir of ["asc", "desc"]) {
      it(`walks every page forwards and back by ${sort} ${dir} without gaps or repeats`, async () => {
        const whole = await order(sort, dir);
        const seen: string[] = [];
        const pages: { names: string[]; prev: string | null }[] = [];
        // Pages of 3 (the URL allows 25, 50, 100; the query takes any size).
        const small = async (cursor: Record<string, string>) =>
          listQueue({ ...params({ queue: "all", sort, dir }), size: 3 as 25, ...cursor }, me.id);
        const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
        let page = await small({});
        expect(page.prevCursor).toBeNull();
        for (;;) {
          const pageNames = page.data.map((r) => byId.get(r.id) as string);
          seen.push(...pageNames);
          pages.push({ names: pageNames, prev: page.prevCursor });
          if (!page.nextCursor) break;
          page = await small({ after: page.nextCursor });
        }
        expect(seen).toEqual(whole);
        // Back from the last page: each previous page is the one we saw.
        for (let i = pages.length - 1; i > 0; i--) {
          const prev = pages[i]?.prev;
          expect(prev).not.toBeNull();
          const back = await small({ before: prev as string });
          expect(back.data.map((r) => byId.get(r.id))).toEqual(pages[i - 1]?.names);
        }
      });
    }
  }

  it("reports a bad parameter by name and ignores it", () => {
    const parsed = parseQueueParams({ queue: "flagged", sort: "body", sentiment: "happy", size: "50" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.param).sort()).toEqual(["sentiment", "sort"]);
    expect(parsed.params.sort).toBe("id");
    expect(parsed.params.size).toBe(50);
  });
});
