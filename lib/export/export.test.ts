import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/v1/export/route.ts";
import { classify } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { getPool } from "../db/pool.ts";
import { insertComments } from "../ingest/insert-comments.ts";
import { decideComments } from "../moderation/decide-comments.ts";
import { labelComment } from "../moderation/label-comment.ts";
import { createTestToken, createTestUser, sessionCookie, type TestUser } from "../testing/auth-fixtures.ts";
import { runCli } from "../testing/run-cli.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { countExportRows } from "./count-export-rows.ts";
import { type ExportOptions, parseExportOptions } from "./export-options.ts";
import { csvCell } from "./format-csv.ts";
import { pseudonymiseAnnotator } from "./pseudonymise-annotator.ts";
import { writeExport } from "./write-export.ts";

const SALT = "test-export-salt-0123456789";
process.env.RAQIB_EXPORT_SALT = SALT;

/** Bodies that break naive CSV/JSON writers, and formula-injection payloads. */
const BODIES = [
  'قال "الوزير"، إن الأمر، كما يبدو، "محسوم"',
  "سطر أول\nسطر ثانٍ\r\nسطر ثالث",
  "رائع 😀👍🏽 جداً",
  "\u202Bنص مع تحكم ثنائي الاتجاه\u202C و\u200F علامة \u2066RLI\u2069",
  '=HYPERLINK("http://evil.example","اضغط")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A2)",
  "\tتبويب في البداية",
  "\rعودة في البداية",
  "تعليق عادي عن الاقتصاد",
  "يا حمار اسكت، أنت لا تفهم شيئاً",
];

let database: TestDatabase;
let admin: TestUser;
let moderatorA: TestUser;
let moderatorB: TestUser;
let ids: number[] = [];

function options(query: Record<string, string> = {}): ExportOptions {
  const parsed = parseExportOptions(query);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.options;
}

async function collect(opts: ExportOptions, viewerId: string | null = null): Promise<string> {
  let text = "";
  for await (const chunk of writeExport(opts, { viewerId, salt: SALT })) text += chunk;
  return text;
}

function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

interface DbRow {
  id: number;
  body: string;
  title: string | null;
  author: string | null;
  status: string;
  posted_at: Date | null;
  article_title: string;
  article_url: string | null;
  source: string | null;
  language: string | null;
  insult: boolean | null;
  insult_score: number | null;
  sentiment: string | null;
  lexicon_version: string | null;
}

async function dbRows(): Promise<DbRow[]> {
  return database.query<DbRow>(
    `SELECT c.id, c.body, c.title, c.author, c.status, c.posted_at, a.title AS article_title, a.url AS article_url,
            s.name AS source, c.language, c.insult, c.insult_score, c.sentiment, v.lexicon_version
       FROM comment c JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = a.source_id
       LEFT JOIN comment_classification v ON v.comment_id = c.id ORDER BY c.id`,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createTestUser("admin", "Admin");
  moderatorA = await createTestUser("moderator", "A");
  moderatorB = await createTestUser("moderator", "B");
  const db = getDb();
  const source = await db.source.create({ data: { name: 'مصدر "س", الأول' } });
  const article = await db.article.create({
    data: {
      title: 'مقال، عن "السياسة"\nوالاقتصاد',
      body: "",
      contentHash: "a",
      sourceId: source.id,
      url: "https://example.org/a?x=1,2",
    },
  });
  await insertComments(
    getPool(),
    BODIES.map((body, i) => ({
      articleId: article.id,
      position: i + 1,
      title: i % 3 === 0 ? `=عنوان ${i}` : null,
      author: i % 2 === 0 ? 'سامي, "أبو علي"' : null,
      body,
      bodyHash: testBodyHash(`h-${i}`),
      postedAt: new Date(Date.UTC(2025, 0, 10 + i, 10)),
      ingestRunId: null,
      classification: classify(body),
    })),
  );
  ids = (await db.comment.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  const [first, second, third] = ids as [number, number, number];
  await labelComment(
    first,
    { insult: true, sentiment: "negative", stance: { russia: "against" } },
    { userId: moderatorA.id, actor: { userId: moderatorA.id } },
  );
  await labelComment(
    first,
    { insult: true, sentiment: "neutral" },
    { userId: moderatorB.id, actor: { userId: moderatorB.id } },
  );
  await labelComment(second, { insult: false }, { userId: moderatorA.id, actor: { userId: moderatorA.id } });
  await labelComment(
    third,
    { sentiment: "positive" },
    { userId: moderatorB.id, actor: { userId: moderatorB.id } },
  );
  await decideComments([{ id: first, version: 1 }], "reject", {
    userId: moderatorA.id,
    actor: { userId: moderatorA.id },
  });
  await decideComments([{ id: second, version: 1 }], "approve", {
    userId: moderatorB.id,
    actor: { userId: moderatorB.id },
  });
});
afterAll(async () => database.drop());

describe("csvCell", () => {
  it("quotes per RFC 4180 and neutralises formula starts", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-x,y")).toBe('"\'-x,y"');
    expect(csvCell("\rx")).toBe('"\'\rx"');
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});

describe("CSV export", () => {
  it("parses back with csv-parse to the database's values, formulas neutralised", async () => {
    const text = await collect(options({ bom: "yes" }));
    expect(
      text.startsWith("\ufeffcomment_id,source,article_url,article_title,author,title,body,created_at"),
    ).toBe(true);
    const records = parse(text, { bom: true, columns: true, relax_column_count: false }) as Record<
      string,
      string
    >[];
    const rows = await dbRows();
    expect(records).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      const r = records[i] as Record<string, string>;
      expect(Number(r.comment_id)).toBe(row.id);
      expect(r.body).toBe(neutralised(row.body));
      expect(r.title).toBe(row.title === null ? "" : neutralised(row.title));
      expect(r.author).toBe(row.author ?? "");
      expect(r.article_title).toBe(row.article_title);
      expect(r.article_url).toBe(row.article_url ?? "");
      expect(r.source).toBe(row.source ?? "");
      expect(r.created_at).toBe(row.posted_at?.toISOString() ?? "");
      expect(r.language).toBe(row.language ?? "");
      expect(r.status).toBe(row.status);
      expect(r.classifier_insult).toBe(row.insult === null ? "" : String(row.insult));
      expect(r.classifier_insult_score === "" ? null : Number(r.classifier_insult_score)).toBe(
        row.insult_score,
      );
      expect(r.classifier_sentiment).toBe(row.sentiment ?? "");
      expect(r.lexicon_version).toBe(row.lexicon_version ?? "");
    });
    // Every payload that starts with a formula character comes out with the ' prefix.
    for (const r of records) expect(r.body).not.toMatch(/^[=+\-@\t\r]/);
    const first = records[0] as Record<string, string>;
    expect(first.final_decision).toBe("rejected");
    expect(first.consensus_insult).toBe("true");
    expect(first.consensus_sentiment).toBe("");
    expect(first.annotators).toBe("2");
    expect(Number(first.agreement)).toBeCloseTo((1 + 0.5 + 1) / 3, 3);
    const labels = JSON.parse(first.labels as string) as {
      annotator: string;
      role: string;
      insult: boolean;
    }[];
    expect(labels.map((l) => l.annotator).sort()).toEqual(
      [moderatorA.id, moderatorB.id].map((id) => pseudonymiseAnnotator(id, SALT)).sort(),
    );
    expect(labels.every((l) => l.role === "moderator" && l.insult === true)).toBe(true);
  });

  it("writes one row per (comment, annotator) with the annotator's labels", async () => {
    const text = await collect(options({ rows: "annotator", annotators: "id" }));
    const records = parse(text, { columns: true }) as Record<string, string>[];
    const labels = await database.query<{
      comment_id: number;
      user_id: string;
      insult: boolean | null;
      sentiment: string | null;
    }>("SELECT comment_id, user_id, insult, sentiment FROM comment_label ORDER BY comment_id, user_id");
    expect(
      records.map((r) => [Number(r.comment_id), r.annotator, r.label_insult, r.label_sentiment]),
    ).toEqual(
      labels.map((l) => [
        l.comment_id,
        l.user_id,
        l.insult === null ? "" : String(l.insult),
        l.sentiment ?? "",
      ]),
    );
    expect(
      records.find((r) => r.annotator === moderatorA.id && Number(r.comment_id) === ids[0])
        ?.label_stance_russia,
    ).toBe("against");
  });

  it("applies the queue's filters, labelled-only and decided-only, and counts the same rows", async () => {
    const cases: [Record<string, string>, number[]][] = [
      [{ labelledOnly: "yes" }, ids.slice(0, 3)],
      [{ decidedOnly: "yes" }, ids.slice(0, 2)],
      [{ status: "approved" }, ids.slice(1, 2)],
      [{ from: "2025-01-11", to: "2025-01-12" }, ids.slice(1, 3)],
      [{ q: "الاقتصاد" }, [ids[10] as number]],
      [{ queue: "pending", labelled: "yes" }, [ids[2] as number]],
    ];
    for (const [query, expected] of cases) {
      const opts = options(query);
      const records = parse(await collect(opts), { columns: true }) as Record<string, string>[];
      expect(
        records.map((r) => Number(r.comment_id)),
        JSON.stringify(query),
      ).toEqual(expected);
      expect(await countExportRows(opts)).toBe(expected.length);
    }
  });
});

describe("JSONL export", () => {
  it("keeps every text exactly, labels nested", async () => {
    const text = await collect(options({ format: "jsonl", annotators: "id" }));
    const lines = text.split("\n").filter((l) => l !== "");
    const rows = await dbRows();
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, i) => {
      const record = JSON.parse(line);
      const row = rows[i] as DbRow;
      expect(record.comment_id).toBe(row.id);
      expect(record.body).toBe(row.body);
      expect(record.title).toBe(row.title);
      expect(record.author).toBe(row.author);
      expect(record.article_title).toBe(row.article_title);
      expect(record.source).toBe(row.source);
      expect(record.created_at).toBe(row.posted_at?.toISOString() ?? null);
      expect(record.classifier.insult).toBe(row.insult);
      expect(record.classifier.lexicon_version).toBe(row.lexicon_version);
      expect(Array.isArray(record.classifier.matches)).toBe(true);
    });
    const first = JSON.parse(lines[0] as string);
    expect(first.labels.map((l: { annotator: string }) => l.annotator).sort()).toEqual(
      [moderatorA.id, moderatorB.id].sort(),
    );
    expect(first.consensus).toMatchObject({ insult: true, sentiment: null, unanimous: false });
    const insultLine = rows.findIndex((r) => r.insult === true);
    expect(insultLine).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(lines[insultLine] as string).classifier.matches.length).toBeGreaterThan(0);
  });
});

describe("GET /api/v1/export", () => {
  const request = (query: string, headers: Record<string, string>) =>
    new Request(`http://raqib.test/api/v1/export?${query}`, { headers: { host: "raqib.test", ...headers } });

  it("streams CSV for an export-scoped token and leaves an audit row", async () => {
    const token = await createTestToken(["export"]);
    const response = await GET(
      request("format=csv&labelledOnly=yes", { authorization: `Bearer ${token.token}` }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => Number(r.comment_id))).toEqual(ids.slice(0, 3));
    const audit = await database.query<{
      actor_token_id: string;
      after: { rows: number; options: { labelledOnly: boolean } };
    }>(
      "SELECT actor_token_id, after FROM audit_event WHERE action = 'data_exported' ORDER BY id DESC LIMIT 1",
    );
    expect(audit[0]?.actor_token_id).toBe(token.id);
    expect(audit[0]?.after.rows).toBe(3);
    expect(audit[0]?.after.options.labelledOnly).toBe(true);
  });

  it("refuses tokens without the export scope, moderators and analysts (403), and anonymous callers (401)", async () => {
    const ingestToken = await createTestToken(["ingest"]);
    expect((await GET(request("format=csv", { authorization: `Bearer ${ingestToken.token}` }))).status).toBe(
      403,
    );
    for (const role of ["moderator", "analyst"] as const) {
      const user = await createTestUser(role);
      expect((await GET(request("format=csv", { cookie: await sessionCookie(user) }))).status).toBe(403);
    }
    expect((await GET(request("format=csv", {}))).status).toBe(401);
    const ok = await GET(request("format=jsonl", { cookie: await sessionCookie(admin) }));
    expect(ok.status).toBe(200);
    expect((await ok.text()).split("\n").filter(Boolean)).toHaveLength(ids.length);
  });

  it("rejects a bad filter with 400 naming it", async () => {
    const token = await createTestToken(["export"]);
    const response = await GET(request("format=xml", { authorization: `Bearer ${token.token}` }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("format");
  });
});

describe("raqib export", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "raqib-export-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));
  const env = () => ({ DATABASE_URL: database.url, RAQIB_EXPORT_SALT: SALT });

  it("writes the file for an admin and audits it as cli:<user>", async () => {
    const out = join(dir, "out.csv");
    const run = await runCli(
      ["export", "--as", admin.email, "--format", "csv", "--out", out, "--decided-only"],
      { env: env() },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const records = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => Number(r.comment_id))).toEqual(ids.slice(0, 2));
    const audit = await database.query<{ actor_label: string; after: { rows: number; via: string } }>(
      "SELECT actor_label, after FROM audit_event WHERE action = 'data_exported' ORDER BY id DESC LIMIT 1",
    );
    expect(audit[0]?.actor_label).toMatch(new RegExp(`^cli:.+ as ${admin.email}$`));
    expect(audit[0]?.after).toMatchObject({ rows: 2, via: "cli" });
  });

  it("refuses a non-admin with 403 and writes nothing", async () => {
    const out = join(dir, "refused.csv");
    const run = await runCli(["export", "--as", moderatorA.email, "--format", "csv", "--out", out], {
      env: env(),
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("403");
    await expect(readFile(out)).rejects.toThrow();
  });
});
