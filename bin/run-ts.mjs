#!/usr/bin/env node
// Runs a TypeScript script of this project (a benchmark, say) the way the raqib CLI runs:
// through tsx, with "server-only" resolving to an empty module. Usage: node bin/run-ts.mjs FILE.ts [args]
import { register } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

register(new URL("./server-only-hook.mjs", import.meta.url));
const { register: registerTsx } = await import("tsx/esm/api");
registerTsx();
const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bin/run-ts.mjs FILE.ts [args]");
  process.exit(2);
}
process.argv = [process.argv[0], resolve(file), ...args];
await import(pathToFileURL(resolve(file)).href);
