import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureEmbeddedPostgres, stopEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { projectRoot } from "../paths.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDataDir: string;
  }
}

/** One throwaway embedded PostgreSQL for the whole test run; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  const dataDir = join(projectRoot, ".raqib", `vitest-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  await ensureEmbeddedPostgres(dataDir);
  project.provide("testDataDir", dataDir);
  return async () => {
    await stopEmbeddedPostgres(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
