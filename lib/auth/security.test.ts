import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "../../app/api/auth/[...all]/route.ts";
import { GET as whoamiGet } from "../../app/api/whoami/route.ts";
import { getDb } from "../db/client.ts";
import {
  cookieHeaderFrom,
  createTestToken,
  createTestUser,
  sessionCookie,
  signInRequest,
  TEST_ORIGIN,
} from "../testing/auth-fixtures.ts";
import { runCli } from "../testing/run-cli.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { authenticateRequest } from "./authenticate-request.ts";
import { listApiTokens } from "./list-api-tokens.ts";
import { setUserActive } from "./set-user-active.ts";
import { SIGN_IN_LIMITS } from "./sign-in-throttle.ts";

function getSession(cookie: string, protocol: "http" | "https" = "http") {
  return authGet(
    new Request(`${protocol}://raqib.test/api/auth/get-session`, {
      headers: { cookie, host: "raqib.test", "x-forwarded-proto": protocol },
    }),
  );
}

describe("security", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  describe("brute-force sign-in", () => {
    it(`refuses an email after ${SIGN_IN_LIMITS.perEmail} failures, even with the right password, and logs every attempt`, async () => {
      const user = await createTestUser("analyst");
      const ip = "192.0.2.10";
      for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
        const response = await signInRequest(user.email, `wrong-password-${i}`, { ip });
        expect(response.status).toBe(401);
        expect((await response.json()).message).toBe("Invalid email or password");
      }
      const locked = await signInRequest(user.email, user.password, { ip });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(
        SIGN_IN_LIMITS.windowMinutes * 60 - 30,
      );
      expect((await locked.json()).message).toMatch(
        /Too many failed sign-in attempts. Try again in 15 minute/,
      );
      expect(cookieHeaderFrom(locked)).toBe("");
      const db = getDb();
      expect(
        await db.auditEvent.count({ where: { action: "sign_in_failed", actorLabel: user.email, ip } }),
      ).toBe(5);
      expect(
        await db.auditEvent.count({ where: { action: "sign_in_throttled", actorLabel: user.email } }),
      ).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "sign_in", actorUserId: user.id } })).toBe(0);
      // Another account is not locked by this one's failures.
      const other = await createTestUser("analyst");
      expect((await signInRequest(other.email, other.password, { ip: "192.0.2.11" })).status).toBe(200);
    });

    it(`refuses an address after ${SIGN_IN_LIMITS.perIp} failures across many emails`, async () => {
      const ip = "192.0.2.20";
      for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
        expect((await signInRequest(`nobody-${i}@example.org`, "not-a-password", { ip })).status).toBe(401);
      }
      const user = await createTestUser("moderator");
      expect((await signInRequest(user.email, user.password, { ip })).status).toBe(429);
      expect((await signInRequest(user.email, user.password, { ip: "192.0.2.21" })).status).toBe(200);
    });
  });

  describe("deactivation", () => {
    it("ends open sessions at once and refuses new ones, saying why only to the right password", async () => {
      const user = await createTestUser("moderator");
      const cookie = await sessionCookie(user);
      expect((await (await getSession(cookie)).json())?.user.email).toBe(user.email);
      await setUserActive(user.id, false, { actor: { label: "test" } });
      expect(await (await getSession(cookie)).json()).toBeNull();
      const whoami = await whoamiGet(new Request(`${TEST_ORIGIN}/api/whoami`, { headers: { cookie } }));
      expect(whoami.status).toBe(401);
      expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);

      const right = await signInRequest(user.email, user.password, { ip: "192.0.2.30" });
      expect(right.status).toBe(401);
      expect((await right.json()).code).toBe("ACCOUNT_DEACTIVATED");
      expect(cookieHeaderFrom(right)).toBe("");
      const wrong = await signInRequest(user.email, "a-wrong-password", { ip: "192.0.2.30" });
      expect(wrong.status).toBe(401);
      expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);

      await setUserActive(user.id, true, { actor: { label: "test" } });
      expect((await signInRequest(user.email, user.password, { ip: "192.0.2.31" })).status).toBe(200);
    });
  });

  describe("session cookies", () => {
    it("over https: __Secure- name, Secure, HttpOnly, SameSite=Lax, Path=/", async () => {
      const user = await createTestUser("analyst");
      const response = await signInRequest(user.email, user.password, {
        protocol: "https",
        ip: "192.0.2.40",
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie().find((c) => c.includes("raqib.session_token="));
      expect(cookie).toMatch(/^__Secure-raqib\.session_token=/);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      const session = await (await getSession(cookieHeaderFrom(response), "https")).json();
      expect(session.user.email).toBe(user.email);
    });

    it("a forged or tampered cookie is no session", async () => {
      const user = await createTestUser("analyst");
      const cookie = await sessionCookie(user);
      const tampered = cookie.replace(/=([^.;]+)\./, (_m, token: string) => `=${token.slice(0, -2)}xx.`);
      expect(tampered).not.toBe(cookie);
      expect(await (await getSession(tampered)).json()).toBeNull();
      expect(await (await getSession("raqib.session_token=made-up.signature")).json()).toBeNull();
    });
  });

  describe("CSRF", () => {
    it("refuses cross-site sign-in, sign-out and password changes; the session and password stay", async () => {
      const user = await createTestUser("admin");
      const cookie = await sessionCookie(user);
      const crossSite = (path: string, body: unknown, extra: Record<string, string> = {}) =>
        authPost(
          new Request(`${TEST_ORIGIN}/api/auth${path}`, {
            method: "POST",
            headers: { cookie, origin: "http://evil.example", "content-type": "application/json", ...extra },
            body: JSON.stringify(body),
          }),
        );
      expect((await crossSite("/sign-out", {})).status).toBe(403);
      expect(
        (
          await crossSite("/change-password", {
            currentPassword: user.password,
            newPassword: "hijacked-password",
          })
        ).status,
      ).toBe(403);
      expect(
        (await crossSite("/sign-in/email", { email: user.email, password: user.password }, { cookie: "" }))
          .status,
      ).toBe(403);
      expect(
        (await crossSite("/sign-out", {}, { origin: TEST_ORIGIN, "sec-fetch-site": "cross-site" })).status,
      ).toBe(403);
      expect((await (await getSession(cookie)).json())?.user.email).toBe(user.email);
      expect((await signInRequest(user.email, user.password, { ip: "192.0.2.50" })).status).toBe(200);
    });

    it("route handlers refuse cookie-authenticated writes from other sites, but not bearer tokens", async () => {
      const user = await createTestUser("admin");
      const cookie = await sessionCookie(user);
      const post = (headers: Record<string, string>) =>
        authenticateRequest(
          new Request(`${TEST_ORIGIN}/api/x`, {
            method: "POST",
            headers: { host: "raqib.test", ...headers },
          }),
          { permission: "export" },
        );
      expect(await post({ cookie, origin: "http://evil.example" })).toMatchObject({ ok: false, status: 403 });
      expect(await post({ cookie, "sec-fetch-site": "cross-site", origin: TEST_ORIGIN })).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await post({ cookie })).toMatchObject({ ok: false, status: 403 });
      expect(await post({ cookie, origin: TEST_ORIGIN })).toMatchObject({ ok: true });
      expect(await post({ cookie, "sec-fetch-site": "same-origin" })).toMatchObject({ ok: true });
      const token = await createTestToken(["export"]);
      const viaToken = await authenticateRequest(
        new Request(`${TEST_ORIGIN}/api/x`, {
          method: "POST",
          headers: { authorization: `Bearer ${token.token}` },
        }),
        { permission: "export", scope: "export" },
      );
      expect(viaToken).toMatchObject({ ok: true, actor: { kind: "token" } });
    });
  });

  describe("secrets stay secret", () => {
    const captured: string[] = [];
    const capture =
      (original: (...args: never[]) => unknown) =>
      (...args: unknown[]) => {
        captured.push(
          args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" "),
        );
        return (original as (...a: unknown[]) => unknown)(...args);
      };
    beforeAll(() => {
      for (const method of ["log", "info", "warn", "error", "debug"] as const) {
        vi.spyOn(console, method).mockImplementation(capture(() => undefined));
      }
      vi.spyOn(process.stdout, "write").mockImplementation(
        capture(() => true) as typeof process.stdout.write,
      );
      vi.spyOn(process.stderr, "write").mockImplementation(
        capture(() => true) as typeof process.stderr.write,
      );
    });
    afterEach(() => {
      captured.length = 0;
    });
    afterAll(() => vi.restoreAllMocks());

    it("no password or token in logs, responses, token lists or the audit log", async () => {
      const user = await createTestUser("admin");
      const ok = await signInRequest(user.email, user.password, { ip: "192.0.2.60" });
      const okBody = await ok.text();
      const wrongPassword = `${user.password}-but-wrong`;
      const failed = await signInRequest(user.email, wrongPassword, { ip: "192.0.2.60" });
      const failedBody = await failed.text();
      // The password typed into the email field by mistake.
      const misplaced = await signInRequest(user.password, user.password, { ip: "192.0.2.60" });
      expect(misplaced.status).toBe(400);
      const misplacedBody = await misplaced.text();
      const sessionToken = decodeURIComponent(cookieHeaderFrom(ok).split("=")[1] ?? "").split(".")[0] ?? "";
      expect(sessionToken.length).toBeGreaterThan(20);
      const sessionBody = await (await getSession(cookieHeaderFrom(ok))).text();

      const token = await createTestToken(["ingest"]);
      const whoami = await (
        await whoamiGet(
          new Request(`${TEST_ORIGIN}/api/whoami`, { headers: { authorization: `Bearer ${token.token}` } }),
        )
      ).text();
      const revokedToken = await createTestToken(["ingest"], { revoked: true });
      await whoamiGet(
        new Request(`${TEST_ORIGIN}/api/whoami`, {
          headers: { authorization: `Bearer ${revokedToken.token}` },
        }),
      );
      const tokenList = JSON.stringify(await listApiTokens());
      const audit = JSON.stringify(await getDb().auditEvent.findMany(), (_key, value) =>
        typeof value === "bigint" ? value.toString() : value,
      );

      const secrets = [user.password, wrongPassword, sessionToken, token.token, revokedToken.token];
      for (const secret of secrets) {
        for (const [where, text] of Object.entries({
          logs: captured.join("\n"),
          okBody,
          failedBody,
          misplacedBody,
          sessionBody,
          whoami,
          tokenList,
          audit,
        })) {
          expect(text.includes(secret), `${where} contains a secret`).toBe(false);
        }
      }
      expect(tokenList).not.toMatch(/[0-9a-f]{64}/);
    });

    it("the CLI reads a password from stdin without echoing it, and prints a new token only on stdout", async () => {
      const env = { DATABASE_URL: database.url };
      const password = "correct-horse-battery-staple";
      const added = await runCli(
        ["user", "add", "--email", "cli@example.org", "--role", "analyst", "--password-stdin"],
        {
          env,
          stdin: `${password}\n`,
        },
      );
      expect(added.code).toBe(0);
      expect(`${added.stdout}${added.stderr}${captured.join("")}`).not.toContain(password);
      expect((await signInRequest("cli@example.org", password, { ip: "192.0.2.61" })).status).toBe(200);

      const created = await runCli(["token", "create", "--scope", "export", "--name", "nightly export"], {
        env,
      });
      expect(created.code).toBe(0);
      const token = created.stdout.trim();
      expect(token).toMatch(/^rqb_[A-Za-z0-9_-]{43}$/);
      expect(created.stderr).not.toContain(token);
      expect(captured.join("")).not.toContain(token);
      const listed = await runCli(["token", "list"], { env });
      expect(listed.stdout).toContain("nightly export");
      expect(listed.stdout).not.toContain(token);
    });
  });
});
