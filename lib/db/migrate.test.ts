import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { articleContentHash, commentBodyHash } from "../ingest/hash.ts";
import { migrationsDir, schemaPath } from "../paths.ts";
import { testBodyHash } from "../testing/test-body-hash.ts";
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

  it("keeps stored comments' hashes when body_hash becomes a uuid, so re-imports still match", async () => {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const uuidMigration = migrationNames.findIndex((name) => name.endsWith("_comment_body_hash_uuid"));
    expect(uuidMigration).toBeGreaterThan(0);
    const before = mkdtempSync(join(tmpdir(), "raqib-migrations-"));
    cleanups.push(async () => rmSync(before, { recursive: true, force: true }));
    for (const name of migrationNames.slice(0, uuidMigration))
      cpSync(join(migrationsDir, name), join(before, name), { recursive: true });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await applyMigrations(client, before);
      const article = articleContentHash({ title: "عنوان", body: "نص" });
      const comment = { title: null, author: "علي", body: "تعليق قديم" };
      // What commentBodyHash stored before: the whole sha256 in hex.
      const oldHash = createHash("sha256")
        .update(["comment", article, "علي", "\u0001", "تعليق قديم"].join("\u0000"))
        .digest("hex");
      await client.query(`INSERT INTO article (title, body, content_hash) VALUES ('عنوان', 'نص', $1)`, [
        article,
      ]);
      await client.query(
        `INSERT INTO comment (article_id, position, body, body_hash)
           VALUES (1, 1, 'تعليق قديم', $1), (1, 2, 'بيد', 'typed-by-hand')`,
        [oldHash],
      );
      await applyMigrations(client, migrationsDir);
      const rows = (
        await client.query(`SELECT position, body_hash::text AS hash FROM comment ORDER BY position`)
      ).rows;
      expect(rows[0]?.hash).toBe(commentBodyHash(article, comment));
      // A hash that was not hex is kept apart by its md5 instead of failing the migration.
      expect(rows[1]?.hash).toBe(testBodyHash("typed-by-hand"));
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
