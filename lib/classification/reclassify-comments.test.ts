import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify, compileLexicon, defaultLexicon, readLexiconFiles } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { ingestInputs } from "../ingest/ingest-inputs.ts";
import { seedsDir } from "../paths.ts";
import { runCli } from "../testing/run-cli.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { classifierForStorage } from "./classify-for-storage.ts";
import { holdsResult, reclassifyComments, type StoredRow } from "./reclassify-comments.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await ingestInputs([seedsDir], { actor: "test", via: "cli", classify: classifierForStorage() });
});
afterAll(async () => database.drop());

describe("stored classification", () => {
  it("ingest stores each comment's classifier result with the lexicon version", async () => {
    const comments = await getDb().comment.findMany({
      orderBy: { id: "asc" },
      include: { classification: true },
    });
    expect(comments).toHaveLength(9);
    const lexicon = defaultLexicon();
    for (const comment of comments) {
      const expected = classify(comment.body, lexicon);
      expect(comment.classification?.lexiconVersion).toBe(lexicon.version);
      expect(comment.classification?.classifiedAt).toBeInstanceOf(Date);
      expect(comment.insult).toBe(expected.insult);
      expect(comment.sentiment).toBe(expected.sentiment);
      expect(comment.insultScore).toBeCloseTo(expected.insultScore, 5);
      expect(comment.stance).toEqual(expected.stance);
      expect(comment.matches).toEqual(JSON.parse(JSON.stringify(expected.matches)));
      expect(comment.language).toBe(expected.language);
    }
  });

  it("tells stored results from new ones", async () => {
    const rows = await database.query<StoredRow>(
      `SELECT id, body, language, insult, insult_score, sentiment::text AS sentiment, sentiment_score, stance, matches
         FROM comment ORDER BY id`,
    );
    expect(rows.some((r) => Array.isArray(r.matches) && r.matches.length > 0)).toBe(true);
    for (const row of rows) {
      const result = classify(row.body, defaultLexicon());
      expect(holdsResult(row, result)).toBe(true);
      expect(holdsResult(row, { ...result, insultScore: result.insultScore + 0.01 })).toBe(false);
      expect(holdsResult(row, { ...result, stance: { ...result.stance, russia: "favor" } })).toBe(
        result.stance.russia === "favor",
      );
      expect(holdsResult(row, { ...result, matches: result.matches.slice(1) })).toBe(
        result.matches.length === 0,
      );
    }
  });

  it("reclassify updates only comments of another lexicon version, and a second run has nothing to do", async () => {
    // A lexicon with one more insult term is another version.
    const files = readLexiconFiles();
    const extra = compileLexicon([
      ...files,
      {
        name: "extra.tsv",
        content:
          "term\tcategory\tweight\tlanguage\ttarget\tside\tflags\tnote\nضجيج\tinsult\t1\tar\t\t\t\ttest entry\n",
      },
    ]);
    expect(extra.version).not.toBe(defaultLexicon().version);
    const rowVersions = () =>
      database.query<{ id: number; xmin: string }>("SELECT id, xmin::text FROM comment ORDER BY id");
    const before = await rowVersions();
    const first = await reclassifyComments(extra);
    expect(first.reclassified).toBe(9);
    // Every comment carries the new version; only the one whose results changed was rewritten.
    const versions = await getDb().commentClassification.groupBy({ by: ["lexiconVersion"], _count: true });
    expect(versions).toEqual([{ lexiconVersion: extra.version, _count: 9 }]);
    const flagged = await getDb().comment.findFirstOrThrow({ where: { body: { contains: "الضجيج" } } });
    expect((flagged.matches as { term: string }[]).some((m) => m.term === "ضجيج")).toBe(true);
    const rewritten = (await rowVersions()).filter((c, i) => c.xmin !== before[i]?.xmin).map((c) => c.id);
    expect(rewritten).toEqual([flagged.id]);
    expect(first.changed).toBe(1);
    for (const comment of await getDb().comment.findMany({ orderBy: { id: "asc" } })) {
      const expected = classify(comment.body, extra);
      expect(comment.insult).toBe(expected.insult);
      expect(comment.matches).toEqual(JSON.parse(JSON.stringify(expected.matches)));
      expect(comment.stance).toEqual(expected.stance);
    }
    const second = await reclassifyComments(extra);
    expect(second.reclassified).toBe(0);
  });

  it("raqib reclassify brings everything back to the shipped lexicon", async () => {
    const result = await runCli(["reclassify", "--json"], { env: { DATABASE_URL: database.url } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      lexiconVersion: defaultLexicon().version,
      reclassified: 9,
    });
    expect(
      await getDb().commentClassification.count({ where: { lexiconVersion: defaultLexicon().version } }),
    ).toBe(9);
  });
});
