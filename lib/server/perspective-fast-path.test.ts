import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as rootPost } from "../../app/v1alpha1/[action]/route.ts";
import { revokeApiToken } from "../auth/revoke-api-token.ts";
import { forgetVerifiedTokens, recallVerifiedToken } from "../auth/verified-token-cache.ts";
import { createTestToken } from "../testing/auth-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { perspectiveAction, servePerspective } from "./perspective-fast-path.ts";
import { SECURITY_HEADERS } from "./security-headers.ts";

describe("perspectiveAction", () => {
  it("picks the Perspective paths' POSTs, query string or not, with or without /api/perspective", () => {
    expect(perspectiveAction("POST", "/v1alpha1/comments:analyze?key=abc")).toBe("comments:analyze");
    expect(perspectiveAction("POST", "/api/perspective/v1alpha1/comments:suggestscore")).toBe(
      "comments:suggestscore",
    );
    expect(perspectiveAction("POST", "/v1alpha1/comments%3Aanalyze")).toBe("comments:analyze");
    expect(perspectiveAction("POST", "/v1alpha1/nope")).toBe("nope");
  });

  it("leaves everything else to Next", () => {
    expect(perspectiveAction("GET", "/v1alpha1/comments:analyze")).toBeNull();
    expect(perspectiveAction("POST", "/api/v1/classify")).toBeNull();
    expect(perspectiveAction("POST", "/v1alpha1/comments:analyze/extra")).toBeNull();
    expect(perspectiveAction("POST", "/moderation")).toBeNull();
    expect(perspectiveAction("POST", "/v1alpha1/%E0%A4%A")).toBeNull();
    expect(perspectiveAction(undefined, undefined)).toBeNull();
  });
});

it("the fast path sends the same security headers as next.config.js", async () => {
  const { default: nextConfig } = (await import(new URL("../../next.config.js", import.meta.url).href)) as {
    default: { headers(): Promise<{ headers: unknown[] }[]> };
  };
  const configured = await nextConfig.headers();
  expect(configured).toHaveLength(1);
  expect(configured[0]?.headers).toEqual(SECURITY_HEADERS);
});

describe("servePerspective", () => {
  let db: TestDatabase;
  let server: Server;
  let base: string;
  let key: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    key = (await createTestToken(["classify"])).token;
    server = createServer((req, res) => {
      const action = perspectiveAction(req.method, req.url);
      if (action !== null) void servePerspective(action, req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db?.drop();
  });

  async function both(path: string, body: string) {
    const fast = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const action = decodeURIComponent(path.split("/").pop()?.split("?")[0] ?? "");
    const viaNext = await rootPost(
      new Request(`http://raqib.test${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
      { params: Promise.resolve({ action }) },
    );
    return {
      fast: { status: fast.status, body: await fast.json(), headers: fast.headers },
      next: { status: viaNext.status, body: await viaNext.json() },
    };
  }

  const request = (text: string) =>
    JSON.stringify({
      comment: { text },
      requestedAttributes: { TOXICITY: {}, INSULT: {} },
      languages: ["en"],
      doNotStore: true,
      spanAnnotations: true,
    });

  it("answers a success as the Next route does, with the security headers", async () => {
    const { fast, next } = await both(`/v1alpha1/comments:analyze?key=${key}`, request("😀 يا حمار"));
    expect(fast.status).toBe(200);
    expect(fast.body).toEqual(next.body);
    expect(fast.body.attributeScores.INSULT.summaryScore.value).toBeGreaterThan(0.5);
    for (const { key: name, value } of SECURITY_HEADERS) expect(fast.headers.get(name)).toBe(value);
    expect(fast.headers.get("content-type")).toMatch(/application\/json/);
  });

  it("answers each error class as the Next route does", async () => {
    const cases: [string, string, number][] = [
      ["/v1alpha1/comments:analyze", request("x"), 401],
      [`/v1alpha1/comments:analyze?key=${key}`, "{not json", 400],
      [`/v1alpha1/comments:analyze?key=${key}`, request(""), 400],
      [`/v1alpha1/comments:nothing?key=${key}`, request("x"), 404],
    ];
    for (const [path, body, status] of cases) {
      const { fast, next } = await both(path, body);
      expect(fast.status).toBe(status);
      expect(next.status).toBe(status);
      expect(fast.body).toEqual(next.body);
      expect(fast.body.error.code).toBe(status);
    }
  });

  it("refuses a body over the limit without reading it all", async () => {
    const response = await fetch(`${base}/v1alpha1/comments:analyze?key=${key}`, {
      method: "POST",
      body: "x".repeat(1_100_000),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/over 1000000 bytes/);
  });

  it("a revoked token is refused at once: both paths share one token memory", async () => {
    const token = await createTestToken(["classify"]);
    const ok = await fetch(`${base}/v1alpha1/comments:analyze?key=${token.token}`, {
      method: "POST",
      body: request("hello"),
    });
    expect(ok.status).toBe(200);
    const memory = (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for("raqib.verifiedTokens")];
    expect(memory?.size).toBeGreaterThan(0);
    await revokeApiToken(token.id, { actor: { label: "test" } });
    const refused = await fetch(`${base}/v1alpha1/comments:analyze?key=${token.token}`, {
      method: "POST",
      body: request("hello"),
    });
    expect(refused.status).toBe(403);
    forgetVerifiedTokens();
    expect(recallVerifiedToken("anything")).toBeNull();
  });
});
