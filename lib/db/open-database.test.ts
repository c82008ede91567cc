import { execFile } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../demo/seed-demo-data.ts";
import { projectRoot } from "../paths.ts";
import { runCli } from "../testing/run-cli.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { disconnectDb, getDb, setDatabaseUrl } from "./client.ts";
import { clusterDir, ensureEmbeddedPostgres, stopEmbeddedPostgres } from "./embedded-postgres.ts";
import { openDatabase } from "./open-database.ts";

const run = promisify(execFile);

describe("openDatabase with DATABASE_URL", () => {
  it("migrates and uses the external server, and starts no embedded one", async () => {
    const target = await createTestDatabase({ migrate: false });
    try {
      const database = await openDatabase({ DATABASE_URL: target.url });
      expect(database.embedded).toBeNull();
      expect(database.migrations.applied.length).toBeGreaterThan(0);
      setDatabaseUrl(database.url);
      const loaded = await seedDemoData(
        { stdout: { write: () => true } as unknown as NodeJS.WritableStream },
        database,
      );
      expect(loaded).toBe(true);
      expect(await getDb().comment.count()).toBe(9);
      // A second start finds data and loads nothing again.
      expect(
        await seedDemoData({ stdout: { write: () => true } as unknown as NodeJS.WritableStream }, database),
      ).toBe(false);
      expect(await getDb().article.count()).toBe(5);
      const again = await openDatabase({ DATABASE_URL: target.url });
      expect(again.migrations.applied).toEqual([]);
      await disconnectDb();
    } finally {
      await target.drop();
    }
  });

  it("rejects a URL that is not PostgreSQL's with one line", async () => {
    await expect(openDatabase({ DATABASE_URL: "mysql://root@localhost/db" })).rejects.toThrow(
      "DATABASE_URL must start with postgresql:// (got mysql://); Raqib only runs on PostgreSQL",
    );
    await expect(openDatabase({ DATABASE_URL: "not a url" })).rejects.toThrow(
      /DATABASE_URL is not a valid URL/,
    );
  });

  it("names the server and the reason when it cannot connect, without the password", async () => {
    const error = await openDatabase({ DATABASE_URL: "postgresql://raqib:s3cret@127.0.0.1:1/raqib" }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      "cannot connect to the database at raqib@127.0.0.1:1/raqib: connection refused (is PostgreSQL running there?)",
    );
    expect((error as Error).message).not.toContain("s3cret");
  });
});

describe("raqib start failures", () => {
  it("prints one line for a bad DATABASE_URL and exits non-zero", async () => {
    const result = await runCli(["start", "--port", "3999", "--no-seed"], {
      env: { DATABASE_URL: "postgresql://x:y@127.0.0.1:1/none" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "raqib: cannot connect to the database at x@127.0.0.1:1/none: connection refused (is PostgreSQL running there?)\n",
    );
  });

  it("prints one line when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(["start", "--port", String(port)], {
        env: { DATABASE_URL: "postgresql://x@127.0.0.1:1/none" },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `raqib: port ${port} is already in use; stop what uses it or set PORT to a free port\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it("rejects a PORT that is not a port", async () => {
    const result = await runCli(["start"], { env: { PORT: "eighty" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("raqib: PORT must be a whole number from 1 to 65535 (got 'eighty')\n");
  });
});

describe("embedded PostgreSQL shared between processes", () => {
  const dataDir = join(projectRoot, ".raqib", `share-${process.pid}`);
  afterAll(async () => {
    await stopEmbeddedPostgres(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a CLI command joins a running server and leaves it running while others use it", async () => {
    mkdirSync(dataDir, { recursive: true });
    const server = await ensureEmbeddedPostgres(dataDir);
    expect(server.startedHere).toBe(true);
    const holder = new pg.Client({ connectionString: server.url, application_name: "another app" });
    await holder.connect();
    const env = { ...process.env, RAQIB_DATA_DIR: dataDir, DATABASE_URL: "" };
    await run(process.execPath, ["bin/raqib.mjs", "db:diff", "--check"], { cwd: projectRoot, env });
    // Still up: the holder's connection works.
    expect((await holder.query("select 1 as one")).rows[0].one).toBe(1);
    await holder.end();
    // Nobody else connected now: releasing stops it, and the next command starts its own and stops it again.
    expect(await server.release()).toBe("stopped");
    const { stdout } = await run(process.execPath, ["bin/raqib.mjs", "db:diff", "--check"], {
      cwd: projectRoot,
      env,
    });
    expect(stdout).toContain("Schema and migrations agree");
    await expect(
      import("node:fs/promises").then((fs) => fs.access(join(clusterDir(dataDir), "postmaster.pid"))),
    ).rejects.toThrow();
  });

  it("a process that holds the server but runs no query (raqib start during next build) keeps it up", async () => {
    const server = await ensureEmbeddedPostgres(dataDir);
    // No connection of ours but the lease: another command comes and goes.
    const env = { ...process.env, RAQIB_DATA_DIR: dataDir, DATABASE_URL: "" };
    await run(process.execPath, ["bin/raqib.mjs", "db:diff", "--check"], { cwd: projectRoot, env });
    const probe = new pg.Client({ connectionString: server.url });
    await probe.connect();
    expect((await probe.query("select 1 as one")).rows[0].one).toBe(1);
    await probe.end();
    expect(await server.release()).toBe("stopped");
  });
});
