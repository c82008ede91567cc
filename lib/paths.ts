import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder, found from this file's place in it (lib/paths.ts). */
export const projectRoot = fileURLToPath(new URL("..", import.meta.url));
export const migrationsDir = resolve(projectRoot, "prisma", "migrations");
export const schemaPath = resolve(projectRoot, "prisma", "schema.prisma");
export const seedsDir = resolve(projectRoot, "seeds");

/** Where the embedded PostgreSQL and generated secrets live: RAQIB_DATA_DIR, else `.raqib/`. */
export function dataDir(env: Env = process.env): string {
  return resolve(env.RAQIB_DATA_DIR || resolve(projectRoot, ".raqib"));
}

/** Environment variables as Raqib reads them (process.env, or a test's own). */
export type Env = Record<string, string | undefined>;
