import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import type { Role } from "../../lib/auth/permissions.ts";
import { demoAccount, expect, test } from "../fixtures.ts";

type Who = "nobody" | Role;

/** Who may open each page; everyone else gets a redirect to /sign-in (nobody) or a 403 page. */
const PAGES: { path: string; allowed: Who[] }[] = [
  { path: "/moderation", allowed: ["analyst", "moderator", "admin"] },
  { path: "/articles", allowed: ["analyst", "moderator", "admin"] },
  { path: "/articles/1", allowed: ["analyst", "moderator", "admin"] },
  { path: "/account", allowed: ["analyst", "moderator", "admin"] },
  { path: "/admin/users", allowed: ["admin"] },
  { path: "/admin/tokens", allowed: ["admin"] },
  { path: "/admin/audit", allowed: ["admin"] },
  { path: "/admin/export", allowed: ["admin"] },
  { path: "/admin/lexicon", allowed: ["analyst", "moderator", "admin"] },
  { path: "/admin/escalation-reasons", allowed: ["admin"] },
  { path: "/sign-in", allowed: ["nobody"] },
  { path: "/api/health", allowed: ["nobody", "analyst", "moderator", "admin"] },
  { path: "/api/whoami", allowed: ["analyst", "moderator", "admin"] },
];

async function client(
  who: Who,
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  if (who !== "nobody") {
    const response = await api.post("/api/auth/sign-in/email", {
      data: { email: demoAccount(who).email, password: demoAccount(who).password },
      headers: { origin: baseURL },
    });
    expect(response.status()).toBe(200);
  }
  return api;
}

for (const who of ["nobody", "analyst", "moderator", "admin"] as const) {
  test(`every page over HTTP as ${who}`, async ({ playwright, baseURL }) => {
    const api = await client(who, playwright, baseURL ?? "");
    for (const { path, allowed } of PAGES) {
      const response = await api.get(path);
      if (allowed.includes(who)) {
        expect(response.status(), `${who} ${path}`).toBe(200);
      } else if (path.startsWith("/api/")) {
        expect(response.status(), `${who} ${path}`).toBe(401);
      } else if (who === "nobody") {
        expect(response.status(), `${who} ${path}`).toBe(307);
        expect(response.headers().location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      } else if (path === "/sign-in") {
        expect(response.status(), `${who} ${path}`).toBe(307);
        expect(response.headers().location).toBe("/articles");
      } else {
        expect(response.status(), `${who} ${path}`).toBe(403);
        // Next streams the 403 page (app/forbidden.tsx) in its payload; the browser test below renders it.
        expect(await response.text()).toContain("ليست لديك صلاحية لهذه الصفحة.");
      }
    }
    await api.dispose();
  });
}
