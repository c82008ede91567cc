import "server-only";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { currentDatabaseUrl } from "../db/client.ts";

/**
 * Starts `raqib reclassify --job ID` as its own process, detached: the re-classification uses
 * its own CPU and connections and never blocks the dashboard's event loop, and it survives a
 * page reload. Progress goes to the lexicon_publication row.
 */
export function startPublicationJob(publicationId: number): void {
  // The dashboard runs with the project as its working directory (raqib start); lib/paths.ts
  // cannot be bundled by Next, so the CLI is found from there.
  const projectRoot = process.cwd();
  const child = spawn(
    process.execPath,
    [join(projectRoot, "bin", "raqib.mjs"), "reclassify", "--job", String(publicationId), "--json"],
    {
      cwd: projectRoot,
      detached: true,
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: currentDatabaseUrl() },
    },
  );
  child.on("error", (error) =>
    console.error(`lexicon job ${publicationId}: could not start:`, error.message),
  );
  child.unref();
}
