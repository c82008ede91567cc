import pg from "pg";
import type { Env } from "../paths.ts";
import { dataDir, migrationsDir } from "../paths.ts";
import { applicationName } from "./application-name.ts";
import { type EmbeddedPostgres, ensureEmbeddedPostgres } from "./embedded-postgres.ts";
import { DatabaseSetupError } from "./errors.ts";
import { applyMigrations, type MigrationReport } from "./migrate.ts";

export interface OpenDatabase {
  url: string;
  /** Null when DATABASE_URL names an external server. */
  embedded: EmbeddedPostgres | null;
  migrations: MigrationReport;
  /** Lets go of the database: the embedded server stops if no one else uses it. */
  close(): Promise<void>;
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.searchParams.get("host") ?? `${u.hostname}${u.port ? `:${u.port}` : ""}`;
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ""}${host}${u.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

export function validateDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseSetupError(
      "DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)",
    );
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new DatabaseSetupError(
      `DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//); Raqib only runs on PostgreSQL`,
    );
  }
}

function connectionReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { code?: string };
  if (e.code === "ECONNREFUSED") return "connection refused (is PostgreSQL running there?)";
  if (e.code === "ENOTFOUND") return "host not found";
  if (e.code === "ETIMEDOUT") return "connection timed out";
  if (e.code === "28P01" || e.code === "28000") return "authentication failed";
  if (e.code === "3D000") return "database does not exist";
  return e.message ?? String(error);
}

/** Connects, migrates, and returns the database to use: DATABASE_URL's, or the embedded one. */
export async function openDatabase(env: Env = process.env): Promise<OpenDatabase> {
  const external = env.DATABASE_URL?.trim();
  let embedded: EmbeddedPostgres | null = null;
  let url: string;
  if (external) {
    validateDatabaseUrl(external);
    url = external;
  } else {
    embedded = await ensureEmbeddedPostgres(dataDir(env));
    url = embedded.url;
  }
  const client = new pg.Client({
    connectionString: url,
    application_name: applicationName("migrate"),
    connectionTimeoutMillis: 10_000,
  });
  let migrations: MigrationReport;
  try {
    try {
      await client.connect();
    } catch (error) {
      throw new DatabaseSetupError(
        `cannot connect to the database at ${describeUrl(url)}: ${connectionReason(error)}`,
      );
    }
    migrations = await applyMigrations(client, migrationsDir);
  } catch (error) {
    await client.end().catch(() => undefined);
    await embedded?.release().catch(() => undefined);
    throw error;
  }
  await client.end();
  return {
    url,
    embedded,
    migrations,
    async close() {
      await embedded?.release();
    },
  };
}
