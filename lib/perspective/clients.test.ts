import path from "node:path";
import Perspective from "perspective-api-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../app/v1alpha1/[action]/route.ts";
import { createTestToken } from "../testing/auth-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";

// Requests exactly as two real clients build them, posted to Raqib's route handler.

let db: TestDatabase;
let key: string;
beforeAll(async () => {
  db = await createTestDatabase();
  key = (await createTestToken(["classify"])).token;
});
afterAll(async () => {
  await db?.drop();
});

async function post(url: URL, init: { headers: Record<string, string>; body: string }) {
  const action = url.pathname.split("/").pop() ?? "";
  const response = await POST(new Request(url, { method: "POST", ...init }), {
    params: Promise.resolve({ action }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: read the way these untyped clients read it
  return { status: response.status, data: (await response.json()) as any };
}

describe("perspective-api-client 3.1.0", () => {
  it("its getAnalyzeCommentPayload body is answered like Google's service answered it", async () => {
    const client = new Perspective({ apiKey: key });
    const payload = client.getAnalyzeCommentPayload("<p>يا ابن الكلب</p>", {
      attributes: ["toxicity", "insult"],
    });
    // The package's own defaults: HTML stripped, attributes upper-cased, doNotStore true.
    expect(payload).toEqual({
      comment: { text: "يا ابن الكلب" },
      requestedAttributes: { TOXICITY: {}, INSULT: {} },
      doNotStore: true,
    });
    const url = new URL("http://raqib.test/v1alpha1/comments:analyze");
    url.searchParams.set("key", key); // the package sends the key as ?key= (axios params)
    const { status, data } = await post(url, {
      headers: { "content-type": "application/json;charset=utf-8" },
      body: JSON.stringify(payload),
    });
    expect(status).toBe(200);
    expect(data.attributeScores.TOXICITY.summaryScore.value).toBeGreaterThan(0.8);
    expect(data.attributeScores.INSULT.summaryScore.type).toBe("PROBABILITY");
    const rows = await db.query("SELECT id FROM comment WHERE body = $1", ["يا ابن الكلب"]);
    expect(rows).toEqual([]);

    const defaults = client.getAnalyzeCommentPayload("مقال جيد، شكرا");
    expect(defaults).toEqual({
      comment: { text: "مقال جيد، شكرا" },
      requestedAttributes: { TOXICITY: {} },
      doNotStore: true,
    });
    const polite = await post(url, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(defaults),
    });
    expect(polite.data.attributeScores.TOXICITY.summaryScore.value).toBeLessThan(0.5);
  });
});

describe("Coral Talk's Perspective integration", () => {
  // What Coral's sendToPerspective does: endpoint + "/comments:analyze" joined as a path, the key
  // as ?key=, a JSON body with the model as the one requested attribute and the tenant's language
  // mapped to Perspective's (anything Coral does not map, Arabic included, becomes "en").
  function coralUrl(endpoint: string, operation: string): URL {
    const url = new URL(endpoint.trim());
    url.pathname = path.join(url.pathname, `/${operation}`);
    url.searchParams.set("key", key.trim());
    return url;
  }

  it("analyze: Arabic labelled 'en', read as attributeScores.TOXICITY.summaryScore.value against Coral's 80% default", async () => {
    const endpoint = "http://raqib.test/v1alpha1";
    const model = "TOXICITY";
    const threshold = 80 / 100;
    const scoreOf = async (text: string, doNotStore: boolean) => {
      const { status, data } = await post(coralUrl(endpoint, "comments:analyze"), {
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          comment: { text },
          doNotStore,
          requestedAttributes: { [model]: {} },
          languages: ["en"],
        }),
      });
      expect(status).toBe(200);
      expect(data.detectedLanguages).toEqual(["ar"]);
      return data.attributeScores[model].summaryScore.value as number;
    };
    expect((await scoreOf("يا حمار يا ابن الكلب", true)) > threshold).toBe(true);
    expect((await scoreOf("انتم جرذان وخونة", true)) > threshold).toBe(true);
    expect((await scoreOf("شكرا على هذا التقرير المفيد", true)) > threshold).toBe(false);
    expect((await scoreOf("الحكومة لم تنشر الأرقام بعد", false)) > threshold).toBe(false);
    expect(
      await db.query("SELECT body FROM comment WHERE body = $1", ["الحكومة لم تنشر الأرقام بعد"]),
    ).toHaveLength(1);
  });

  it("suggestscore: Coral's correction body after a moderator's decision is accepted and linked", async () => {
    const text = "كلامك كله غباء يا جاهل";
    await post(coralUrl("http://raqib.test/v1alpha1/", "comments:analyze"), {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        comment: { text },
        doNotStore: false,
        requestedAttributes: { TOXICITY: {} },
        languages: ["en"],
      }),
    });
    const commentID = "8f1c0c1e-0000-4000-8000-000000000001";
    const { status, data } = await post(coralUrl("http://raqib.test/v1alpha1/", "comments:suggestscore"), {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        comment: { text },
        context: {
          entries: [
            {
              text: JSON.stringify({
                url: `https://news.example/story?commentID=${commentID}`,
                reply_to_id_Coral_comment_id: undefined,
                Coral_comment_id: commentID,
              }),
            },
          ],
        },
        attributeScores: { TOXICITY: { summaryScore: { value: 1 } } },
        languages: ["en"],
        communityId: "Coral:https://news.example",
        clientToken: `comment:${commentID}`,
      }),
    });
    expect(status).toBe(200);
    expect(data.clientToken).toBe(`comment:${commentID}`);
    const [row] = await db.query(
      `SELECT c.body, cc.abusive, cc.community_id FROM client_correction cc JOIN comment c ON c.id = cc.comment_id
       WHERE cc.client_token = $1`,
      [`comment:${commentID}`],
    );
    expect(row).toEqual({ body: text, abusive: true, community_id: "Coral:https://news.example" });
  });
});

describe("Discourse's Perspective plugin", () => {
  it("its analyze body (scoreType, sessionId, no languages) is answered, and read as attributeScores.*.summaryScore.value", async () => {
    const url = new URL("http://raqib.test/v1alpha1/comments:analyze");
    url.searchParams.set("key", key);
    const body = JSON.stringify({
      comment: { text: "انتم خنازير يا روافض" },
      doNotStore: true,
      sessionId: "https://forum.example_42",
      requestedAttributes: { SEVERE_TOXICITY: { scoreType: "PROBABILITY" } },
    });
    const { status, data } = await post(url, {
      headers: { Accept: "*/*", "Content-Type": "application/json", "User-Agent": "Discourse/3.4.0" },
      body,
    });
    expect(status).toBe(200);
    const [score] = Object.values(data.attributeScores).map(
      (a) => (a as { summaryScore: { value: number } }).summaryScore.value,
    );
    expect(score).toBeGreaterThan(0.7);
  });
});
