import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDemoAccounts } from "../auth/demo-accounts-file.ts";
import { clusterDir, stopEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { projectRoot } from "../paths.ts";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startRaqib(dataDir: string, port: number): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["bin/raqib.mjs", "start", "--port", String(port)], {
    cwd: projectRoot,
    // No BETTER_AUTH_SECRET: a first start generates its own into the data directory.
    env: { ...process.env, RAQIB_DATA_DIR: dataDir, DATABASE_URL: "", BETTER_AUTH_SECRET: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString("utf8");
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString("utf8");
  });
  return { child, output: () => output };
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`raqib start exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("raqib start did not become healthy");
}

async function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.kill("SIGINT");
  return exited;
}

/** Signs in over HTTP as a browser would and returns the Cookie header to send. */
async function signIn(port: number, email: string, password: string): Promise<string> {
  const origin = `http://127.0.0.1:${port}`;
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

function postgresRunning(pidFileDir: string): boolean {
  return existsSync(join(pidFileDir, "postmaster.pid"));
}

describe("raqib start", () => {
  const dataDir = join(projectRoot, ".raqib", `start-${process.pid}`);
  afterAll(async () => {
    await stopEmbeddedPostgres(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves the seed data to a demo account, stops PostgreSQL on Ctrl-C, and starts again on the same data without reseeding", async () => {
    const port = await freePort();
    const first = startRaqib(dataDir, port);
    await waitForHealth(port, first.child);
    expect(first.output()).toContain("Loaded the demo data: 5 articles and 9 comments from seeds/");
    expect(first.output()).toContain(`Raqib is running at http://localhost:${port}`);
    const accountsFile = join(dataDir, "demo-accounts.txt");
    expect(statSync(accountsFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    const accounts = parseDemoAccounts(readFileSync(accountsFile, "utf8"));
    expect(accounts.map((a) => a.role)).toEqual(["admin", "moderator", "analyst"]);
    for (const account of accounts) expect(first.output()).toContain(account.password);
    const signedOut = await fetch(`http://127.0.0.1:${port}/articles`, { redirect: "manual" });
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get("location")).toMatch(/\/sign-in\?next=%2Farticles$/);
    const analyst = accounts.find((a) => a.role === "analyst");
    const cookie = await signIn(port, analyst?.email ?? "", analyst?.password ?? "");
    const page = await (await fetch(`http://127.0.0.1:${port}/articles`, { headers: { cookie } })).text();
    expect(page.match(/data-testid="article-row"/g)).toHaveLength(5);
    expect(postgresRunning(clusterDir(dataDir))).toBe(true);

    expect(await interrupt(first.child)).toBe(0);
    expect(postgresRunning(clusterDir(dataDir))).toBe(false);

    const second = startRaqib(dataDir, port);
    await waitForHealth(port, second.child);
    expect(second.output()).not.toContain("Loaded the demo data");
    expect(second.output()).not.toContain("Demo accounts");
    // The same secret signs cookies after a restart, so the session survives it.
    const again = await (await fetch(`http://127.0.0.1:${port}/articles`, { headers: { cookie } })).text();
    expect(again.match(/data-testid="article-row"/g)).toHaveLength(5);
    expect(await interrupt(second.child)).toBe(0);
    expect(postgresRunning(clusterDir(dataDir))).toBe(false);
  }, 400_000);
});
