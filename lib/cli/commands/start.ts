import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { createDemoAccounts } from "../../auth/create-demo-accounts.ts";
import { ensureAuthSecret } from "../../auth/ensure-auth-secret.ts";
import { applicationName } from "../../db/application-name.ts";
import { seedDemoData } from "../../demo/seed-demo-data.ts";
import { dataDir, type Env, projectRoot } from "../../paths.ts";
import { parseCommandArgs } from "../args.ts";
import type { CliContext, Command } from "../command.ts";
import { buildIfNeeded, nextBin } from "../next-build.ts";
import { assertPortFree, parsePort } from "../port.ts";
import { withDatabase } from "../with-database.ts";

const DEFAULT_PORT = 3000;
const raqibBin = join(projectRoot, "bin", "raqib.mjs");

/** Next's types make NODE_ENV required on ProcessEnv; child processes get what we pass. */
function childEnv(env: Env): NodeJS.ProcessEnv {
  return env as unknown as NodeJS.ProcessEnv;
}

/** Runs Next until it exits or we are told to stop; resolves to the exit code. */
function runNext(child: ChildProcess, ctx: CliContext, url: string): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      ctx.stderr.write(`\nStopping Raqib (${signal})…\n`);
      child.kill("SIGTERM");
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      ctx.stdout.write(text);
      if (/Ready in|✓ Ready|started server/i.test(text)) ctx.stdout.write(`\nRaqib is running at ${url}\n\n`);
    });
    child.stderr?.on("data", (chunk: Buffer) => ctx.stderr.write(chunk));
    child.on("close", (code, signal) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(stopping || signal === "SIGTERM" ? 0 : (code ?? 1));
    });
  });
}

function serverCommand(mode: "start" | "dev"): Command {
  return {
    name: mode,
    summary:
      mode === "start"
        ? "start Raqib (database, demo data, dashboard)"
        : "start Raqib in development mode (next dev)",
    usage: `Usage: raqib ${mode} [--port N] [--no-seed]

Starts PostgreSQL (the embedded one unless DATABASE_URL is set), applies migrations, loads the
demo data into an empty database, ${mode === "start" ? "builds the dashboard when its sources changed, " : ""}and serves it.
On a first start it also creates one demo account per role and prints their passwords once.
Environment: PORT (default ${DEFAULT_PORT}), HOST (default 127.0.0.1), DATABASE_URL, RAQIB_DATA_DIR,
BETTER_AUTH_SECRET (default: generated into <data dir>/auth-secret), BETTER_AUTH_URL.`,
    async run(args, ctx) {
      const { values } = parseCommandArgs(mode, args, {
        port: { type: "string" },
        "no-seed": { type: "boolean" },
      });
      const port = parsePort(values.port ?? ctx.env.PORT, DEFAULT_PORT);
      const host = ctx.env.HOST || "127.0.0.1";
      await assertPortFree(port, host);
      return withDatabase(ctx.env, async (database) => {
        const where = database.embedded
          ? `embedded PostgreSQL in ${database.embedded.dataDir}`
          : "DATABASE_URL";
        ctx.stdout.write(
          `Database: ${where}${database.migrations.applied.length ? ` (applied ${database.migrations.applied.length} migration(s))` : ""}\n`,
        );
        const authSecret = await ensureAuthSecret(ctx.env, dataDir(ctx.env));
        if (!values["no-seed"]) {
          await seedDemoData(ctx, database);
          await createDemoAccounts(ctx, dataDir(ctx.env));
        }
        if (mode === "start") await buildIfNeeded((line) => ctx.stdout.write(`${line}\n`));
        // Production runs Raqib's server (raqib serve: Next's request handler plus the
        // Perspective fast path); development runs next dev.
        const serverArgs =
          mode === "start"
            ? [raqibBin, "serve", "--port", String(port), "--hostname", host]
            : [nextBin(), mode, "--port", String(port), "--hostname", host];
        const child = spawn(process.execPath, serverArgs, {
          cwd: projectRoot,
          env: childEnv({
            ...ctx.env,
            DATABASE_URL: database.url,
            BETTER_AUTH_SECRET: authSecret,
            NEXT_TELEMETRY_DISABLED: "1",
            PORT: String(port),
          }),
          stdio: ["ignore", "pipe", "pipe"],
        });
        const shown = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
        // The embedded server stops when the last raqib process lets go of it, judged by open
        // sessions. Next's pool closes idle connections, so without a session of our own a CLI
        // command run beside a quiet dashboard (`raqib token create`) would stop it on exit.
        const hold = database.embedded
          ? new pg.Client({ connectionString: database.url, application_name: applicationName("hold") })
          : null;
        await hold?.connect();
        hold?.on("error", () => undefined);
        try {
          return await runNext(child, ctx, `http://${shown}:${port}`);
        } finally {
          await hold?.end().catch(() => undefined);
        }
      });
    },
  };
}

export const startCommand = serverCommand("start");
export const devCommand = serverCommand("dev");
