import { readFileSync } from "node:fs";
import pg from "pg";
import { openDatabase } from "../../lib/db/open-database.ts";

const db = await openDatabase({
  RAQIB_DATA_DIR: process.env.DATA_DIR ?? "/work/wt-analytics/.raqib/bench-analytics",
});
console.log(JSON.stringify(db.migrations));
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const sql =
  process.argv[2] === "-f" ? readFileSync(process.argv[3] as string, "utf8") : (process.argv[2] as string);
const t = performance.now();
const r = await client.query(sql);
const results = Array.isArray(r) ? r : [r];
for (const x of results) if (x.rows?.length) console.table(x.rows.slice(0, 60));
console.log(`${(performance.now() - t).toFixed(0)} ms`);
await client.end();
await db.close();
process.exit(0);
