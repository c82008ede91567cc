import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsDir, schemaPath } from "../paths.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { applyMigrations } from "./migrate.ts";
import { diffMigrationsToSchema, EMPTY_MIGRATION } from "./schema-diff.ts";

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("migration runner", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("applies every migration to an empty database once, recording them as prisma migrate deploy does", async () => {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const first = await applyMigrations(client, migrationsDir);
      expect(first.applied).toEqual(migrationNames);
      expect(first.alreadyApplied).toBe(0);

      const second = await applyMigrations(client, migrationsDir);
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toBe(migrationNames.length);

      const rows = (
        await client.query(
          `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
             FROM _prisma_migrations ORDER BY migration_name`,
        )
      ).rows;
      expect(rows).toHaveLength(migrationNames.length);
      rows.forEach((row, i) => {
        const name = migrationNames[i] as string;
        const sql = readFileSync(join(migrationsDir, name, "migration.sql"));
        expect(row.migration_name).toBe(name);
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
        expect(row.logs).toBeNull();
      });
      const tables = (
        await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
      ).rows.map((r) => r.tablename);
      expect(tables).toEqual(
        expect.arrayContaining(["article", "comment", "ingest_run", "source", "_prisma_migrations"]),
      );
    } finally {
      await client.end();
    }
  });

  it("refuses to go on past a migration that failed earlier", async () => {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await applyMigrations(client, migrationsDir);
      await client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ('x', 'y', '99999999999999_broken', now())`,
      );
      await expect(applyMigrations(client, migrationsDir)).rejects.toThrow(
        /99999999999999_broken failed earlier/,
      );
    } finally {
      await client.end();
    }
  });

  it("has no drift: the migrations folder builds exactly prisma/schema.prisma", async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const sql = await diffMigrationsToSchema({ url: database.url, migrationsDir, schemaPath });
    expect(sql).toBe(EMPTY_MIGRATION);
  });
});
