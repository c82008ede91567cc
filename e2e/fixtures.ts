import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test as base, type Cookie, expect } from "@playwright/test";
import { type DemoAccount, parseDemoAccounts } from "../lib/auth/demo-accounts-file.ts";
import type { Role } from "../lib/auth/permissions.ts";

/** The e2e server's data directory (playwright.config.ts), where the first start wrote the demo accounts. */
export const E2E_DATA_DIR = join(import.meta.dirname, "..", ".raqib", "e2e");

export function demoAccount(role: Role): DemoAccount {
  const accounts = parseDemoAccounts(readFileSync(join(E2E_DATA_DIR, "demo-accounts.txt"), "utf8"));
  const account = accounts.find((a) => a.role === role);
  if (!account) throw new Error(`no ${role} in demo-accounts.txt`);
  return account;
}

/** Adds a user through `raqib user add` against the running e2e server's database. */
export function addUser(role: Role): { email: string; password: string } {
  const email = `e2e-${role}-${randomBytes(4).toString("hex")}@example.org`;
  const password = randomBytes(12).toString("base64url");
  execFileSync(
    process.execPath,
    ["bin/raqib.mjs", "user", "add", "--email", email, "--role", role, "--password-stdin"],
    {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, RAQIB_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", BETTER_AUTH_SECRET: "" },
      input: password,
      stdio: ["pipe", "ignore", "inherit"],
    },
  );
  return { email, password };
}

interface AuthFixtures {
  /** Signs this test's browser context in as a demo account (through the API, not the form). */
  signInAs: (role: Role) => Promise<void>;
}

export const test = base.extend<AuthFixtures, { demoCookies: Map<Role, Cookie[]> }>({
  // One sign-in per demo role per worker: the cookies are reused by every test.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  demoCookies: [async ({}, use) => use(new Map()), { scope: "worker" }],
  signInAs: async ({ context, baseURL, demoCookies, playwright }, use) => {
    await use(async (role) => {
      let cookies = demoCookies.get(role);
      if (!cookies) {
        const api = await playwright.request.newContext({ baseURL });
        const { email, password } = demoAccount(role);
        const response = await api.post("/api/auth/sign-in/email", {
          data: { email, password },
          headers: { origin: baseURL ?? "" },
        });
        expect(response.status(), `sign-in as the demo ${role}`).toBe(200);
        cookies = (await api.storageState()).cookies;
        await api.dispose();
        demoCookies.set(role, cookies);
      }
      await context.addCookies(cookies);
    });
  },
});

export { expect };
