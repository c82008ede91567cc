#!/usr/bin/env node
// The `raqib` command. Runs the TypeScript CLI through tsx so that no build step is needed.
import { register } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
register(pathToFileURL(join(here, "server-only-hook.mjs")));
const { register: registerTsx } = await import("tsx/esm/api");
registerTsx();
const { main } = await import(pathToFileURL(join(here, "..", "lib", "cli", "main.ts")).href);
// Exit explicitly: pools, timers and the schema engine may otherwise keep the process alive.
process.exit(await main(process.argv.slice(2)));
