import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify, compileLexicon, defaultLexicon, readLexiconFiles } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { ingestInputs } from "../ingest/ingest-inputs.ts";
import { seedsDir } from "../paths.ts";
import { runCli } from "../testing/run-cli.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { classifierForStorage } from "./classify-for-storage.ts";
import { reclassifyComments } from "./reclassify-comments.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await ingestInputs([seedsDir], { actor: "test", via: "cli", classify: classifierForStorage() });
});
afterAll(async () => database.drop());

describe("stored classification", () => {
  it("ingest stores each comment's classifier result with the lexicon version", async () => {
    const comments = await getDb().comment.findMany({ orderBy: { id: "asc" } });
    expect(comments).toHaveLength(9);
    const lexicon = defaultLexicon();
    for (const comment of comments) {
      const expected = classify(comment.body, lexicon);
      expect(comment.lexiconVersion).toBe(lexicon.version);
      expect(comment.classifiedAt).toBeInstanceOf(Date);
      expect(comment.insult).toBe(expected.insult);
      expect(comment.sentiment).toBe(expected.sentiment);
      expect(comment.insultScore).toBeCloseTo(expected.insultScore, 5);
      expect(comment.stance).toEqual(expected.stance);
      expect(comment.matches).toEqual(JSON.parse(JSON.stringify(expected.matches)));
      expect(comment.language).toBe(expected.language);
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
    const first = await reclassifyComments(extra);
    expect(first.reclassified).toBe(9);
    const versions = await getDb().comment.groupBy({ by: ["lexiconVersion"], _count: true });
    expect(versions).toEqual([{ lexiconVersion: extra.version, _count: 9 }]);
    const flagged = await getDb().comment.findFirstOrThrow({ where: { body: { contains: "الضجيج" } } });
    expect((flagged.matches as { term: string }[]).some((m) => m.term === "ضجيج")).toBe(true);
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
    expect(await getDb().comment.count({ where: { lexiconVersion: defaultLexicon().version } })).toBe(9);
  });
});
