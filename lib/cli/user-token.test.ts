import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoAccounts } from "../auth/create-demo-accounts.ts";
import { parseDemoAccounts } from "../auth/demo-accounts-file.ts";
import { ensureAuthSecret } from "../auth/ensure-auth-secret.ts";
import { getDb } from "../db/client.ts";
import { signInRequest } from "../testing/auth-fixtures.ts";
import { runCli } from "../testing/run-cli.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";

describe("raqib user / raqib token", () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url };
  });
  afterAll(async () => database.drop());

  it("user add prints a one-time password that signs in; user list shows the user", async () => {
    const added = await runCli(
      ["user", "add", "--email", "Ops@Example.org", "--role", "admin", "--name", "Ops"],
      {
        env,
      },
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("Added ops@example.org (admin).");
    const password = /Password \(shown once\): (\S+)/.exec(added.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await signInRequest("ops@example.org", password ?? "", { ip: "198.51.100.1" })).status).toBe(200);
    const listed = await runCli(["user", "list"], { env });
    expect(listed.stdout).toMatch(/ops@example\.org\s+admin\s+active\s+Ops/);
    const audit = await getDb().auditEvent.findFirst({ where: { action: "user_created" } });
    expect(audit?.actorLabel).toMatch(/^cli:/);
  });

  it("refuses bad input with one-line errors and changes nothing", async () => {
    const before = await getDb().user.count();
    const cases: [string[], RegExp][] = [
      [
        ["user", "add", "--email", "x@example.org", "--role", "owner"],
        /--role: 'owner' is not one of admin, moderator, analyst/,
      ],
      [["user", "add", "--role", "admin"], /--email is required/],
      [
        ["user", "add", "--email", "not-an-email", "--role", "analyst"],
        /email: is not a valid email address/,
      ],
      [
        ["user", "add", "--email", "ops@example.org", "--role", "analyst"],
        /ops@example\.org already has an account/,
      ],
      [["user", "frobnicate"], /unknown sub-command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { env });
      expect(run.code, args.join(" ")).not.toBe(0);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
    const short = await runCli(
      ["user", "add", "--email", "s@example.org", "--role", "analyst", "--password-stdin"],
      {
        env,
        stdin: "short\n",
      },
    );
    expect(short.stderr).toMatch(/password: must be at least 10 characters/);
    expect(await getDb().user.count()).toBe(before);
  });

  it("set-role and deactivate keep one active admin", async () => {
    const last = await runCli(["user", "set-role", "--email", "ops@example.org", "--role", "analyst"], {
      env,
    });
    expect(last.code).not.toBe(0);
    expect(last.stderr).toMatch(/last active admin/);
    await runCli(["user", "add", "--email", "mod@example.org", "--role", "moderator"], { env });
    expect(
      (await runCli(["user", "set-role", "--email", "mod@example.org", "--role", "admin"], { env })).code,
    ).toBe(0);
    expect((await runCli(["user", "deactivate", "--email", "mod@example.org"], { env })).code).toBe(0);
    const row = await getDb().user.findUniqueOrThrow({ where: { email: "mod@example.org" } });
    expect(row).toMatchObject({ role: "admin", active: false });
    expect((await runCli(["user", "list"], { env })).stdout).toMatch(
      /mod@example\.org\s+admin\s+deactivated/,
    );
  });

  it("token create / list / revoke", async () => {
    const created = await runCli(["token", "create", "--scope", "ingest,classify", "--name", "cms"], { env });
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    const row = await getDb().apiToken.findFirstOrThrow({ where: { name: "cms" } });
    expect(row.scopes).toEqual(["ingest", "classify"]);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(token.startsWith(row.prefix)).toBe(true);
    expect((await runCli(["token", "list"], { env })).stdout).toMatch(
      /cms\s+\[ingest,classify\]\s+last used never\s+active/,
    );
    expect((await runCli(["token", "revoke", row.id], { env })).code).toBe(0);
    expect((await runCli(["token", "list"], { env })).stdout).toMatch(/cms .* revoked/);
    const bad = await runCli(["token", "create", "--scope", "admin", "--name", "x"], { env });
    expect(bad.stderr).toMatch(/--scope: 'admin' is not one of ingest, classify, export/);
    const noName = await runCli(["token", "create", "--scope", "export"], { env });
    expect(noName.stderr).toMatch(/--name is required/);
    const noSource = await runCli(
      ["token", "create", "--scope", "ingest", "--name", "y", "--source", "999"],
      { env },
    );
    expect(noSource.stderr).toMatch(/source: no source with id 999/);
    expect(
      await getDb().auditEvent.count({ where: { action: { in: ["token_created", "token_revoked"] } } }),
    ).toBe(2);
  });
});

describe("demo accounts and the auth secret", () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), "raqib-demo-"));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates one account per role once, prints the passwords, and writes them to a 0600 file", async () => {
    let printed = "";
    const stdout = {
      write: (text: string) => {
        printed += text;
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    const accounts = await createDemoAccounts({ stdout }, dir);
    expect(accounts?.map((a) => a.email)).toEqual([
      "admin@raqib.local",
      "moderator@raqib.local",
      "analyst@raqib.local",
    ]);
    const file = join(dir, "demo-accounts.txt");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const parsed = parseDemoAccounts(readFileSync(file, "utf8"));
    expect(parsed).toEqual(accounts);
    const passwords = new Set(parsed.map((a) => a.password));
    expect(passwords.size).toBe(3);
    for (const account of parsed) {
      expect(printed).toContain(account.password);
      expect((await signInRequest(account.email, account.password, { ip: "198.51.100.2" })).status).toBe(200);
    }
    expect(await createDemoAccounts({ stdout }, dir)).toBeNull();
    expect(await getDb().user.count()).toBe(3);
  });

  it("generates the auth secret once into a 0600 file, and prefers BETTER_AUTH_SECRET", async () => {
    const first = await ensureAuthSecret({}, dir);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(statSync(join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(await ensureAuthSecret({}, dir)).toBe(first);
    const fromEnv = "x".repeat(40);
    expect(await ensureAuthSecret({ BETTER_AUTH_SECRET: fromEnv }, dir)).toBe(fromEnv);
    await expect(ensureAuthSecret({ BETTER_AUTH_SECRET: "short" }, dir)).rejects.toThrow(/at least 32/);
  });
});
