import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPRESSING_RULES } from "../classifier/types.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { decideComments } from "../moderation/decide-comments.ts";
import { labelComment } from "../moderation/label-comment.ts";
import { undoDecisions } from "../moderation/undo-decisions.ts";
import { createTestUser, type TestUser } from "../testing/auth-fixtures.ts";
import { pick, seededRandom } from "../testing/seeded-random.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { type AnalyticsFilters, parseAnalyticsFilters } from "./filters.ts";
import { insultRatesSql } from "./get-insult-rates.ts";
import { getLexiconTerms, lexiconTermsSql } from "./get-lexicon-terms.ts";
import { sentimentOverTimeSql } from "./get-sentiment-over-time.ts";
import { stanceByTargetSql } from "./get-stance-by-target.ts";
import { resolveRange } from "./resolve-range.ts";
import { rollupServes } from "./rollup-sql.ts";

// The rollups must give exactly what counting `comment` gives, for any filter, zone and range,
// and stay so after ingest, re-classification, decisions (status), undo and deletion.
let db: TestDatabase;
let moderator: TestUser;
const now = new Date("2026-03-20T12:00:00Z");

const TERMS = [
  { term: "حمار", category: "insult" },
  { term: "غبي", category: "insult" },
  { term: "رائع", category: "positive" },
  { term: "لا", category: "negator" },
];

async function insertRandomComments(count: number, seed: number): Promise<void> {
  const next = seededRandom(seed);
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    // Around the US DST switch (8 March 2026) and across UTC midnights.
    const at = new Date(Date.UTC(2026, 2, 5) + Math.floor(next() * 10 * 86_400_000));
    const undated = next() < 0.2;
    const classified = next() < 0.9;
    const stance: Record<string, string> = {};
    if (next() < 0.4)
      stance[pick(next, ["russia", "usa", "syrian_government"])] = pick(next, ["favor", "against"]);
    const matches = Array.from({ length: Math.floor(next() * 3) }, () => ({
      ...pick(next, TERMS),
      start: 0,
      end: 2,
      ...(next() < 0.2 ? { rule: pick(next, ["negated", "vocative", "quoted"]) } : {}),
    }));
    rows.push([
      1 + Math.floor(next() * 3),
      testBodyHash(`${seed}-${i}`),
      undated ? null : at,
      undated ? at : now,
      classified ? pick(next, ["positive", "neutral", "negative"]) : null,
      classified ? next() < 0.3 : null,
      classified ? JSON.stringify(stance) : null,
      classified ? JSON.stringify(matches) : null,
      pick(next, ["ar", "en", null]),
    ]);
  }
  // One multi-row statement, as ingest writes its batches.
  await db.query(
    `INSERT INTO comment (article_id, position, body, body_hash, posted_at, ingested_at, sentiment, insult, stance, matches, language)
     SELECT a, 1, 'text', h, p, i, s::sentiment, ins, st::jsonb, m::jsonb, l
     FROM unnest($1::int[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::bool[], $7::text[], $8::text[], $9::text[])
       AS t(a, h, p, i, s, ins, st, m, l)`,
    [0, 1, 2, 3, 4, 5, 6, 7, 8].map((column) => rows.map((row) => row[column])),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  moderator = await createTestUser("moderator", "Rollup moderator");
  await db.query(`INSERT INTO source (id, name) VALUES (1, 'Alpha'), (2, 'Beta')`);
  await db.query(`INSERT INTO article (id, source_id, title, body, content_hash) VALUES
    (1, 1, 'Alpha one', 'b', 'h1'), (2, 2, 'Beta one', 'b', 'h2'), (3, NULL, 'Orphan', 'b', 'h3')`);
  await insertRandomComments(400, 7);
});

afterAll(async () => {
  await db.drop();
});

const CASES: [string, Record<string, string>][] = [
  ["custom", { range: "custom", from: "2026-03-07", to: "2026-03-09" }],
  ["custom, source", { range: "custom", from: "2026-03-06", to: "2026-03-12", source: "1" }],
  [
    "custom, language and status",
    { range: "custom", from: "2026-03-05", to: "2026-03-14", language: "ar", status: "pending" },
  ],
  ["all", { range: "all" }],
  ["all, rejected", { range: "all", status: "rejected" }],
  ["one day", { range: "custom", from: "2026-03-08", to: "2026-03-08" }],
];
const ZONES = ["America/New_York", "UTC", "Asia/Riyadh", "Pacific/Kiritimati"];

async function both(sql: (useRollup: boolean) => Prisma.Sql): Promise<[unknown, unknown]> {
  const [rollup, raw] = await Promise.all([getDb().$queryRaw(sql(true)), getDb().$queryRaw(sql(false))]);
  return [rollup, raw];
}

/** Every chart's rollup query against the same query over `comment`, for every case and zone. */
async function expectRollupsEqualRaw(): Promise<void> {
  for (const [name, query] of CASES) {
    for (const zone of ZONES) {
      const filters: AnalyticsFilters = parseAnalyticsFilters(query);
      const { current, unit } = resolveRange(filters, now, zone);
      const label = `${name} in ${zone}`;
      const [sentimentRollup, sentimentRaw] = await both((r) =>
        sentimentOverTimeSql(filters, current, unit, zone, r),
      );
      expect(sentimentRollup, `sentiment, ${label}`).toEqual(sentimentRaw);
      const [stanceRollup, stanceRaw] = await both((r) => stanceByTargetSql(filters, current, unit, zone, r));
      expect(stanceRollup, `stance, ${label}`).toEqual(stanceRaw);
      const [insultRollup, insultRaw] = await both((r) => insultRatesSql(filters, current, r));
      expect(insultRollup, `insult rates, ${label}`).toEqual(insultRaw);
      const [termsRollup, termsRaw] = await both((r) => lexiconTermsSql(filters, current, r));
      expect(termsRollup, `terms, ${label}`).toEqual(termsRaw);
    }
  }
}

/** The incrementally kept rollups equal a rebuild from scratch (zero rows aside). */
async function expectRollupsEqualRebuild(): Promise<void> {
  const tables = ["comment_hourly_rollup", "comment_daily_article_rollup", "comment_daily_term_rollup"];
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        tables.map(async (table) => [
          table,
          (await db.query(`SELECT * FROM ${table} WHERE comments <> 0 ORDER BY 1, 2, 3, 4, 5`)).map((row) =>
            JSON.stringify(row),
          ),
        ]),
      ),
    );
  const kept = await snapshot();
  await db.query("SELECT raqib_rebuild_comment_rollups()");
  expect(kept).toEqual(await snapshot());
  for (const table of tables)
    expect((await db.query(`SELECT 1 FROM ${table} WHERE comments < 0`)).length, table).toBe(0);
}

describe("analytics rollups", () => {
  it("serve whole-hour zones without an article filter, and nothing else", () => {
    const filters = parseAnalyticsFilters({});
    expect(rollupServes(filters, "America/New_York")).toBe(true);
    expect(rollupServes(filters, "Asia/Kolkata")).toBe(false);
    expect(rollupServes(parseAnalyticsFilters({ article: "2" }), "UTC")).toBe(false);
  });

  it("count matches the way the classifier does (SUPPRESSING_RULES)", async () => {
    const rules = [
      "negated",
      "quoted",
      "reported",
      "literal",
      "vocative",
      "scare-quotes",
      "so-called",
      "mention",
    ];
    const rows = await db.query<{ rule: string; counts: boolean }>(
      "SELECT rule, raqib_match_counts(rule) AS counts FROM unnest($1::text[]) AS rule",
      [rules],
    );
    expect(rows.filter((r) => !r.counts).map((r) => r.rule)).toEqual([...SUPPRESSING_RULES]);
    expect((await db.query("SELECT raqib_match_counts(NULL) AS c"))[0]?.c).toBe(true);
  });

  it("equal the raw aggregation after ingest, for every chart, filter, zone and range", async () => {
    const total = await db.query<{ n: number }>("SELECT sum(comments)::int AS n FROM comment_hourly_rollup");
    expect(total[0]?.n).toBe(400);
    await expectRollupsEqualRaw();
    await expectRollupsEqualRebuild();
  });

  it("stay equal after a second ingest batch and a set-based re-classification", async () => {
    await insertRandomComments(150, 11);
    // As a lexicon publish re-classifies: one UPDATE over many rows changing every rolled-up column.
    await db.query(`UPDATE comment SET
        sentiment = CASE WHEN id % 3 = 0 THEN 'negative'::sentiment ELSE sentiment END,
        insult = CASE WHEN id % 4 = 0 THEN NOT coalesce(insult, false) ELSE insult END,
        stance = CASE WHEN id % 5 = 0 THEN '{"usa": "against"}'::jsonb ELSE stance END,
        matches = CASE WHEN id % 6 = 0 THEN '[{"term": "حمار", "category": "insult", "start": 0, "end": 2}]'::jsonb ELSE matches END
      WHERE id % 2 = 0`);
    // An update that touches no rolled-up column leaves the rollups alone.
    await db.query("UPDATE comment SET search_text = 'x' WHERE id % 7 = 0");
    await expectRollupsEqualRaw();
    await expectRollupsEqualRebuild();
  });

  it("stay equal after decisions, an undo, a deletion and posting-date changes", async () => {
    const comments = await getDb().comment.findMany({
      select: { id: true, version: true },
      take: 40,
      orderBy: { id: "asc" },
    });
    const by = { userId: moderator.id, actor: { userId: moderator.id } };
    await decideComments(comments.slice(0, 20), "reject", by);
    await decideComments(
      await getDb().comment.findMany({
        where: { id: { in: comments.slice(20, 30).map((c) => c.id) } },
        select: { id: true, version: true },
      }),
      "approve",
      by,
    );
    const undone = await getDb().comment.findMany({
      where: { id: { in: comments.slice(0, 5).map((c) => c.id) } },
      select: { id: true, version: true },
    });
    await undoDecisions(undone, by);
    await db.query("DELETE FROM comment WHERE id IN (SELECT id FROM comment ORDER BY id DESC LIMIT 10)");
    await db.query("UPDATE comment SET posted_at = posted_at + interval '13 hours' WHERE id % 9 = 0");
    await expectRollupsEqualRaw();
    await expectRollupsEqualRebuild();
  });

  it("give each top term the moderators' insult answers, which follow label changes", async () => {
    const filters = parseAnalyticsFilters({ range: "all" });
    const withTerm = await db.query<{ id: number }>(
      `SELECT id FROM comment WHERE matches @> '[{"term": "حمار"}]' AND NOT matches @> '[{"term": "حمار", "rule": "negated"}]'
         AND NOT matches @> '[{"term": "حمار", "rule": "quoted"}]' ORDER BY id LIMIT 3`,
    );
    expect(withTerm).toHaveLength(3);
    const by = { userId: moderator.id, actor: { userId: moderator.id } };
    const [a, b, c] = withTerm.map((row) => row.id) as [number, number, number];
    await labelComment(a, { insult: true }, by);
    await labelComment(b, { insult: true }, by);
    await labelComment(c, { insult: false }, by);
    const donkey = async () => (await getLexiconTerms(filters, null)).terms.find((t) => t.term === "حمار");
    expect(await donkey()).toMatchObject({ humanAnswers: 3, humanInsults: 2 });
    await labelComment(c, { insult: true }, by);
    expect(await donkey()).toMatchObject({ humanAnswers: 3, humanInsults: 3 });
    // Labels change no rollup: they are not comment rows.
    await expectRollupsEqualRebuild();
  });
});
