import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { E2E_DATA_DIR, expect, test } from "../fixtures.ts";

// Over real HTTP against `raqib start`: both paths, the colon in the path, ?key= and Bearer,
// the refusals, and a stored comment showing up for moderators.

const root = join(import.meta.dirname, "..", "..");

function raqib(args: string[]): { stdout: string; stderr: string } {
  const result = execFileSync(process.execPath, ["bin/raqib.mjs", ...args], {
    cwd: root,
    env: { ...process.env, RAQIB_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", BETTER_AUTH_SECRET: "" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { stdout: result, stderr: "" };
}

function createToken(scope: string): { token: string; name: string } {
  const name = `e2e-perspective-${randomBytes(3).toString("hex")}`;
  const token = raqib(["token", "create", "--scope", scope, "--name", name]).stdout.trim();
  return { token, name };
}

function tokenId(name: string): string {
  const line = raqib(["token", "list"])
    .stdout.split("\n")
    .find((l) => l.includes(name));
  const id = line?.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0];
  if (!id) throw new Error(`no id for token ${name} in raqib token list`);
  return id;
}

let key = "";
test.beforeAll(() => {
  key = createToken("classify").token;
});

const coralBody = (text: string, doNotStore = true) => ({
  comment: { text },
  doNotStore,
  requestedAttributes: { TOXICITY: {} },
  languages: ["en"],
});

test("POST /v1alpha1/comments:analyze and /api/perspective/v1alpha1/comments:analyze answer the same scores", async ({
  request,
}) => {
  const body = { ...coralBody("يا ابن الكلب"), spanAnnotations: true, clientToken: "e2e-1" };
  const root = await request.post(`/v1alpha1/comments:analyze?key=${key}`, { data: body });
  expect(root.status()).toBe(200);
  const json = await root.json();
  expect(json.attributeScores.TOXICITY.summaryScore.value).toBeGreaterThan(0.8);
  expect(json.attributeScores.TOXICITY.spanScores[0]).toMatchObject({ begin: 3, end: 12 });
  expect(json).toMatchObject({ detectedLanguages: ["ar"], clientToken: "e2e-1" });
  const api = await request.post("/api/perspective/v1alpha1/comments:analyze", {
    data: body,
    headers: { authorization: `Bearer ${key}` },
  });
  expect(api.status()).toBe(200);
  expect(await api.json()).toEqual(json);
  // A client that percent-encodes the colon reaches the same method.
  const encoded = await request.post(`/v1alpha1/comments%3Aanalyze?key=${key}`, { data: body });
  expect(encoded.status()).toBe(200);
});

test("refusals are Perspective-shaped: 401 without a key, 403 for a revoked or unscoped token, 400 for bad JSON", async ({
  request,
}) => {
  const missing = await request.post("/v1alpha1/comments:analyze", { data: coralBody("نص") });
  expect(missing.status()).toBe(401);
  expect((await missing.json()).error).toMatchObject({ code: 401, status: "UNAUTHENTICATED" });
  const ingest = createToken("ingest");
  const unscoped = await request.post(`/v1alpha1/comments:analyze?key=${ingest.token}`, {
    data: coralBody("نص"),
  });
  expect(unscoped.status()).toBe(403);
  expect((await unscoped.json()).error).toMatchObject({ code: 403, status: "PERMISSION_DENIED" });
  const revoked = createToken("classify");
  raqib(["token", "revoke", tokenId(revoked.name)]);
  const refused = await request.post(`/v1alpha1/comments:analyze?key=${revoked.token}`, {
    data: coralBody("نص"),
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.status).toBe("PERMISSION_DENIED");
  const malformed = await request.post(`/v1alpha1/comments:analyze?key=${key}`, {
    data: '{"comment": {"text": ',
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
  const japanese = await request.post(`/v1alpha1/comments:analyze?key=${key}`, {
    data: { ...coralBody("نص"), languages: ["ja"] },
  });
  expect(japanese.status()).toBe(400);
});

test("a comment analyzed with doNotStore false is waiting for moderators; doNotStore true is not", async ({
  request,
  page,
  signInAs,
}) => {
  const marker = randomBytes(3).toString("hex");
  const kept = `تعليق للمراجعة يا حمار ${marker}`;
  const dropped = `تعليق لا يحفظ ${marker}`;
  expect(
    (await request.post(`/v1alpha1/comments:analyze?key=${key}`, { data: coralBody(kept, false) })).status(),
  ).toBe(200);
  expect(
    (
      await request.post(`/v1alpha1/comments:analyze?key=${key}`, { data: coralBody(dropped, true) })
    ).status(),
  ).toBe(200);
  await signInAs("moderator");
  await page.goto("/articles");
  await page
    .getByRole("link", { name: /Perspective API/ })
    .first()
    .click();
  await expect(page.getByTestId("comment").filter({ hasText: kept })).toHaveCount(1);
  await expect(page.getByTestId("comment").filter({ hasText: dropped })).toHaveCount(0);
});
