import "../testing/auth-env.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../app/api/v1/classify/route.ts";
import { classify } from "../classifier/index.ts";
import { createTestToken, createTestUser, sessionCookie, TEST_ORIGIN } from "../testing/auth-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";

let database: TestDatabase;
let token: string;
beforeAll(async () => {
  database = await createTestDatabase();
  token = (await createTestToken(["classify"])).token;
});
afterAll(async () => database.drop());

const call = (body: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  POST(
    new Request(`${TEST_ORIGIN}/api/v1/classify`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }),
  );

describe("POST /api/v1/classify", () => {
  it("classifies one text exactly as the library does", async () => {
    const text = "يا حمار، الاحتلال الروسي دمر حلب";
    const response = await call(JSON.stringify({ text }));
    expect(response.status).toBe(200);
    expect((await response.json()).result).toEqual(JSON.parse(JSON.stringify(classify(text))));
  });

  it("classifies a batch, keeping each id", async () => {
    const items = [
      { id: "a", text: "شكرا على المقال الرائع" },
      { id: 7, text: "you are an idiot" },
    ];
    const json = await (await call(JSON.stringify({ items }))).json();
    expect(json.results.map((r: { id: unknown }) => r.id)).toEqual(["a", 7]);
    expect(json.results[0].sentiment).toBe(classify(items[0]?.text as string).sentiment);
  });

  it("answers 400 with a message for every kind of bad input", async () => {
    const cases: [string, RegExp][] = [
      [JSON.stringify({ text: "" }), /empty/],
      [JSON.stringify({ text: 42 }), /text must be a string, got number/],
      [JSON.stringify({ text: "ك".repeat(200_000) }), /100000|100,000/],
      ["{not json", /^malformed JSON/],
      [JSON.stringify([1, 2]), /expected \{"text"/],
      [JSON.stringify({ items: [] }), /items is empty/],
      [
        JSON.stringify({ items: Array.from({ length: 1001 }, (_, i) => ({ id: i, text: "x" })) }),
        /over the limit of 1000/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await call(body);
      expect(response.status, body.slice(0, 40)).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
    const mixed = await call(
      JSON.stringify({
        items: [
          { id: 1, text: "نص سليم" },
          { id: 2, text: null },
        ],
      }),
    );
    expect(mixed.status).toBe(400);
    expect((await mixed.json()).errors).toEqual([
      { index: 1, id: 2, reason: "text must be a string, got null" },
    ]);
  });

  it("serves signed-in users and classify tokens, and refuses the others", async () => {
    const body = JSON.stringify({ text: "نص" });
    const analyst = await createTestUser("analyst");
    const cookie = await sessionCookie(analyst);
    expect((await call(body, { cookie, origin: TEST_ORIGIN, "sec-fetch-site": "same-origin" })).status).toBe(
      200,
    );
    expect((await call(body, {})).status).toBe(401);
    expect(
      (await call(body, { authorization: `Bearer ${(await createTestToken(["ingest"])).token}` })).status,
    ).toBe(403);
    expect(
      (
        await call(body, {
          authorization: `Bearer ${(await createTestToken(["classify"], { revoked: true })).token}`,
        })
      ).status,
    ).toBe(401);
    expect(
      (await call(body, { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status,
    ).toBe(403);
  });
});
