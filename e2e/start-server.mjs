// Starts `raqib start` for the e2e run on an emptied data directory (RAQIB_DATA_DIR).
import { rmSync } from "node:fs";
import { register } from "node:module";

register(new URL("../bin/server-only-hook.mjs", import.meta.url));
const { register: registerTsx } = await import("tsx/esm/api");
registerTsx();

const dataDir = process.env.RAQIB_DATA_DIR;
if (!dataDir) throw new Error("e2e/start-server.mjs needs RAQIB_DATA_DIR");
const { stopEmbeddedPostgres } = await import("../lib/db/embedded-postgres.ts");
await stopEmbeddedPostgres(dataDir).catch(() => undefined);
rmSync(dataDir, { recursive: true, force: true });

const { main } = await import("../lib/cli/main.ts");
process.exit(await main(["start", ...process.argv.slice(2)]));
