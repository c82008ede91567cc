import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { type AnalyticsFilters, parseAnalyticsFilters } from "./filters.ts";
import { getInsultRates } from "./get-insult-rates.ts";
import { getLexiconTerms } from "./get-lexicon-terms.ts";
import { getSentimentOverTime } from "./get-sentiment-over-time.ts";
import { getStanceByTarget } from "./get-stance-by-target.ts";
import { listFilterOptions } from "./list-filter-options.ts";
import { resolveRange } from "./resolve-range.ts";

// A small dataset around the 2026 US daylight-saving switch (Sunday 8 March, 02:00 → 03:00 in
// New York), so day buckets in America/New_York differ from UTC ones.
let db: TestDatabase;

const NY = "America/New_York";
const custom = (extra: Record<string, string> = {}): AnalyticsFilters =>
  parseAnalyticsFilters({ range: "custom", from: "2026-03-07", to: "2026-03-09", ...extra });
const now = new Date("2026-03-20T12:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  await db.query(`INSERT INTO source (id, name) VALUES (1, 'Alpha'), (2, 'Beta')`);
  await db.query(`INSERT INTO article (id, source_id, title, body, content_hash) VALUES
    (1, 1, 'Alpha one', 'b', 'h1'), (2, 2, 'Beta one', 'b', 'h2'), (3, NULL, 'Orphan', 'b', 'h3')`);
  const insult = (term: string, rule?: string) => ({
    term,
    category: "insult",
    start: 0,
    end: 4,
    ...(rule ? { rule } : {}),
  });
  const rows: [
    number,
    string | null,
    string,
    string | null,
    boolean | null,
    object | null,
    object | null,
    string,
    string,
  ][] = [
    // article, posted_at, ingested_at, sentiment, insult, stance, matches, language, status
    [
      1,
      "2026-03-08T04:30:00Z",
      "2026-03-20T00:00:00Z",
      "positive",
      false,
      { russia: "favor" },
      [insult("حمار")],
      "ar",
      "pending",
    ],
    [
      1,
      "2026-03-09T03:30:00Z",
      "2026-03-20T00:00:00Z",
      "negative",
      true,
      { russia: "against", usa: "favor" },
      [insult("حمار"), insult("حمار", "negated"), { term: "لا", category: "negator", start: 0, end: 2 }],
      "ar",
      "pending",
    ],
    [2, null, "2026-03-09T05:00:00Z", "neutral", true, null, [], "en", "rejected"],
    [3, "2026-03-10T05:00:00Z", "2026-03-20T00:00:00Z", "positive", false, {}, null, "ar", "approved"],
    [2, "2026-03-08T12:00:00Z", "2026-03-20T00:00:00Z", null, null, null, null, "ar", "pending"],
  ];
  let position = 0;
  for (const [article, posted, ingested, sentiment, isInsult, stance, matches, language, status] of rows) {
    position++;
    await db.query(
      `INSERT INTO comment (article_id, position, body, body_hash, posted_at, ingested_at, sentiment, insult,
         stance, matches, language, status)
       VALUES ($1, $2, 'text', $3, $4, $5, $6::sentiment, $7, $8, $9, $10, $11::moderation_status)`,
      [
        article,
        position,
        testBodyHash(`hash-${position}`),
        posted,
        ingested,
        sentiment,
        isInsult,
        stance === null ? null : JSON.stringify(stance),
        matches === null ? null : JSON.stringify(matches),
        language,
        status,
      ],
    );
  }
});

afterAll(async () => {
  await db.drop();
});

describe("getSentimentOverTime", () => {
  it("buckets by local day in New York across the DST switch, empty days included", async () => {
    const filters = custom();
    const range = resolveRange(filters, now, NY);
    const rows = await getSentimentOverTime(filters, range.current, range.unit, NY);
    expect(
      rows.map((r) => [r.startsAt.toISOString(), r.endsAt.toISOString(), r.positive, r.neutral, r.negative]),
    ).toEqual([
      ["2026-03-07T05:00:00.000Z", "2026-03-08T05:00:00.000Z", 1, 0, 0],
      // 8 March has 23 hours in New York: it ends at 04:00 UTC.
      ["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z", 0, 0, 1],
      ["2026-03-09T04:00:00.000Z", "2026-03-10T04:00:00.000Z", 0, 1, 0],
    ]);
  });

  it("buckets the same comments by UTC day in UTC", async () => {
    const filters = custom();
    const range = resolveRange(filters, now, "UTC");
    const rows = await getSentimentOverTime(filters, range.current, range.unit, "UTC");
    expect(rows.map((r) => [r.startsAt.toISOString(), r.positive, r.neutral, r.negative])).toEqual([
      ["2026-03-07T00:00:00.000Z", 0, 0, 0],
      ["2026-03-08T00:00:00.000Z", 1, 0, 0],
      ["2026-03-09T00:00:00.000Z", 0, 1, 1],
    ]);
  });

  it("for all time uses months from the first to the last comment, ingested_at where posted_at is null", async () => {
    const filters = parseAnalyticsFilters({ range: "all" });
    const range = resolveRange(filters, now, NY);
    const rows = await getSentimentOverTime(filters, range.current, range.unit, NY);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ positive: 2, neutral: 1, negative: 1 });
    expect(rows[0]?.startsAt.toISOString()).toBe("2026-03-01T05:00:00.000Z");
  });

  it("applies the language, status and source filters", async () => {
    const total = async (filters: AnalyticsFilters) => {
      const range = resolveRange(filters, now, NY);
      const rows = await getSentimentOverTime(filters, range.current, range.unit, NY);
      return rows.reduce((sum, r) => sum + r.positive + r.neutral + r.negative, 0);
    };
    expect(await total(custom({ language: "en" }))).toBe(1);
    expect(await total(custom({ status: "rejected" }))).toBe(1);
    expect(await total(custom({ source: "1" }))).toBe(2);
    expect(await total(custom({ article: "2" }))).toBe(1);
  });
});

describe("getStanceByTarget", () => {
  it("counts favor and against per target per local day and per source", async () => {
    const filters = custom();
    const range = resolveRange(filters, now, NY);
    const { overTime, bySource } = await getStanceByTarget(filters, range.current, range.unit, NY);
    // Three days × four targets, zeros included.
    expect(overTime).toHaveLength(12);
    const at = (day: string, target: string) =>
      overTime.find((r) => r.startsAt.toISOString().startsWith(day) && r.target === target);
    expect(at("2026-03-07", "russia")).toMatchObject({ favor: 1, against: 0 });
    expect(at("2026-03-08", "russia")).toMatchObject({ favor: 0, against: 1 });
    expect(at("2026-03-08", "usa")).toMatchObject({ favor: 1, against: 0 });
    expect(bySource).toEqual([
      { sourceId: 1, sourceName: "Alpha", target: "russia", favor: 1, against: 1 },
      { sourceId: 1, sourceName: "Alpha", target: "usa", favor: 1, against: 0 },
    ]);
  });
});

describe("getInsultRates", () => {
  it("rolls comments, classified comments and insults up per source and article, sorted by rate", async () => {
    const filters = custom();
    const range = resolveRange(filters, now, NY);
    const { bySource, byArticle } = await getInsultRates(filters, range.current);
    expect(bySource).toEqual([
      { id: 2, name: "Beta", comments: 2, classified: 1, insults: 1 },
      { id: 1, name: "Alpha", comments: 2, classified: 2, insults: 1 },
    ]);
    expect(byArticle.map((r) => r.name)).toEqual(["Beta one", "Alpha one"]);
  });

  it("sorts by comment count when asked", async () => {
    const filters = custom({ insultSort: "comments" });
    const range = resolveRange(filters, now, NY);
    const { byArticle } = await getInsultRates(filters, range.current);
    expect(byArticle.map((r) => r.id)).toEqual([1, 2]);
  });
});

describe("getLexiconTerms", () => {
  it("counts matches that count (not negated ones, not modifiers), per term and category", async () => {
    const filters = custom();
    const range = resolveRange(filters, now, NY);
    const { terms, categories } = await getLexiconTerms(filters, range.current);
    expect(terms).toEqual([
      {
        term: "حمار",
        category: "insult",
        matches: 2,
        comments: 2,
        flagged: 1,
        humanAnswers: 0,
        humanInsults: 0,
      },
    ]);
    expect(categories).toEqual([{ category: "insult", matches: 2, termComments: 2 }]);
  });
});

describe("listFilterOptions", () => {
  it("lists sources by name and the distinct languages", async () => {
    expect(await listFilterOptions()).toEqual({
      sources: [
        { id: 1, name: "Alpha" },
        { id: 2, name: "Beta" },
      ],
      languages: ["ar", "en"],
    });
  });
});
