import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { applicationName } from "./application-name.ts";
import { DatabaseSetupError } from "./errors.ts";

/**
 * Computes migration SQL offline with Prisma's WebAssembly schema engine, driven through the
 * pg driver adapter (Prisma's native schema engine cannot be downloaded here). Used by
 * `raqib db:diff` to write new migrations and by the drift test.
 */

export const EMPTY_MIGRATION = "-- This is an empty migration.";

type DiffTarget =
  | { tag: "empty" }
  | { tag: "schemaDatamodel"; files: { path: string; content: string }[] }
  | {
      tag: "migrations";
      baseDir: string;
      lockfile: { path: string; content: string | null };
      shadowDbInitScript: string;
      migrationDirectories: {
        path: string;
        migrationFile: {
          path: string;
          content: { tag: "ok"; value: string } | { tag: "error"; value: string };
        };
      }[];
    };

interface WasmSchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

interface WasmModule {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: {
    new: (
      options: { datamodels?: [string, string][] },
      log: (line: string) => void,
      adapter: object,
    ) => Promise<WasmSchemaEngine>;
  };
}

let wasmModule: Promise<WasmModule> | null = null;
/** The engine reports a Rust panic here just before it traps. */
let lastPanic: string | null = null;

async function loadWasm(): Promise<WasmModule> {
  const require = createRequire(import.meta.url);
  // The .wasm file is not in the package's exports: find it next to the JS glue.
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import(gluePath)) as WasmModule;
  const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  globals.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  const bytes = readFileSync(join(dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as never });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/** A pg config object: with a connectionString, pg would ignore a `database` override. */
export function poolConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: u.searchParams.get("host") ?? u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
    application_name: applicationName("schema-diff"),
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/** Works around three gaps of adapter-pg when it serves the schema engine instead of queries. */
function patchForSchemaEngine(adapter: Adapter): Adapter {
  const pool = adapter.underlyingDriver();
  // adapter-pg splits scripts on ";", which breaks function bodies: send each script whole.
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  // The engine's introspection reads catalog columns of PostgreSQL's internal "char" type
  // (OID 18), which adapter-pg does not map; they are one-character strings.
  const io = adapter as unknown as { performIO(query: unknown): Promise<pg.QueryArrayResult> };
  const performIO = io.performIO.bind(adapter);
  let charColumns: number[] = [];
  io.performIO = async (query: unknown) => {
    const result = await performIO(query);
    charColumns = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25;
        charColumns.push(index);
      }
    });
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

/** adapter-pg drops its shadow database before closing its pool, which fails; manage it here. */
class SchemaEngineAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";

  constructor(private readonly config: pg.PoolConfig) {}

  async connect(): Promise<Adapter> {
    return patchForSchemaEngine(await new PrismaPg(this.config).connect());
  }

  async connectToShadowDb(): Promise<Adapter> {
    const database = `raqib_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(this.config);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    const adapter = patchForSchemaEngine(await new PrismaPg({ ...this.config, database }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client(this.config);
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    };
    return adapter;
  }
}

function migrationsTarget(migrationsDir: string): DiffTarget {
  const lockPath = join(migrationsDir, "migration_lock.toml");
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return {
    tag: "migrations",
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(join(migrationsDir, dir, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * SQL that takes a database migrated with `migrationsDir` to `schemaPath`'s schema.
 * `url` is a database the engine may connect to; shadow databases are created beside it.
 * Returns EMPTY_MIGRATION when the two agree.
 */
export async function diffMigrationsToSchema(options: {
  url: string;
  migrationsDir: string;
  schemaPath: string;
}): Promise<string> {
  wasmModule ??= loadWasm();
  const wasm = await wasmModule;
  const schema = readFileSync(options.schemaPath, "utf8");
  const factory = bindMigrationAwareSqlAdapterFactory(
    new SchemaEngineAdapterFactory(poolConfigFromUrl(options.url)) as unknown as PrismaPg,
  );
  const engine = await wasm.SchemaEngine.new(
    { datamodels: [[options.schemaPath, schema]] },
    () => undefined,
    factory,
  );
  try {
    const hasMigrations =
      existsSync(options.migrationsDir) && readdirSync(options.migrationsDir).some((n) => /^\d/.test(n));
    const result = await engine.diff({
      from: hasMigrations ? migrationsTarget(options.migrationsDir) : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: options.schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").trim();
  } catch (error) {
    if (lastPanic) throw new DatabaseSetupError(`Prisma schema engine failed: ${lastPanic.split("\n")[0]}`);
    throw error;
  } finally {
    engine.free();
  }
}
