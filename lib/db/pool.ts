import "server-only";
import pg from "pg";
import { applicationName } from "./application-name.ts";
import { currentDatabaseUrl } from "./client.ts";

const cache = globalThis as typeof globalThis & { raqibPool?: { url: string; pool: pg.Pool } };

/**
 * A plain pg pool on the same database as the Prisma client, for the few bulk paths (ingest,
 * re-classification, export streams) where passing large arrays or streams through Prisma's
 * query engine costs more than the database work itself.
 */
export function getPool(): pg.Pool {
  const url = currentDatabaseUrl();
  if (cache.raqibPool?.url !== url) {
    const pool = new pg.Pool({ connectionString: url, application_name: applicationName("bulk"), max: 4 });
    pool.on("error", (error) => console.error("database pool error:", error.message));
    cache.raqibPool = { url, pool };
  }
  return cache.raqibPool.pool;
}

/** Runs `work` on one pooled connection (for COPY and session-local temp tables). */
export async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}
