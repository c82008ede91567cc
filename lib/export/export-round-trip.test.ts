import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify } from "../classifier/index.ts";
import { getDb, setDatabaseUrl } from "../db/client.ts";
import { getPool } from "../db/pool.ts";
import { ingestInputs } from "../ingest/ingest-inputs.ts";
import { insertComments } from "../ingest/insert-comments.ts";
import { importedAnnotatorId } from "../ingest/store-imported-labels.ts";
import { labelComment } from "../moderation/label-comment.ts";
import { createTestUser } from "../testing/auth-fixtures.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { parseExportOptions } from "./export-options.ts";
import { pseudonymiseAnnotator } from "./pseudonymise-annotator.ts";
import { writeExport } from "./write-export.ts";

const SALT = "round-trip-salt-0123456789";
const BODIES = [
  'قال "الوزير"، إن الأمر، كما يبدو، "محسوم"',
  "سطر أول\nسطر ثانٍ",
  "رائع 😀👍🏽 جداً",
  "نص \u202Bمع تحكم\u202C ثنائي \u2066الاتجاه\u2069",
  '=HYPERLINK("http://evil.example","اضغط")',
  "-2+3 ليست معادلة",
  "@SUM(A1:A2)",
  "تعليق عادي عن الاقتصاد",
];

interface Snapshot {
  comments: string[];
  labels: string[];
}

let source: TestDatabase;
const targets: TestDatabase[] = [];
let dir: string;
const users: Record<string, string> = {};

async function snapshot(db: TestDatabase, annotatorName: (userId: string) => string): Promise<Snapshot> {
  const comments = await db.query<{
    body: string;
    author: string | null;
    posted_at: Date | null;
    title: string;
  }>(
    `SELECT c.body, c.author, c.posted_at, a.title FROM comment c JOIN article a ON a.id = c.article_id ORDER BY c.body`,
  );
  const labels = await db.query<{
    body: string;
    user_id: string;
    insult: boolean | null;
    sentiment: string | null;
    stance: unknown;
  }>(
    `SELECT c.body, l.user_id, l.insult, l.sentiment, l.stance FROM comment_label l JOIN comment c ON c.id = l.comment_id`,
  );
  return {
    comments: comments
      .map((c) => JSON.stringify([c.body, c.author, c.posted_at?.toISOString() ?? null, c.title]))
      .sort(),
    labels: labels
      .map((l) => JSON.stringify([l.body, annotatorName(l.user_id), l.insult, l.sentiment, l.stance]))
      .sort(),
  };
}

async function exportText(query: Record<string, string>): Promise<string> {
  setDatabaseUrl(source.url);
  const parsed = parseExportOptions(query);
  if (!parsed.ok) throw new Error("options");
  let text = "";
  for await (const chunk of writeExport(parsed.options, { viewerId: null, salt: SALT })) text += chunk;
  return text;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "raqib-round-trip-"));
  source = await createTestDatabase();
  for (const name of ["a", "b"]) users[name] = (await createTestUser("moderator", name)).id;
  const db = getDb();
  const article = await db.article.create({
    data: { title: 'مقال، "التجربة"', body: "", contentHash: "rt", url: "https://example.org/rt" },
  });
  await insertComments(
    getPool(),
    BODIES.map((body, i) => ({
      articleId: article.id,
      position: i + 1,
      title: null,
      author: i % 2 ? 'كاتب, "ما"' : null,
      body,
      bodyHash: testBodyHash(`rt-${i}`),
      postedAt: new Date(Date.UTC(2025, 2, 1 + i)),
      ingestRunId: null,
      classification: classify(body),
    })),
  );
  const ids = (await db.comment.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  const by = (name: string) => ({ userId: users[name] as string, actor: { userId: users[name] as string } });
  await labelComment(
    ids[0] as number,
    { insult: true, sentiment: "negative", stance: { usa: "favor" } },
    by("a"),
  );
  await labelComment(ids[0] as number, { insult: false }, by("b"));
  await labelComment(ids[4] as number, { sentiment: "neutral", stance: { russia: "none" } }, by("b"));
});

afterAll(async () => {
  for (const t of targets) await t.drop();
  await source.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("export → ingest into an empty database", () => {
  const cases: [string, Record<string, string>, string][] = [
    ["CSV, one row per comment", { format: "csv", bom: "yes" }, "export.csv"],
    [
      "CSV, one row per annotator (plus the unlabelled comments)",
      { format: "csv", rows: "annotator" },
      "annotators.csv",
    ],
    ["JSONL, one row per comment", { format: "jsonl" }, "export.jsonl"],
  ];
  for (const [name, query, file] of cases) {
    it(`${name}: same comments and labels`, async () => {
      const path = join(dir, file);
      const text = await exportText({ ...query, annotators: "pseudonym" });
      if (query.rows === "annotator") {
        // Per-annotator rows hold only labelled comments: the rest travel in a per-comment file.
        await writeFile(join(dir, `rest-${file}`), await exportText({ format: "csv", labelled: "no" }));
      }
      await writeFile(path, text);
      const expected = await snapshot(source, (id) => pseudonymiseAnnotator(id, SALT));
      const target = await createTestDatabase();
      targets.push(target);
      const inputs = query.rows === "annotator" ? [path, join(dir, `rest-${file}`)] : [path];
      const summary = await ingestInputs(inputs, { actor: "test", via: "cli" });
      expect(summary.errors).toEqual([]);
      expect(summary.commentsAdded).toBe(BODIES.length);
      const actual = await snapshot(target, (id) => id.replace(/^imported:/, ""));
      expect(actual.comments).toEqual(expected.comments);
      expect(actual.labels).toEqual(expected.labels);
      expect(actual.labels).toHaveLength(3);
      // The annotators are inactive placeholders that cannot sign in.
      const placeholders = await target.query<{ id: string; active: boolean }>(
        `SELECT id, active FROM "user" WHERE id LIKE 'imported:%' ORDER BY id`,
      );
      expect(placeholders.map((u) => u.id).sort()).toEqual(
        Object.values(users)
          .map((id) => importedAnnotatorId(pseudonymiseAnnotator(id, SALT)))
          .sort(),
      );
      expect(placeholders.every((u) => !u.active)).toBe(true);
      // Ingesting the same export again adds nothing.
      const again = await ingestInputs(inputs, { actor: "test", via: "cli" });
      expect(again.commentsAdded).toBe(0);
      expect((await snapshot(target, (id) => id.replace(/^imported:/, ""))).labels).toHaveLength(3);
    });
  }
});
