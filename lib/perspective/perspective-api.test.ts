import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as apiPost } from "../../app/api/perspective/v1alpha1/[action]/route.ts";
import { POST as rootPost } from "../../app/v1alpha1/[action]/route.ts";
import { revokeApiToken } from "../auth/revoke-api-token.ts";
import { getDb } from "../db/client.ts";
import { createTestToken } from "../testing/auth-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { resetQuotas } from "./take-quota.ts";

// Contract tests: bodies written from Perspective's public API reference
// (AnalyzeCommentRequest / AnalyzeCommentResponse / SuggestCommentScoreRequest, error model).

const ORIGIN = "http://raqib.test";
let db: TestDatabase;
let key: string;

beforeAll(async () => {
  db = await createTestDatabase();
  key = (await createTestToken(["classify"])).token;
});
afterAll(async () => {
  await db?.drop();
});
afterEach(() => {
  delete process.env.RAQIB_PERSPECTIVE_RPS;
  delete process.env.RAQIB_PERSPECTIVE_BURST;
  resetQuotas();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are untyped JSON, checked field by field below
type Json = Record<string, any>;

async function call(
  action: string,
  body: unknown,
  options: { key?: string | null; bearer?: string; prefix?: "" | "/api/perspective"; raw?: string } = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const k = options.key === undefined ? key : options.key;
  const url = `${ORIGIN}${options.prefix ?? ""}/v1alpha1/${action}${k ? `?key=${k}` : ""}`;
  const request = new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
    },
    body: options.raw ?? JSON.stringify(body),
  });
  const handler = options.prefix === "/api/perspective" ? apiPost : rootPost;
  const response = await handler(request, { params: Promise.resolve({ action }) });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

const analyze = (body: unknown, options?: Parameters<typeof call>[2]) =>
  call("comments:analyze", body, options);

const ALL = [
  "TOXICITY",
  "SEVERE_TOXICITY",
  "INSULT",
  "PROFANITY",
  "IDENTITY_ATTACK",
  "THREAT",
  "RAQIB_SENTIMENT_NEGATIVE",
  "RAQIB_STANCE_RUSSIA_AGAINST",
  "RAQIB_STANCE_RUSSIA_FAVOR",
];

function attrs(names: string[]): Record<string, object> {
  return Object.fromEntries(names.map((n) => [n, {}]));
}

function summary(body: Json, attribute: string): number {
  const score = body.attributeScores?.[attribute]?.summaryScore;
  expect(score, `${attribute} summaryScore`).toMatchObject({ type: "PROBABILITY" });
  return score.value as number;
}

describe("comments:analyze", () => {
  it("answers Perspective's response shape, with the client token echoed", async () => {
    const response = await analyze({
      comment: { text: "يا ابن الكلب", type: "PLAIN_TEXT" },
      requestedAttributes: { TOXICITY: {}, INSULT: { scoreType: "PROBABILITY" } },
      languages: ["ar"],
      doNotStore: true,
      clientToken: "req-1",
      sessionId: "s-9",
      communityId: "example.org",
      context: { entries: [{ text: "مقال عن الانتخابات", type: "PLAIN_TEXT" }] },
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual([
      "attributeScores",
      "clientToken",
      "detectedLanguages",
      "languages",
    ]);
    expect(response.body.clientToken).toBe("req-1");
    expect(response.body.languages).toEqual(["ar"]);
    expect(response.body.detectedLanguages).toEqual(["ar"]);
    expect(Object.keys(response.body.attributeScores).sort()).toEqual(["INSULT", "TOXICITY"]);
    expect(summary(response.body, "TOXICITY")).toBeGreaterThan(0.8);
    expect(summary(response.body, "INSULT")).toBeGreaterThan(0.8);
    expect(response.body.attributeScores.TOXICITY.spanScores).toBeUndefined();
  });

  it("maps each lexicon category to its attribute, and keeps a polite comment under 0.5 everywhere", async () => {
    const cases: [string, string][] = [
      ["سنذبحكم جميعا", "THREAT"],
      ["الروافض خنازير", "IDENTITY_ATTACK"],
      ["يا معرص", "PROFANITY"],
    ];
    for (const [text, attribute] of cases) {
      const { body } = await analyze({
        comment: { text },
        requestedAttributes: attrs(ALL),
        doNotStore: true,
      });
      expect(summary(body, attribute), `${attribute} for ${text}`).toBeGreaterThan(0.5);
      expect(summary(body, "TOXICITY"), `TOXICITY for ${text}`).toBeGreaterThan(0.5);
      for (const other of ["THREAT", "IDENTITY_ATTACK", "PROFANITY"].filter((a) => a !== attribute)) {
        expect(summary(body, other), `${other} for ${text}`).toBeLessThan(0.5);
      }
    }
    const polite = await analyze({
      comment: { text: "مقال رائع شكرا للكاتب" },
      requestedAttributes: attrs(ALL),
      doNotStore: true,
    });
    for (const attribute of ALL) expect(summary(polite.body, attribute), attribute).toBeLessThan(0.5);
  });

  it("scores stance and negative sentiment under Raqib's own attribute names", async () => {
    const { body } = await analyze({
      comment: { text: "بوتين مجرم حرب" },
      requestedAttributes: attrs([
        "RAQIB_STANCE_RUSSIA_AGAINST",
        "RAQIB_STANCE_RUSSIA_FAVOR",
        "RAQIB_SENTIMENT_NEGATIVE",
      ]),
      doNotStore: true,
      spanAnnotations: true,
    });
    expect(summary(body, "RAQIB_STANCE_RUSSIA_AGAINST")).toBeGreaterThan(0.9);
    expect(summary(body, "RAQIB_STANCE_RUSSIA_FAVOR")).toBeLessThan(0.1);
    expect(summary(body, "RAQIB_SENTIMENT_NEGATIVE")).toBeGreaterThan(0.5);
    const stanceSpans = body.attributeScores.RAQIB_STANCE_RUSSIA_AGAINST.spanScores as Json[];
    expect(stanceSpans.map((s) => "بوتين مجرم حرب".slice(s.begin, s.end))).toEqual(["بوتين"]);
  });

  it("leaves out an attribute scored under its scoreThreshold, keeps the others", async () => {
    const { status, body } = await analyze({
      comment: { text: "مقال رائع شكرا" },
      requestedAttributes: { TOXICITY: { scoreThreshold: 0.5 }, INSULT: {}, THREAT: { scoreThreshold: 0 } },
      doNotStore: true,
    });
    expect(status).toBe(200);
    expect(Object.keys(body.attributeScores).sort()).toEqual(["INSULT", "THREAT"]);
    const insult = await analyze({
      comment: { text: "يا حمار" },
      requestedAttributes: { TOXICITY: { scoreThreshold: 0.5 } },
      doNotStore: true,
    });
    expect(summary(insult.body, "TOXICITY")).toBeGreaterThan(0.5);
  });

  it("gives span offsets in UTF-16 code units, end exclusive, with emoji before the word", async () => {
    const text = "😀😀 يا حمار";
    const { body } = await analyze({
      comment: { text },
      requestedAttributes: { TOXICITY: {}, INSULT: {}, THREAT: {} },
      spanAnnotations: true,
      doNotStore: true,
    });
    const spans = body.attributeScores.TOXICITY.spanScores as Json[];
    expect(spans).toHaveLength(1);
    const [span] = spans as [Json];
    expect(span).toEqual({ begin: 8, end: 12, score: { value: expect.any(Number), type: "PROBABILITY" } });
    expect(text.slice(span.begin, span.end)).toBe("حمار");
    // In code points the word starts at 6: the two emoji are surrogate pairs.
    expect(Array.from(text).slice(6, 10).join("")).toBe("حمار");
    expect(span.score.value).toBeGreaterThan(0.5);
    expect(body.attributeScores.INSULT.spanScores).toEqual(spans);
    expect(body.attributeScores.THREAT.spanScores).toEqual([]);
  });

  it("treats languages as a hint: Arabic sent as ['en'] is scored and reported as Arabic", async () => {
    const text = "انت غبي وحمار";
    const asEnglish = await analyze({
      comment: { text },
      requestedAttributes: { TOXICITY: {} },
      languages: ["en"],
      doNotStore: true,
    });
    const unlabelled = await analyze({
      comment: { text },
      requestedAttributes: { TOXICITY: {} },
      doNotStore: true,
    });
    expect(asEnglish.status).toBe(200);
    expect(asEnglish.body.detectedLanguages).toEqual(["ar"]);
    expect(asEnglish.body.languages).toEqual(["ar"]);
    expect(summary(asEnglish.body, "TOXICITY")).toBe(summary(unlabelled.body, "TOXICITY"));
    expect(summary(asEnglish.body, "TOXICITY")).toBeGreaterThan(0.8);
    const mixed = await analyze({
      comment: { text },
      requestedAttributes: { TOXICITY: {} },
      languages: ["ja", "ar-EG"],
      doNotStore: true,
    });
    expect(mixed.status).toBe(200);
    const emoji = await analyze({
      comment: { text: "🙂🙂" },
      requestedAttributes: { TOXICITY: {} },
      languages: ["fr"],
      doNotStore: true,
    });
    expect(emoji.body).toMatchObject({ languages: ["fr"], detectedLanguages: [] });
  });

  it("answers both paths: /v1alpha1 and /api/perspective/v1alpha1", async () => {
    const request = {
      comment: { text: "you idiot" },
      requestedAttributes: { TOXICITY: {} },
      doNotStore: true,
    };
    const root = await analyze(request);
    const api = await analyze(request, { prefix: "/api/perspective" });
    expect(root.status).toBe(200);
    expect(api.body).toEqual(root.body);
    expect(api.body.detectedLanguages).toEqual(["en"]);
  });
});

describe("errors in Perspective's shape", () => {
  function expectError(response: { status: number; body: Json }, code: number, status: string) {
    expect(response.status).toBe(code);
    expect(Object.keys(response.body)).toEqual(["error"]);
    expect(response.body.error).toEqual({ code, message: expect.any(String), status });
    expect((response.body.error.message as string).length).toBeGreaterThan(5);
  }

  it("400 INVALID_ARGUMENT for every malformed request, never a 500", async () => {
    const base = { comment: { text: "نص" }, requestedAttributes: { TOXICITY: {} } };
    const cases: [string, unknown, string?][] = [
      ["unknown attribute", { ...base, requestedAttributes: { FLIRTATION: {} } }],
      ["no attributes", { ...base, requestedAttributes: {} }],
      ["unsupported language", { ...base, languages: ["ja"] }],
      ["empty text", { ...base, comment: { text: "" } }],
      ["blank text", { ...base, comment: { text: "  \n " } }],
      ["missing comment", { requestedAttributes: { TOXICITY: {} } }],
      ["text not a string", { ...base, comment: { text: 42 } }],
      ["HTML type", { ...base, comment: { text: "نص", type: "HTML" } }],
      ["score type", { ...base, requestedAttributes: { TOXICITY: { scoreType: "STD" } } }],
      ["threshold out of range", { ...base, requestedAttributes: { TOXICITY: { scoreThreshold: 2 } } }],
      ["too long", { ...base, comment: { text: "ا".repeat(100_001) } }],
      ["NUL character", { ...base, comment: { text: "نص\u0000نص" } }],
      ["unpaired surrogate", { ...base, comment: { text: "نص \ud800 نص" } }],
      ["array body", [base]],
    ];
    for (const [label, body] of cases) {
      const response = await analyze(body);
      expect(response.status, label).toBe(400);
      expectError(response, 400, "INVALID_ARGUMENT");
    }
    expect((await analyze(null, { raw: '{"comment": {"text": ' })).body.error.status).toBe(
      "INVALID_ARGUMENT",
    );
    expectError(await analyze(null, { raw: '{"comment": ' }), 400, "INVALID_ARGUMENT");
    expectError(await analyze(null, { raw: "" }), 400, "INVALID_ARGUMENT");
    const unknown = await analyze({ ...base, requestedAttributes: { FLIRTATION: {} } });
    expect(unknown.body.error.message).toContain("FLIRTATION");
  });

  it("401 UNAUTHENTICATED without a key or with an unknown one; 403 PERMISSION_DENIED for revoked and unscoped tokens", async () => {
    const body = { comment: { text: "نص" }, requestedAttributes: { TOXICITY: {} } };
    expectError(await analyze(body, { key: null }), 401, "UNAUTHENTICATED");
    expectError(await analyze(body, { key: "rqb_madeup" }), 401, "UNAUTHENTICATED");
    const revoked = await createTestToken(["classify"], { revoked: true });
    expectError(await analyze(body, { key: revoked.token }), 403, "PERMISSION_DENIED");
    const ingestOnly = await createTestToken(["ingest"]);
    expectError(await analyze(body, { key: ingestOnly.token }), 403, "PERMISSION_DENIED");
    expectError(await call("comments:suggestscore", body, { key: null }), 401, "UNAUTHENTICATED");
    // A token revoked after it was used (and remembered) is refused at once.
    const used = await createTestToken(["classify"]);
    expect((await analyze({ ...body, doNotStore: true }, { key: used.token })).status).toBe(200);
    await revokeApiToken(used.id, { actor: { label: "test" } });
    expectError(await analyze(body, { key: used.token }), 403, "PERMISSION_DENIED");
    // Authorization: Bearer works as well as ?key=.
    expect((await analyze({ ...body, doNotStore: true }, { key: null, bearer: key })).status).toBe(200);
  });

  it("429 RESOURCE_EXHAUSTED past the per-token quota, per token", async () => {
    process.env.RAQIB_PERSPECTIVE_RPS = "1";
    process.env.RAQIB_PERSPECTIVE_BURST = "2";
    const own = await createTestToken(["classify"]);
    const body = { comment: { text: "نص" }, requestedAttributes: { TOXICITY: {} }, doNotStore: true };
    expect((await analyze(body, { key: own.token })).status).toBe(200);
    expect((await analyze(body, { key: own.token })).status).toBe(200);
    const refused = await analyze(body, { key: own.token });
    expectError(refused, 429, "RESOURCE_EXHAUSTED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const other = await createTestToken(["classify"]);
    expect((await analyze(body, { key: other.token })).status).toBe(200);
  });

  it("404 NOT_FOUND for a method Raqib does not have", async () => {
    expectError(await call("comments:frobnicate", {}), 404, "NOT_FOUND");
  });
});

describe("storage", () => {
  async function counts() {
    const [row] = await db.query<{ comments: number; runs: number; articles: number; sources: number }>(
      `SELECT (SELECT count(*)::int FROM comment) AS comments, (SELECT count(*)::int FROM ingest_run) AS runs,
              (SELECT count(*)::int FROM article) AS articles, (SELECT count(*)::int FROM source) AS sources`,
    );
    return row;
  }

  it("doNotStore: true leaves no row behind", async () => {
    const before = await counts();
    const text = `لا تحفظ هذا التعليق يا غبي ${Date.now()}`;
    const response = await analyze({
      comment: { text },
      requestedAttributes: { TOXICITY: {} },
      doNotStore: true,
    });
    expect(response.status).toBe(200);
    expect(await counts()).toEqual(before);
    expect(await db.query("SELECT id FROM comment WHERE body = $1", [text])).toEqual([]);
  });

  it("doNotStore false files the comment for moderation under the token's own source, once", async () => {
    const token = await createTestToken(["classify"]);
    const text = "يا حمار، مقالك كذب";
    const first = await analyze(
      { comment: { text }, requestedAttributes: { TOXICITY: {} } },
      { key: token.token },
    );
    expect(first.status).toBe(200);
    const rows = await db.query(
      `SELECT c.status, c.insult, c.language, c.ingest_run_id, a.title, s.name AS source, t.source_id AS token_source
       FROM comment c JOIN article a ON a.id = c.article_id JOIN source s ON s.id = a.source_id
       JOIN api_token t ON t.id = $2 WHERE c.body = $1`,
      [text, token.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "pending",
      insult: true,
      language: "ar",
      title: "Perspective API",
      source: token.name,
    });
    const [run] = await db.query(
      `SELECT actor, via, status, comments_added, duplicates FROM ingest_run WHERE id = $1`,
      [rows[0]?.ingest_run_id],
    );
    expect(run).toEqual({
      actor: `token:${token.name}`,
      via: "http",
      status: "succeeded",
      comments_added: 1,
      duplicates: 0,
    });
    expect(rows[0]?.token_source).not.toBeNull();
    // The same text again is a duplicate, found by its body hash.
    await analyze(
      { comment: { text: ` ${text}  ` }, requestedAttributes: { INSULT: {} } },
      { key: token.token },
    );
    expect(await db.query("SELECT id FROM comment WHERE body LIKE $1", [`%${text}%`])).toHaveLength(1);
    const [last] = await db.query(
      `SELECT comments_added, duplicates FROM ingest_run ORDER BY id DESC LIMIT 1`,
    );
    expect(last).toEqual({ comments_added: 0, duplicates: 1 });
    // The moderation queue lists pending comments by (status, id).
    const queue = await getDb().comment.findMany({ where: { status: "pending" }, select: { body: true } });
    expect(queue.map((c) => c.body)).toContain(text);
  });

  it("a communityId files comments under that community's article", async () => {
    const token = await createTestToken(["classify"]);
    await analyze(
      {
        comment: { text: "تعليق من مجتمع آخر" },
        requestedAttributes: { TOXICITY: {} },
        communityId: "Coral:https://news.example",
      },
      { key: token.token },
    );
    const [row] = await db.query(
      `SELECT a.title FROM comment c JOIN article a ON a.id = c.article_id WHERE c.body = $1`,
      ["تعليق من مجتمع آخر"],
    );
    expect(row).toEqual({ title: "Perspective API · Coral:https://news.example" });
  });
});

describe("comments:suggestscore", () => {
  it("links a correction to the stored comment with the same text, or keeps it on its own", async () => {
    const token = await createTestToken(["classify"]);
    const stored = "شكرا على المقال يا حمار";
    await analyze({ comment: { text: stored }, requestedAttributes: { TOXICITY: {} } }, { key: token.token });
    const suggest = (text: string, value: number, clientToken: string) =>
      call(
        "comments:suggestscore",
        {
          comment: { text },
          attributeScores: { TOXICITY: { summaryScore: { value } } },
          languages: ["en"],
          communityId: "Coral:https://news.example",
          clientToken,
          context: { entries: [{ text: JSON.stringify({ Coral_comment_id: "c1" }) }] },
        },
        { key: token.token },
      );
    const linked = await suggest(stored, 0, "comment:c1");
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ clientToken: "comment:c1", detectedLanguages: ["ar"] });
    const standalone = await suggest("نص لم يحلل من قبل", 1, "comment:c2");
    expect(standalone.status).toBe(200);
    const rows = await db.query(
      `SELECT cc.client_token, cc.abusive, cc.attribute_scores, cc.language, cc.actor_label, c.body
       FROM client_correction cc LEFT JOIN comment c ON c.id = cc.comment_id WHERE cc.token_id = $1 ORDER BY cc.id`,
      [token.id],
    );
    expect(rows).toEqual([
      {
        client_token: "comment:c1",
        abusive: false,
        attribute_scores: { TOXICITY: 0 },
        language: "ar",
        actor_label: `token:${token.name}`,
        body: stored,
      },
      {
        client_token: "comment:c2",
        abusive: true,
        attribute_scores: { TOXICITY: 1 },
        language: "ar",
        actor_label: `token:${token.name}`,
        body: null,
      },
    ]);
    // The linked correction is also the token's label on the comment; the standalone one is not.
    const labels = await db.query(
      `SELECT l.user_id, l.insult, l.sentiment, l.stance, u.active, u.role, c.body
         FROM comment_label l JOIN "user" u ON u.id = l.user_id JOIN comment c ON c.id = l.comment_id
        WHERE l.user_id = $1`,
      [`token:${token.id}`],
    );
    expect(labels).toEqual([
      {
        user_id: `token:${token.id}`,
        insult: false,
        sentiment: null,
        stance: {},
        active: false,
        role: "moderator",
        body: stored,
      },
    ]);
    // A later correction of the same comment replaces the label, and leaves an audit row.
    await call(
      "comments:suggestscore",
      {
        comment: { text: stored },
        attributeScores: {
          INSULT: { summaryScore: { value: 1 } },
          RAQIB_SENTIMENT_NEGATIVE: { summaryScore: { value: 0.9 } },
          RAQIB_STANCE_RUSSIA_AGAINST: { summaryScore: { value: 1 } },
        },
        communityId: "Coral:https://news.example",
      },
      { key: token.token },
    );
    const [updated] = await db.query(
      `SELECT insult, sentiment, stance FROM comment_label WHERE user_id = $1`,
      [`token:${token.id}`],
    );
    expect(updated).toEqual({ insult: true, sentiment: "negative", stance: { russia: "against" } });
    const audit = await db.query(
      `SELECT action, actor_token_id, after FROM audit_event WHERE action = 'comment_labelled' AND actor_token_id = $1 ORDER BY id`,
      [token.id],
    );
    expect(audit.map((a) => a.after.via)).toEqual(["suggestscore", "suggestscore"]);
    const bad = await call("comments:suggestscore", {
      comment: { text: "x" },
      attributeScores: { NOPE: { summaryScore: { value: 1 } } },
    });
    expect(bad.status).toBe(400);
  });

  it("never links to another source's comment with the same text", async () => {
    const writer = await createTestToken(["classify"]);
    const other = await createTestToken(["classify"]);
    const text = "نص مشترك بين موقعين";
    await analyze({ comment: { text }, requestedAttributes: { TOXICITY: {} } }, { key: writer.token });
    await call(
      "comments:suggestscore",
      { comment: { text }, attributeScores: { TOXICITY: { summaryScore: { value: 1 } } } },
      { key: other.token },
    );
    const [row] = await db.query(`SELECT comment_id FROM client_correction WHERE token_id = $1`, [other.id]);
    expect(row).toEqual({ comment_id: null });
  });
});
