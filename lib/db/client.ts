import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { applicationName } from "./application-name.ts";
import { DatabaseSetupError } from "./errors.ts";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;

// One client per process, kept on globalThis so that Next's hot reload does not open new pools.
const cache = globalThis as typeof globalThis & {
  raqibDb?: { url: string; client: PrismaClient };
  /** The bulk pool of lib/db/pool.ts, closed together with the client. */
  raqibPool?: { url: string; pool: { end(): Promise<void> } };
};

let urlOverride: string | null = null;

/** The CLI opens the database itself (embedded or external) and points the client at it. */
export function setDatabaseUrl(url: string): void {
  urlOverride = url;
}

/**
 * The Prisma client. Created on first use, not at import: `next build` imports route
 * handlers without a database.
 */
export function currentDatabaseUrl(): string {
  const url = urlOverride ?? process.env.DATABASE_URL;
  if (!url) {
    throw new DatabaseSetupError("DATABASE_URL is not set: start Raqib with `npm start` or `raqib start`");
  }
  return url;
}

export function getDb(): PrismaClient {
  const url = currentDatabaseUrl();
  if (cache.raqibDb?.url !== url) {
    const adapter = new PrismaPg({
      connectionString: url,
      application_name: applicationName("app"),
      max: 10,
    });
    cache.raqibDb = { url, client: new PrismaClient({ adapter }) };
  }
  return cache.raqibDb.client;
}

export async function disconnectDb(): Promise<void> {
  const current = cache.raqibDb;
  cache.raqibDb = undefined;
  await current?.client.$disconnect();
  const pool = cache.raqibPool;
  cache.raqibPool = undefined;
  await pool?.pool.end();
}
