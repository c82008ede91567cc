import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassifierResult, MatchRule } from "../classifier/types.ts";
import { getPool } from "../db/pool.ts";
import { pick, seededRandom } from "../testing/seeded-random.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import {
  type CommentInsert,
  copyTextValue,
  insertComments,
  insertCommentsBulk,
  KnownWords,
} from "./insert-comments.ts";

// The bulk path switches the per-row foreign-key checks off (the replica role) and locks the
// parents itself: the rollup triggers must still fire (their rollups equal a rebuild from
// `comment`), duplicates must still be skipped, and a batch naming a missing article or run must
// store nothing.
let db: TestDatabase;
let runId: number;
const ROLLUPS = ["comment_hourly_rollup", "comment_daily_article_rollup", "comment_daily_term_rollup"];

const TERMS = [
  { term: "حمار", category: "insult" },
  { term: "غبي", category: "insult" },
  { term: "رائع", category: "positive" },
] as const;
const RULES: (MatchRule | undefined)[] = [undefined, undefined, "negated", "quoted", "vocative"];
// Two articles with a source and one without (the rollups key that source 0).
const ARTICLES = [1, 2, 3];

function classification(next: () => number): ClassifierResult {
  const stance: ClassifierResult["stance"] = {};
  if (next() < 0.5)
    stance[pick(next, ["russia", "usa", "syrian_opposition"] as const)] = pick(next, ["favor", "against"]);
  return {
    insult: next() < 0.3,
    insultScore: next(),
    sentiment: pick(next, ["positive", "neutral", "negative"] as const),
    sentimentScore: 0,
    stance,
    language: pick(next, ["ar", "fr", "en"] as const),
    matches: Array.from({ length: Math.floor(next() * 4) }, () => {
      const rule = pick(next, RULES);
      return { ...pick(next, TERMS), start: 0, end: 2, ...(rule ? { rule } : {}) };
    }),
    lexiconVersion: "test-1",
  } as ClassifierResult;
}

let position = 0;
function randomRows(count: number, seed: number, hashes: string[] = []): CommentInsert[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const dated = next() < 0.8;
    return {
      articleId: pick(next, ARTICLES),
      position: ++position,
      title: null,
      author: null,
      body: `تعليق ${seed} ${i}`,
      // Reused hashes: duplicates of stored rows and within the batch.
      bodyHash: hashes[i] ?? testBodyHash(`h-${seed}-${i}`),
      // Across UTC midnights.
      postedAt: dated ? new Date(Date.UTC(2026, 2, 5) + Math.floor(next() * 4 * 86_400_000)) : null,
      ingestRunId: runId,
      classification: next() < 0.9 ? classification(next) : null,
    };
  });
}

async function rollups(): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    ROLLUPS.map(async (table) => [
      table,
      (
        await db.query<{ row: string }>(
          `SELECT row_to_json(t)::text AS row FROM ${table} t WHERE comments <> 0 ORDER BY 1`,
        )
      ).map((r) => r.row),
    ]),
  );
  return Object.fromEntries(entries);
}

async function expectRollupsEqualRebuild(): Promise<void> {
  const kept = await rollups();
  await db.query("SELECT raqib_rebuild_comment_rollups()");
  expect(kept).toEqual(await rollups());
  expect(kept.comment_daily_term_rollup?.length).toBeGreaterThan(0);
}

async function commentCount(): Promise<number> {
  return (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM comment"))[0]?.n ?? -1;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.query(`INSERT INTO source (id, name) VALUES (1, 'Alpha'), (2, 'Beta')`);
  await db.query(`INSERT INTO article (id, source_id, title, body, content_hash) VALUES
    (1, 1, 'Alpha one', 'b', 'a1'), (2, 2, 'Beta one', 'b', 'a2'), (3, NULL, 'Orphan', 'b', 'a3')`);
  runId =
    (
      await db.query<{ id: number }>(
        `INSERT INTO ingest_run (actor, via, inputs) VALUES ('test', 'cli', '[]') RETURNING id`,
      )
    )[0]?.id ?? 0;
});
afterAll(async () => db.drop());

describe("insertCommentsBulk", () => {
  it("leaves no trigger on the tables it writes that the replica role would skip", async () => {
    const triggers = await db.query<{ name: string; enabled: string }>(
      `SELECT tgrelid::regclass || '.' || tgname AS name, tgenabled AS enabled FROM pg_trigger
        WHERE tgrelid IN ('comment'::regclass, 'comment_classification'::regclass, 'search_word'::regclass,
                          'comment_hourly_rollup'::regclass, 'comment_daily_article_rollup'::regclass,
                          'comment_daily_term_rollup'::regclass)
          AND NOT tgisinternal ORDER BY 1`,
    );
    // 'A': ENABLE ALWAYS. A new trigger here must be made so too, or done by insertCommentsBulk.
    expect(triggers).toEqual(
      ["delete", "insert", "truncate", "update"].map((op) => ({
        name: `comment.comment_rollups_${op}`,
        enabled: "A",
      })),
    );
  });

  for (const replicaRole of [true, false]) {
    it(`keeps the rollups equal to a rebuild, duplicates skipped (replica role ${replicaRole})`, async () => {
      const seed = replicaRole ? 11 : 12;
      const before = await commentCount();
      const known = new KnownWords();
      expect(await insertCommentsBulk(getPool(), randomRows(300, seed), known, { replicaRole })).toBe(300);
      // The second batch repeats five stored hashes and one of its own.
      const repeated = [
        `h-${seed}-0`,
        `h-${seed}-1`,
        `h-${seed}-2`,
        `h-${seed}-3`,
        `h-${seed}-4`,
        `n-${seed}`,
        `n-${seed}`,
      ].map(testBodyHash);
      expect(
        await insertCommentsBulk(getPool(), randomRows(200, seed + 100, repeated), known, { replicaRole }),
      ).toBe(194);
      expect(await commentCount()).toBe(before + 494);
      expect(known.has("تعليق")).toBe(true);
      await expectRollupsEqualRebuild();
      const versions = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM comment c JOIN comment_classification v ON v.comment_id = c.id WHERE c.body LIKE $1`,
        [`تعليق ${seed} %`],
      );
      expect(versions[0]?.n).toBeGreaterThan(200);
    });
  }

  it("escapes COPY's special characters in a value, and writes null as \\N", () => {
    expect(copyTextValue("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyTextValue("\\N")).toBe("\\\\N");
    expect(copyTextValue(null)).toBe("\\N");
    expect(copyTextValue(true)).toBe("t");
    expect(copyTextValue(0.25)).toBe("0.25");
  });

  it("stores every value as written through COPY, as the JSON path does", async () => {
    // Text COPY would read as its own syntax if it were not escaped: tabs, line ends, backslashes,
    // its null marker and end-of-data line, in every text column and inside the JSON ones.
    const awkward = [
      "tab\there",
      "line\nend\r\nand CR",
      "back\\slash \\N",
      "\\.",
      "\\N",
      ' "quoted" ✓ 😀 حمار ',
    ];
    const rows = (prefix: string): CommentInsert[] =>
      awkward.map((text, i) => {
        const c = classification(seededRandom(40 + i));
        return {
          articleId: 1,
          position: 1000 + i,
          title: i % 2 === 0 ? text : null,
          author: i % 3 === 0 ? null : `${text} author`,
          body: `${prefix} ${text}`,
          bodyHash: testBodyHash(`${prefix}-${i}`),
          postedAt: i === 0 ? null : new Date(Date.UTC(2026, 0, 1, 12, 30, 15, 123 + i)),
          ingestRunId: i === 1 ? null : runId,
          classification: { ...c, matches: [{ term: text, category: "insult", start: 0, end: 1 }] },
        } as CommentInsert;
      });
    const stored = async (prefix: string) =>
      db.query<Record<string, unknown>>(
        `SELECT title, author, substr(body, length($1) + 2) AS body, posted_at, ingest_run_id, language, insult,
                insult_score, sentiment, stance, matches, replace(search_text, $1, '') AS search_text,
                array_remove(search_words, $1) AS search_words
           FROM comment WHERE starts_with(body, $1 || ' ') ORDER BY position`,
        [prefix],
      );
    for (const replicaRole of [true, false]) {
      const prefix = `copy${replicaRole}`;
      expect(await insertCommentsBulk(getPool(), rows(prefix), new KnownWords(), { replicaRole })).toBe(
        awkward.length,
      );
      const copied = await stored(prefix);
      expect(copied.map((r) => r.body)).toEqual(awkward);
      expect(copied.map((r) => r.title)).toEqual(awkward.map((t, i) => (i % 2 === 0 ? t : null)));
      expect(copied.map((r) => (r.matches as { term: string }[])[0]?.term)).toEqual(awkward);
      expect(copied[2]?.posted_at).toEqual(new Date("2026-01-01T12:30:15.125Z"));
      expect(copied[1]?.ingest_run_id).toBeNull();
      const jsonPrefix = `json${replicaRole}`;
      expect(await insertComments(getPool(), rows(jsonPrefix))).toBe(awkward.length);
      expect(copied).toEqual(await stored(jsonPrefix));
    }
    await expectRollupsEqualRebuild();
  });

  it("rolls a batch back when PostgreSQL refuses its COPY, and the next batch goes in", async () => {
    const before = await commentCount();
    const rows = randomRows(10, 51);
    // Callers reject such text first (findUnstorableCharacter); PostgreSQL cannot store it at all.
    rows[4] = { ...(rows[4] as CommentInsert), body: "nul \u0000 byte" };
    for (const replicaRole of [true, false])
      await expect(insertCommentsBulk(getPool(), rows, new KnownWords(), { replicaRole })).rejects.toThrow(
        /0x00/,
      );
    expect(await commentCount()).toBe(before);
    expect(await insertCommentsBulk(getPool(), randomRows(10, 52), new KnownWords())).toBe(10);
    expect(await commentCount()).toBe(before + 10);
  });

  it("refuses a batch naming a missing article or run and stores nothing of it", async () => {
    const before = await commentCount();
    const beforeRollups = await rollups();
    const known = new KnownWords();
    const rows = randomRows(20, 21);
    rows[7] = { ...(rows[7] as CommentInsert), articleId: 999, body: "كلمةيتيمة" };
    await expect(insertCommentsBulk(getPool(), rows, known, { replicaRole: true })).rejects.toThrow(
      "insertComments: no article 999",
    );
    const noRun = randomRows(5, 22).map((r) => ({ ...r, ingestRunId: 777 }));
    await expect(insertCommentsBulk(getPool(), noRun, known, { replicaRole: true })).rejects.toThrow(
      "insertComments: no ingest run 777",
    );
    // Without the replica role PostgreSQL's own foreign key refuses it.
    await expect(insertCommentsBulk(getPool(), rows, known, { replicaRole: false })).rejects.toThrow(
      /foreign key/,
    );
    expect(await commentCount()).toBe(before);
    expect(await rollups()).toEqual(beforeRollups);
    expect(known.has("كلمهيتيمه")).toBe(false);
    expect(await db.query("SELECT 1 FROM search_word WHERE word = 'كلمهيتيمه'")).toHaveLength(0);
  });

  it("uses the replica role where the database role may set it (the embedded server's superuser)", async () => {
    const before = await rollups();
    expect(await insertCommentsBulk(getPool(), randomRows(50, 31), new KnownWords())).toBe(50);
    await expectRollupsEqualRebuild();
    expect(await rollups()).not.toEqual(before);
    // Its own check, not PostgreSQL's foreign key, is what refuses a missing article.
    const orphan = randomRows(3, 32).map((r) => ({ ...r, articleId: 555 }));
    await expect(insertCommentsBulk(getPool(), orphan, new KnownWords())).rejects.toThrow(
      "insertComments: no article 555",
    );
  });
});
