import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { disconnectDb, setDatabaseUrl } from "../db/client.ts";
import { embeddedUrl } from "../db/embedded-postgres.ts";
import { applyMigrations } from "../db/migrate.ts";
import { migrationsDir } from "../paths.ts";

export interface TestDatabase {
  url: string;
  name: string;
  /** Runs SQL as a plain pg client (for assertions independent of Prisma). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export function testServerUrl(database = "postgres"): string {
  return embeddedUrl(inject("testDataDir"), database);
}

/** A fresh database, migrated (unless `migrate: false`), with the app's Prisma client pointed at it. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = testServerUrl(name);
  if (options.migrate !== false) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await applyMigrations(client, migrationsDir);
    await client.end();
  }
  setDatabaseUrl(url);
  return {
    url,
    name,
    async query(sql, params) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      await disconnectDb();
      const client = new pg.Client({ connectionString: testServerUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
