import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../testing/fake-next.ts")).nextHeaders);
vi.mock("next/headers.js", async () => (await import("../testing/fake-next.ts")).nextHeaders);
vi.mock("next/cache", async () => (await import("../testing/fake-next.ts")).nextCache);

import AccountPage from "../../app/account/page.tsx";
import AuditPage from "../../app/admin/audit/page.tsx";
import EscalationReasonsPage from "../../app/admin/escalation-reasons/page.tsx";
import IngestRunPage from "../../app/admin/ingest/[id]/page.tsx";
import IngestRunsPage from "../../app/admin/ingest/page.tsx";
import LexiconPage from "../../app/admin/lexicon/page.tsx";
import TokensPage from "../../app/admin/tokens/page.tsx";
import UsersPage from "../../app/admin/users/page.tsx";
import AnalyticsPage from "../../app/analytics/page.tsx";
import { GET as authGet, POST as authPost } from "../../app/api/auth/[...all]/route.ts";
import { GET as healthGet } from "../../app/api/health/route.ts";
import { GET as whoamiGet } from "../../app/api/whoami/route.ts";
import ArticlePage from "../../app/articles/[id]/page.tsx";
import ArticlesPage from "../../app/articles/page.tsx";
import SignInPage from "../../app/sign-in/page.tsx";
import { getDb } from "../db/client.ts";
import { setLocaleAction } from "../i18n/set-locale-action.ts";
import { createEscalationReasonAction } from "../moderation/create-escalation-reason-action.ts";
import { updateEscalationReasonAction } from "../moderation/update-escalation-reason-action.ts";
import {
  createTestToken,
  createTestUser,
  sessionCookie,
  TEST_ORIGIN,
  type TestUser,
} from "../testing/auth-fixtures.ts";
import { outcome, setFakeRequest } from "../testing/fake-next.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { type ActionState, IDLE } from "./action-state.ts";
import { authenticateRequest } from "./authenticate-request.ts";
import { changePasswordAction } from "./change-password-action.ts";
import { changeRoleAction } from "./change-role-action.ts";
import { createTokenAction } from "./create-token-action.ts";
import { createUserAction } from "./create-user-action.ts";
import type { Role } from "./permissions.ts";
import { revokeTokenAction } from "./revoke-token-action.ts";
import { setUserActiveAction } from "./set-user-active-action.ts";
import { signInAction } from "./sign-in-action.ts";
import { signOutAction } from "./sign-out-action.ts";

type Who = "nobody" | Role;
const EVERYONE: Who[] = ["nobody", "analyst", "moderator", "admin"];
const SIGNED_IN: Who[] = ["analyst", "moderator", "admin"];
const ADMIN: Who[] = ["admin"];

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  return data;
}

/** Everything an account write could touch, to prove a refused write touched nothing. */
async function snapshot() {
  const db = getDb();
  const [users, accounts, tokens, audit, sessions, reasons] = await Promise.all([
    db.user.findMany({ select: { id: true, role: true, active: true, email: true }, orderBy: { id: "asc" } }),
    db.account.findMany({ select: { id: true, password: true }, orderBy: { id: "asc" } }),
    db.apiToken.findMany({ select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    db.auditEvent.count(),
    db.session.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    db.escalationReason.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { users, accounts, tokens, audit, sessions, reasons };
}

describe("access matrix: every page, server action and route handler, as every role and as nobody", () => {
  let database: TestDatabase;
  const users = {} as Record<Role, TestUser>;
  const cookies = {} as Record<Who, string | null>;
  let target: TestUser;
  let articleId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const role of ["admin", "moderator", "analyst"] as const) {
      users[role] = await createTestUser(role);
      cookies[role] = await sessionCookie(users[role]);
    }
    cookies.nobody = null;
    target = await createTestUser("analyst", "Target");
    const article = await getDb().article.create({
      data: { title: "مقال", body: "نص", contentHash: randomBytes(16).toString("hex") },
    });
    articleId = article.id;
  });
  afterAll(async () => database.drop());

  const as = (who: Who, path = "/articles") => setFakeRequest({ cookie: cookies[who], path });

  const pages: { name: string; path: string; allowed: Who[]; render: () => Promise<unknown> }[] = [
    {
      name: "/articles",
      path: "/articles",
      allowed: SIGNED_IN,
      render: () => ArticlesPage({ searchParams: Promise.resolve({}) }),
    },
    {
      name: "/articles/[id]",
      path: "/articles/1",
      allowed: SIGNED_IN,
      render: () => ArticlePage({ params: Promise.resolve({ id: String(articleId) }) }),
    },
    { name: "/account", path: "/account", allowed: SIGNED_IN, render: () => AccountPage() },
    {
      name: "/analytics",
      path: "/analytics?range=7d",
      allowed: SIGNED_IN,
      render: () => AnalyticsPage({ searchParams: Promise.resolve({ range: "7d" }) }),
    },
    {
      name: "/admin/lexicon",
      path: "/admin/lexicon",
      allowed: SIGNED_IN,
      render: () => LexiconPage({ searchParams: Promise.resolve({ view: "versions" }) }),
    },
    { name: "/admin/users", path: "/admin/users", allowed: ADMIN, render: () => UsersPage() },
    { name: "/admin/tokens", path: "/admin/tokens", allowed: ADMIN, render: () => TokensPage() },
    {
      name: "/admin/escalation-reasons",
      path: "/admin/escalation-reasons",
      allowed: ADMIN,
      render: () => EscalationReasonsPage(),
    },
    {
      name: "/admin/audit",
      path: "/admin/audit?action=sign_in",
      allowed: ADMIN,
      render: () => AuditPage({ searchParams: Promise.resolve({ action: "sign_in" }) }),
    },
    {
      name: "/admin/ingest",
      path: "/admin/ingest",
      allowed: ADMIN,
      render: () => IngestRunsPage({ searchParams: Promise.resolve({ status: "succeeded" }) }),
    },
    {
      name: "/admin/ingest/[id]",
      path: "/admin/ingest/1",
      allowed: ADMIN,
      render: async () => {
        const run = await getDb().ingestRun.create({
          data: { actor: "test", via: "cli", inputs: ["x.txt"] },
        });
        return IngestRunPage({ params: Promise.resolve({ id: String(run.id) }) });
      },
    },
  ];

  for (const page of pages) {
    it.each(EVERYONE)(`page ${page.name} as %s`, async (who) => {
      as(who, page.path);
      const result = await outcome(page.render);
      if (page.allowed.includes(who)) expect(result).toBe("ok");
      else if (who === "nobody")
        expect(result).toBe(`redirect:/sign-in?next=${encodeURIComponent(page.path)}`);
      else expect(result).toBe("forbidden");
    });
  }

  it.each(EVERYONE)("page /sign-in as %s: the form for nobody, a redirect for the signed-in", async (who) => {
    as(who, "/sign-in");
    const result = await outcome(() =>
      SignInPage({ searchParams: Promise.resolve({ next: "/admin/users" }) }),
    );
    expect(result).toBe(who === "nobody" ? "ok" : "redirect:/admin/users");
  });

  const actions: {
    name: string;
    allowed: Who[];
    /** Builds the form (and whatever it refers to) before the "before" snapshot is taken. */
    input: () => Promise<FormData>;
    call: (formData: FormData) => Promise<ActionState>;
    /** After an allowed run: did it do its work? */
    verify: (state: ActionState) => Promise<void>;
  }[] = [
    {
      name: "createUserAction",
      allowed: ADMIN,
      input: async () =>
        form({ email: `new-${randomBytes(3).toString("hex")}@example.org`, name: "New", role: "moderator" }),
      call: (formData) => createUserAction(IDLE, formData),
      verify: async (state) => {
        expect(state.status).toBe("ok");
        expect(state.secret).toMatch(/^[A-Za-z0-9]{20}$/);
      },
    },
    {
      name: "changeRoleAction",
      allowed: ADMIN,
      input: async () => {
        const current = await getDb().user.findUniqueOrThrow({
          where: { id: target.id },
          select: { role: true },
        });
        return form({ userId: target.id, role: current.role === "analyst" ? "moderator" : "analyst" });
      },
      call: (formData) => changeRoleAction(IDLE, formData),
      verify: async (state) => {
        expect(state.status).toBe("ok");
        expect(
          await getDb().auditEvent.count({ where: { action: "role_changed", targetId: target.id } }),
        ).toBe(1);
      },
    },
    {
      name: "setUserActiveAction",
      allowed: ADMIN,
      input: async () => form({ userId: target.id, active: "false" }),
      call: (formData) => setUserActiveAction(IDLE, formData),
      verify: async (state) => {
        expect(state.status).toBe("ok");
        const row = await getDb().user.findUniqueOrThrow({ where: { id: target.id } });
        expect(row.active).toBe(false);
        expect(row.deactivatedAt).toBeInstanceOf(Date);
        await getDb().user.update({ where: { id: target.id }, data: { active: true, deactivatedAt: null } });
      },
    },
    {
      name: "createTokenAction",
      allowed: ADMIN,
      input: async () => form({ name: "cms", scopes: ["ingest", "export"] }),
      call: (formData) => createTokenAction(IDLE, formData),
      verify: async (state) => {
        expect(state.status).toBe("ok");
        expect(state.secret).toMatch(/^rqb_[A-Za-z0-9_-]{43}$/);
      },
    },
    {
      name: "revokeTokenAction",
      allowed: ADMIN,
      input: async () => form({ tokenId: (await createTestToken(["classify"])).id }),
      call: (formData) => revokeTokenAction(IDLE, formData),
      verify: async (state) => {
        expect(state.status).toBe("ok");
        expect(await getDb().auditEvent.count({ where: { action: "token_revoked" } })).toBeGreaterThan(0);
      },
    },
    {
      name: "createEscalationReasonAction",
      allowed: ADMIN,
      input: async () =>
        form({ code: `matrix_${randomBytes(3).toString("hex")}`, labelAr: "سبب", labelEn: "Reason" }),
      call: (formData) => createEscalationReasonAction(IDLE, formData),
      verify: async (state) => {
        expect(state.status).toBe("ok");
        expect(await getDb().auditEvent.count({ where: { action: "escalation_reason_created" } })).toBe(1);
      },
    },
    {
      name: "updateEscalationReasonAction",
      allowed: ADMIN,
      input: async () => {
        const legal = await getDb().escalationReason.findUniqueOrThrow({ where: { code: "legal" } });
        return form({
          id: String(legal.id),
          labelAr: legal.labelAr,
          labelEn: legal.labelEn,
          position: String(legal.position + 1),
          ...(legal.active ? { active: "true" } : {}),
        });
      },
      call: (formData) => updateEscalationReasonAction(IDLE, formData),
      verify: async (state) => {
        expect(state.status).toBe("ok");
        expect(await getDb().auditEvent.count({ where: { action: "escalation_reason_updated" } })).toBe(1);
      },
    },
  ];

  for (const action of actions) {
    it.each(EVERYONE)(`server action ${action.name} as %s`, async (who) => {
      const formData = await action.input();
      as(who, "/admin/users");
      if (action.allowed.includes(who)) {
        let state: ActionState = IDLE;
        expect(
          await outcome(async () => {
            state = await action.call(formData);
          }),
        ).toBe("ok");
        await action.verify(state);
        return;
      }
      const before = await snapshot();
      const result = await outcome(() => action.call(formData));
      expect(result).toBe(who === "nobody" ? "redirect:/sign-in?next=%2Fadmin%2Fusers" : "forbidden");
      expect(await snapshot()).toEqual(before);
    });
  }

  it.each(EVERYONE)("server action changePasswordAction as %s", async (who) => {
    if (who === "nobody") {
      as("nobody", "/account");
      const before = await snapshot();
      const result = await outcome(() =>
        changePasswordAction(
          IDLE,
          form({ currentPassword: "whatever-123", newPassword: "another-password-1" }),
        ),
      );
      expect(result).toBe("redirect:/sign-in?next=%2Faccount");
      expect(await snapshot()).toEqual(before);
      return;
    }
    // A user of its own, so that ending its other sessions leaves the shared cookies alone.
    const user = await createTestUser(who);
    const elsewhere = await sessionCookie(user);
    const here = await sessionCookie(user);
    setFakeRequest({ cookie: here, path: "/account" });
    const state = await changePasswordAction(
      IDLE,
      form({ currentPassword: user.password, newPassword: "a-brand-new-password" }),
    );
    expect(state.status).toBe("ok");
    expect(
      await getDb().auditEvent.count({ where: { action: "password_changed", actorUserId: user.id } }),
    ).toBe(1);
    // This browser stays signed in; the user's other sessions end.
    setFakeRequest({ cookie: here, path: "/account" });
    expect(await outcome(() => AccountPage())).toBe("ok");
    setFakeRequest({ cookie: elsewhere, path: "/account" });
    expect(await outcome(() => AccountPage())).toBe("redirect:/sign-in?next=%2Faccount");
    expect(
      (await sessionCookie({ email: user.email, password: "a-brand-new-password" })).length,
    ).toBeGreaterThan(0);
  });

  it.each(EVERYONE)("server action signInAction as %s: open to all, it checks the password", async (who) => {
    const user = await createTestUser("analyst");
    as(who, "/sign-in");
    const wrong = await signInAction(
      IDLE,
      form({ email: user.email, password: "not-the-password", next: "/account" }),
    );
    expect(wrong).toMatchObject({ status: "error", fields: { email: user.email } });
    as(who, "/sign-in");
    const right = await outcome(() =>
      signInAction(IDLE, form({ email: user.email, password: user.password, next: "/account" })),
    );
    expect(right).toBe("redirect:/account");
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(1);
  });

  it.each(EVERYONE)("server action signOutAction as %s", async (who) => {
    if (who === "nobody") {
      as("nobody", "/articles");
      const before = await snapshot();
      expect(await outcome(() => signOutAction())).toBe("redirect:/sign-in");
      expect(await snapshot()).toEqual(before);
      return;
    }
    // A user of its own, so the shared sessions stay open.
    const user = await createTestUser(who);
    setFakeRequest({ cookie: await sessionCookie(user) });
    expect(await outcome(() => signOutAction())).toBe("redirect:/sign-in");
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { action: "sign_out", actorUserId: user.id } })).toBe(1);
  });

  it.each(EVERYONE)("server action setLocaleAction (a preference cookie, no data) as %s", async (who) => {
    as(who);
    const before = await snapshot();
    expect(await outcome(() => setLocaleAction(form({ locale: "en" })))).toBe("ok");
    expect(await snapshot()).toEqual(before);
  });

  // Route handlers.
  const request = (path: string, init: { cookie?: string | null; bearer?: string; method?: string } = {}) =>
    new Request(`${TEST_ORIGIN}${path}`, {
      method: init.method ?? "GET",
      headers: {
        host: "raqib.test",
        "x-forwarded-proto": "http",
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
      },
    });

  it.each(EVERYONE)("GET /api/health is public (as %s)", async (who) => {
    expect((await healthGet()).status).toBe(200);
    expect(who).toBeTruthy();
  });

  it.each(EVERYONE)("GET /api/whoami as %s", async (who) => {
    const response = await whoamiGet(request("/api/whoami", { cookie: cookies[who] }));
    if (who === "nobody") {
      expect(response.status).toBe(401);
      return;
    }
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: "user", role: who, email: users[who].email });
  });

  it("GET /api/whoami with tokens: valid → 200 with its scopes, revoked → 401, made-up → 401", async () => {
    const live = await createTestToken(["ingest"]);
    const revoked = await createTestToken(["ingest"], { revoked: true });
    const ok = await whoamiGet(request("/api/whoami", { bearer: live.token }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ kind: "token", name: live.name, scopes: ["ingest"] });
    expect((await whoamiGet(request("/api/whoami", { bearer: revoked.token }))).status).toBe(401);
    expect((await whoamiGet(request("/api/whoami", { bearer: `rqb_${"x".repeat(43)}` }))).status).toBe(401);
  });

  it.each(EVERYONE)("GET /api/auth/get-session as %s", async (who) => {
    const response = await authGet(request("/api/auth/get-session", { cookie: cookies[who] }));
    expect(response.status).toBe(200);
    const body = await response.json();
    if (who === "nobody") expect(body).toBeNull();
    else expect(body.user).toMatchObject({ email: users[who].email, role: who });
  });

  it("better-auth endpoints Raqib does not use answer 404, even to admins", async () => {
    for (const path of ["/api/auth/sign-up/email", "/api/auth/list-sessions", "/api/auth/update-user"]) {
      const response = await authPost(
        new Request(`${TEST_ORIGIN}${path}`, {
          method: "POST",
          headers: { cookie: cookies.admin ?? "", origin: TEST_ORIGIN, "content-type": "application/json" },
          body: JSON.stringify({ email: "x@example.org", password: "password-123456", name: "x" }),
        }),
      );
      expect(response.status, path).toBe(404);
    }
    expect(await getDb().user.count({ where: { email: "x@example.org" } })).toBe(0);
  });

  describe("authenticateRequest, for the route handlers other issues add", () => {
    const needs = [
      { need: { scope: "ingest" as const }, users: [] as Who[], tokens: ["ingest"] },
      { need: { scope: "classify" as const }, users: [] as Who[], tokens: ["classify"] },
      {
        need: { permission: "export" as const, scope: "export" as const },
        users: ["admin"] as Who[],
        tokens: ["export"],
      },
      { need: { permission: "comments:view" as const }, users: SIGNED_IN, tokens: [] as string[] },
      {
        need: { permission: "comments:decide" as const },
        users: ["moderator", "admin"] as Who[],
        tokens: [] as string[],
      },
      { need: { permission: "users:manage" as const }, users: ["admin"] as Who[], tokens: [] as string[] },
    ];

    for (const { need, users: allowedUsers, tokens: allowedScopes } of needs) {
      const label = JSON.stringify(need);
      it(`${label}: users and tokens get exactly their access`, async () => {
        for (const who of EVERYONE) {
          const result = await authenticateRequest(request("/api/x", { cookie: cookies[who] }), need);
          const expected = allowedUsers.includes(who) ? "ok" : who === "nobody" ? 401 : 403;
          expect(result.ok ? "ok" : result.status, `${label} as ${who}`).toBe(expected);
        }
        for (const scope of ["ingest", "classify", "export"] as const) {
          const token = await createTestToken([scope]);
          const result = await authenticateRequest(request("/api/x", { bearer: token.token }), need);
          expect(result.ok ? "ok" : result.status, `${label} with a ${scope} token`).toBe(
            allowedScopes.includes(scope) ? "ok" : 403,
          );
          const revoked = await createTestToken([scope], { revoked: true });
          const refused = await authenticateRequest(request("/api/x", { bearer: revoked.token }), need);
          expect(refused.ok ? "ok" : refused.status, `${label} with a revoked ${scope} token`).toBe(401);
        }
      });
    }

    it("records when a token was last used, and accepts ?key= only where allowed", async () => {
      const token = await createTestToken(["classify"]);
      const row = () => getDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
      expect((await row()).lastUsedAt).toBeNull();
      const viaQuery = request(`/api/x?key=${token.token}`);
      expect((await authenticateRequest(viaQuery, { scope: "classify" })).ok).toBe(false);
      const allowed = await authenticateRequest(viaQuery, { scope: "classify", allowQueryKey: true });
      expect(allowed).toMatchObject({
        ok: true,
        actor: { kind: "token", tokenId: token.id, scopes: ["classify"] },
      });
      expect((await row()).lastUsedAt).toBeInstanceOf(Date);
    });

    it("refuses a malformed Authorization header with 401", async () => {
      const result = await authenticateRequest(
        new Request(`${TEST_ORIGIN}/api/x`, { headers: { authorization: "Basic dXNlcjpwYXNz" } }),
        { scope: "ingest" },
      );
      expect(result).toMatchObject({ ok: false, status: 401 });
    });
  });
});
