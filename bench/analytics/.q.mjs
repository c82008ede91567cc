import { register } from "node:module";
import { pathToFileURL } from "node:url";

register(pathToFileURL("/work/wt-analytics/bin/server-only-hook.mjs"));
const { register: registerTsx } = await import("tsx/esm/api");
registerTsx();
await import("/work/wt-analytics/bench/analytics/.q.ts");
