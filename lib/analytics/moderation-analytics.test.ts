import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listQueue } from "../moderation/list-queue.ts";
import { parseQueueParams } from "../moderation/queue-params.ts";
import { createTestUser, type TestUser } from "../testing/auth-fixtures.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { parseAnalyticsFilters } from "./filters.ts";
import { getClassifierVsHuman } from "./get-classifier-vs-human.ts";
import { getModerationThroughput } from "./get-moderation-throughput.ts";
import { getModeratorAgreement } from "./get-moderator-agreement.ts";
import { queueHref } from "./queue-href.ts";
import { resolveRange } from "./resolve-range.ts";
import { summariseAgreement } from "./shape-moderator-agreement.ts";

// Four comments, three moderators, decisions either side of Riyadh's midnight (21:00 UTC), an
// undone decision, and labels with the classifier's answers beside them.
let db: TestDatabase;
let amal: TestUser;
let badr: TestUser;
let celine: TestUser;
const ids: number[] = [];
const RIYADH = "Asia/Riyadh";
const filters = parseAnalyticsFilters({ range: "custom", from: "2026-03-08", to: "2026-03-09" });
const now = new Date("2026-03-20T12:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  amal = await createTestUser("moderator", "Amal");
  badr = await createTestUser("moderator", "Badr");
  celine = await createTestUser("moderator", "Celine");
  await db.query(`INSERT INTO source (id, name) VALUES (1, 'Alpha')`);
  await db.query(
    `INSERT INTO article (id, source_id, title, body, content_hash) VALUES (1, 1, 'A', 'b', 'h1')`,
  );
  for (let i = 1; i <= 4; i++) {
    const rows = await db.query<{ id: number }>(
      `INSERT INTO comment (article_id, position, body, body_hash, posted_at, ingested_at, sentiment, insult, insult_score, stance, matches)
       VALUES (1, $1, 'text', $2, '2026-03-08T12:00:00Z', '2026-03-08T18:30:00Z', 'neutral', false, 0.1, '{}', '[]') RETURNING id`,
      [i, testBodyHash(`h-${i}`)],
    );
    ids.push(rows[0]?.id as number);
  }
  const [c1, c2, c3, c4] = ids;
  const decide = (comment: number | undefined, user: TestUser, at: string, to: string, undo = false) =>
    db.query(
      `INSERT INTO comment_decision (comment_id, user_id, from_status, to_status, undo, created_at)
       VALUES ($1, $2, 'pending', $3::moderation_status, $4, $5)`,
      [comment, user.id, to, undo, at],
    );
  await decide(c1, amal, "2026-03-08T20:30:00Z", "approved"); // 23:30 on 8 March in Riyadh
  await decide(c2, badr, "2026-03-08T21:30:00Z", "rejected"); // 00:30 on 9 March in Riyadh
  await decide(c3, amal, "2026-03-09T10:00:00Z", "rejected");
  await decide(c3, amal, "2026-03-09T10:05:00Z", "pending", true); // Amal undoes it
  await decide(c3, badr, "2026-03-09T11:00:00Z", "approved");
  await decide(c4, amal, "2026-03-09T12:00:00Z", "escalated");
  await decide(c4, badr, "2026-03-09T13:00:00Z", "approved");
  const label = (comment: number | undefined, user: TestUser, values: Record<string, unknown>) =>
    db.query(
      `INSERT INTO comment_label (comment_id, user_id, insult, sentiment, stance, classifier_insult, classifier_sentiment, classifier_stance, lexicon_version)
       VALUES ($1, $2, $3, $4::sentiment, $5, $6, $7::sentiment, $8, 'v1')`,
      [
        comment,
        user.id,
        values.insult,
        values.sentiment ?? null,
        JSON.stringify(values.stance ?? {}),
        values.classifierInsult,
        values.classifierSentiment ?? null,
        JSON.stringify(values.classifierStance ?? {}),
      ],
    );
  await label(c1, amal, {
    insult: true,
    classifierInsult: true,
    sentiment: "negative",
    classifierSentiment: "neutral",
    stance: { russia: "favor" },
    classifierStance: { russia: "favor" },
  });
  await label(c1, badr, {
    insult: false,
    classifierInsult: true,
    sentiment: "negative",
    classifierSentiment: "neutral",
    stance: { russia: "against" },
    classifierStance: { russia: "favor" },
  });
  await label(c2, amal, {
    insult: true,
    classifierInsult: false,
    sentiment: "positive",
    classifierSentiment: "positive",
    stance: { usa: "none" },
  });
  await label(c2, celine, { insult: true, classifierInsult: false });
});

afterAll(async () => {
  await db.drop();
});

describe("getModerationThroughput", () => {
  it("counts decisions per moderator per Riyadh day, leaving out an undone decision and its undo", async () => {
    const range = resolveRange(filters, now, RIYADH);
    const rows = await getModerationThroughput(filters, range.current, range.unit, RIYADH);
    expect(rows.buckets.map((b) => b.startsAt.toISOString())).toEqual([
      "2026-03-07T21:00:00.000Z",
      "2026-03-08T21:00:00.000Z",
    ]);
    const counts = rows.moderators.map((r) => [
      r.startsAt.toISOString().slice(0, 10),
      r.userName,
      r.decisions,
    ]);
    expect(counts).toEqual([
      ["2026-03-07", "Amal", 1],
      ["2026-03-08", "Amal", 1],
      ["2026-03-08", "Badr", 3],
    ]);
    // First decisions: c1 after 2 h on 8 March; c2 (3 h), c3 (Badr's, 16.5 h), c4 (17.5 h) on 9 March.
    expect(rows.ages.map((r) => [r.firstDecisions, r.medianSeconds])).toEqual([
      [1, 7_200],
      [3, 59_400],
    ]);
  });

  it("puts the 21:30 UTC decision on 8 March in UTC", async () => {
    const range = resolveRange(filters, now, "UTC");
    const rows = await getModerationThroughput(filters, range.current, range.unit, "UTC");
    const counts = rows.moderators.map((r) => [
      r.startsAt.toISOString().slice(0, 10),
      r.userName,
      r.decisions,
    ]);
    expect(counts).toEqual([
      ["2026-03-08", "Amal", 1],
      ["2026-03-08", "Badr", 1],
      ["2026-03-09", "Amal", 1],
      ["2026-03-09", "Badr", 2],
    ]);
  });

  it("applies the comment filters: a status no decided comment has leaves nothing", async () => {
    const range = resolveRange(filters, now, RIYADH);
    const rows = await getModerationThroughput({ ...filters, source: 99 }, range.current, range.unit, RIYADH);
    expect(rows.moderators).toEqual([]);
    expect(rows.ages).toEqual([]);
  });

  it("buckets by local midnight across a daylight-saving change (New York, 8 March 2026)", async () => {
    const zone = "America/New_York";
    const range = resolveRange(filters, now, zone);
    const rows = await getModerationThroughput(filters, range.current, range.unit, zone);
    const utc = await getModerationThroughput(filters, range.current, range.unit, "UTC");
    const total = (r: typeof rows) => r.moderators.reduce((sum, m) => sum + m.decisions, 0);
    expect(total(rows)).toBe(total(utc));
    const localTime = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hour: "2-digit",
      minute: "2-digit",
    });
    for (const row of [...rows.moderators, ...rows.ages])
      expect(localTime.format(row.startsAt)).toBe("00:00");
  });

  it("with filters that keep every comment, counts exactly as without them (the per-comment lookup path)", async () => {
    const range = resolveRange(filters, now, RIYADH);
    const all = await getModerationThroughput(filters, range.current, range.unit, RIYADH);
    const scoped = await getModerationThroughput(
      { ...filters, source: 1, article: 1 },
      range.current,
      range.unit,
      RIYADH,
    );
    expect(scoped).toEqual(all);
    expect(all.moderators.length).toBeGreaterThan(0);
  });

  it("every decision carries its comment's ingest time, set by the database on insert", async () => {
    const rows = await db.query<{ same: boolean }>(
      `SELECT d.comment_ingested_at = c.ingested_at AS same
         FROM comment_decision d JOIN comment c ON c.id = d.comment_id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.same)).toBe(true);
  });
});

describe("getClassifierVsHuman", () => {
  it("counts each label against the classifier's answer stored with it", async () => {
    const range = resolveRange(filters, now, RIYADH);
    const rows = await getClassifierVsHuman(filters, range.current, range.unit, RIYADH);
    const cells = rows.map((r) => `${r.check} ${r.human}→${r.classifier} ${r.count}`).sort();
    expect(cells).toEqual([
      "insult no→yes 1",
      "insult yes→no 2",
      "insult yes→yes 1",
      "sentiment negative→neutral 2",
      "sentiment positive→positive 1",
      "stance against→favor 1",
      "stance favor→favor 1",
      "stance none→none 1",
    ]);
  });

  it("drills into the queue at exactly the comments of a cell", async () => {
    const href = queueHref({
      timeZone: RIYADH,
      labelPair: { labelCheck: "insult", humanSaid: "yes", classifierSaid: "no" },
    });
    const parsed = parseQueueParams(new URL(href, "http://x").searchParams);
    expect(parsed.ok).toBe(true);
    const page = await listQueue(parsed.params, amal.id);
    expect(page.data.map((row) => row.id)).toEqual([ids[1]]);
  });

  it("is empty for a range without labelled comments", async () => {
    const empty = parseAnalyticsFilters({ range: "custom", from: "2026-01-01", to: "2026-01-02" });
    const range = resolveRange(empty, now, RIYADH);
    expect(await getClassifierVsHuman(empty, range.current, range.unit, RIYADH)).toEqual([]);
  });
});

describe("getModeratorAgreement", () => {
  it("gives kappa over the comments two or more moderators answered", async () => {
    const range = resolveRange(filters, now, RIYADH);
    const items = await getModeratorAgreement(filters, range.current);
    expect(items.map((i) => `${i.check}:${i.target ?? ""}:${[...i.values].sort().join("/")}`).sort()).toEqual(
      ["insult::no/yes", "insult::yes/yes", "sentiment::negative/negative", "stance:russia:against/favor"],
    );
    const { overall, pairs } = summariseAgreement(items);
    const insult = overall.find((o) => o.check === "insult");
    // Two items: one split, one agreed. P̄ = 0.5, answers 3 yes / 1 no: Pe = 0.625, κ = −1/3.
    expect(insult).toMatchObject({ items: 2, observed: 0.5, fleiss: -0.333 });
    // Every sentiment answer was "negative": chance agreement is total, kappa undefined.
    expect(overall.find((o) => o.check === "sentiment")).toMatchObject({ items: 1, fleiss: null });
    const pair = (check: string, names: string[]) =>
      pairs.find((p) => p.check === check && [p.a, p.b].sort().join() === names.join());
    expect(pair("insult", ["Amal", "Badr"])).toMatchObject({ items: 1, observed: 0, cohen: 0 });
    expect(pair("insult", ["Amal", "Celine"])).toMatchObject({ items: 1, observed: 1, cohen: null });
    expect(pair("insult", ["Badr", "Celine"])).toBeUndefined();
  });
});
