import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { getPool } from "../db/pool.ts";
import { insertComments } from "../ingest/insert-comments.ts";
import { decideComments } from "../moderation/decide-comments.ts";
import { type LabelChanges, labelComment, type StoredLabel } from "../moderation/label-comment.ts";
import { createTestUser, type TestUser } from "../testing/auth-fixtures.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { type ExportOptions, parseExportOptions } from "./export-options.ts";
import { writeExport } from "./write-export.ts";

/**
 * The CSV and JSONL exports are written by PostgreSQL (buildExportLinesQuery); the preview and
 * the HF dataset shape records in TypeScript (shapeExportRecord). Both must give the same
 * export: this runs each format and row mode both ways over comments with every kind of
 * awkward value and label pattern (ties, unanimity, partial answers, three annotators).
 */
const SALT = "lines-test-salt-0123456789";

const BODIES = [
  'قال "الوزير"، إن الأمر "محسوم"',
  "سطر أول\nسطر ثانٍ\r\nسطر ثالث",
  "رائع 😀👍🏽 جداً \\ شرطة مائلة",
  '=HYPERLINK("http://evil.example","اضغط")',
  "-2+3",
  "@SUM(A1:A2)",
  "\tتبويب",
  "تعليق عادي عن روسيا والاقتصاد",
  "يا حمار اسكت، أنت لا تفهم شيئاً",
  "control \u0001 char and \u2028 separator",
];

let database: TestDatabase;
let moderators: TestUser[] = [];

function options(query: Record<string, string>): ExportOptions {
  const parsed = parseExportOptions(query);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.options;
}

/** The export as written by PostgreSQL (no keep) and by the TypeScript shaping (keep all). */
async function bothWays(opts: ExportOptions): Promise<{ sql: string; reference: string }> {
  let sql = "";
  for await (const chunk of writeExport(opts, { viewerId: null, salt: SALT })) sql += chunk;
  let reference = "";
  for await (const chunk of writeExport(opts, { viewerId: null, salt: SALT, keep: () => true }))
    reference += chunk;
  return { sql, reference };
}

/** JSON cells may differ in whitespace only: compare them parsed. */
function normaliseCell(cell: string): unknown {
  if (/^[[{]/.test(cell)) return JSON.parse(cell);
  return cell;
}

beforeAll(async () => {
  database = await createTestDatabase();
  moderators = [
    await createTestUser("moderator", "A"),
    await createTestUser("moderator", "B"),
    await createTestUser("admin", "C"),
  ];
  const db = getDb();
  const article = await db.article.create({
    data: { title: "مقال", body: "", contentHash: "lines", url: null },
  });
  await insertComments(
    getPool(),
    BODIES.map((body, i) => ({
      articleId: article.id,
      position: i + 1,
      title: i % 3 === 0 ? `+عنوان ${i}` : null,
      author: i % 2 === 0 ? 'سامي, "أبو علي"' : null,
      body,
      bodyHash: testBodyHash(`lines-${i}`),
      // Timestamps are formatted from COPY's binary form: before 2000, a leap day, none.
      postedAt:
        i === 4
          ? null
          : i === 6
            ? new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999))
            : i === 7
              ? new Date(Date.UTC(2024, 1, 29, 0, 0, 0, 5))
              : new Date(Date.UTC(2025, 0, 10 + i, 10, 0, 0, 123)),
      ingestRunId: null,
      classification: i === 5 ? null : classify(body),
    })),
  );
  const ids = (await db.comment.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  // Label patterns per comment: [annotator index, label] pairs.
  const patterns: [number, Partial<StoredLabel>][][] = [
    [
      [0, { insult: true, sentiment: "negative", stance: { russia: "against" } }],
      [1, { insult: true, sentiment: "neutral", stance: { russia: "against", usa: "favor" } }],
    ],
    [[0, { insult: false }]],
    [
      [0, { insult: true, sentiment: "positive" }],
      [1, { insult: false, sentiment: "positive", stance: { syrian_government: "none" } }],
      [2, { insult: false, sentiment: "negative", stance: { syrian_government: "favor" } }],
    ],
    [
      [1, { sentiment: "positive", stance: { syrian_opposition: "favor" } }],
      [2, { sentiment: "negative", stance: { syrian_opposition: "against" } }],
    ],
    [
      [0, { insult: true }],
      [1, { insult: true }],
      [2, { insult: true, stance: { usa: "against" } }],
    ],
    [[2, { sentiment: "neutral", stance: { russia: "favor", usa: "favor" } }]],
    // agreement (2/3 + 1) / 2 = 0.8333…: rounding is visible.
    [
      [0, { insult: true, sentiment: "positive" }],
      [1, { insult: true, sentiment: "positive" }],
      [2, { insult: false, sentiment: "positive" }],
    ],
  ];
  for (const [index, labels] of patterns.entries()) {
    for (const [who, label] of labels) {
      const user = moderators[who] as TestUser;
      await labelComment(ids[index] as number, label as LabelChanges, {
        userId: user.id,
        actor: { userId: user.id },
      });
    }
  }
  const moderator = moderators[0] as TestUser;
  const actor = { userId: moderator.id, actor: { userId: moderator.id } };
  await decideComments([{ id: ids[0] as number, version: 1 }], "reject", actor);
  await decideComments([{ id: ids[1] as number, version: 1 }], "approve", actor);
  await decideComments([{ id: ids[3] as number, version: 1 }], "escalate", actor);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("exports written by PostgreSQL equal the TypeScript reference", () => {
  for (const rows of ["comment", "annotator"] as const) {
    for (const annotators of ["pseudonym", "id"] as const) {
      it(`JSONL, rows=${rows}, annotators=${annotators}`, async () => {
        const { sql, reference } = await bothWays(options({ format: "jsonl", rows, annotators }));
        const lines = sql.split("\n");
        expect(lines.pop()).toBe("");
        const expected = reference.trimEnd().split("\n");
        expect(lines).toHaveLength(rows === "comment" ? BODIES.length : 15);
        expect(lines.map((l) => JSON.parse(l))).toEqual(expected.map((l) => JSON.parse(l)));
        // Key order and the top level's compact form are the same too: only nested JSON values
        // (stance, matches) may carry spaces.
        const keys = (line: string) => Object.keys(JSON.parse(line));
        expect(lines.map(keys)).toEqual(expected.map(keys));
      });

      it(`CSV, rows=${rows}, annotators=${annotators}`, async () => {
        const { sql, reference } = await bothWays(options({ format: "csv", rows, annotators }));
        expect(sql.endsWith("\r\n")).toBe(true);
        const sqlRows = parse(sql, { relax_quotes: false }) as string[][];
        const referenceRows = parse(reference) as string[][];
        expect(sqlRows).toHaveLength(referenceRows.length);
        expect(sqlRows.map((r) => r.map(normaliseCell))).toEqual(
          referenceRows.map((r) => r.map(normaliseCell)),
        );
        // Line structure too: the same number of CRLF-terminated records.
        expect(sql.split("\r\n").length).toBe(reference.split("\r\n").length);
      });
    }
  }

  it("filters mean the same rows on both paths", async () => {
    const queries: Record<string, string>[] = [
      { format: "jsonl", labelledOnly: "yes" },
      { format: "csv", decidedOnly: "yes" },
      { format: "jsonl", status: "approved" },
    ];
    for (const query of queries) {
      const { sql, reference } = await bothWays(options(query));
      const ids = (text: string) =>
        query.format === "jsonl"
          ? text
              .trimEnd()
              .split("\n")
              .map((l) => JSON.parse(l).comment_id)
          : (parse(text, { columns: true }) as { comment_id: string }[]).map((r) => Number(r.comment_id));
      expect(ids(sql)).toEqual(ids(reference));
      expect(ids(sql).length).toBeGreaterThan(0);
    }
  });
});
