/**
 * Analytics query times: loads N synthetic comments (`raqib synth` + `raqib ingest`) into
 * .raqib/bench-analytics once (reused while it holds them), then runs each chart's query
 * `--runs` times for all time and for the last 30 days, and the whole dashboard's queries in
 * parallel as the page does. Prints p50/p95 per chart and EXPLAIN ANALYZE for any p95 over 300 ms.
 * "Now" is the newest comment date, so the 30 days hold data whatever day the bench runs.
 *
 *   raqib bench analytics [--comments 1000000] [--runs 10] [--time-zone Asia/Riyadh] [--fresh]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseAnalyticsFilters } from "../../lib/analytics/filters.ts";
import { insultRatesSql } from "../../lib/analytics/get-insult-rates.ts";
import { lexiconTermsSql } from "../../lib/analytics/get-lexicon-terms.ts";
import { sentimentOverTimeSql } from "../../lib/analytics/get-sentiment-over-time.ts";
import { stanceByTargetSql } from "../../lib/analytics/get-stance-by-target.ts";
import { resolveRange } from "../../lib/analytics/resolve-range.ts";
import { disconnectDb, getDb, setDatabaseUrl } from "../../lib/db/client.ts";
import { stopEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { openDatabase } from "../../lib/db/open-database.ts";
import { Prisma } from "../../lib/db/generated/client.ts";
import { projectRoot } from "../../lib/paths.ts";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "1000000" },
    runs: { type: "string", default: "10" },
    "time-zone": { type: "string", default: "Asia/Riyadh" },
    fresh: { type: "boolean" },
  },
});
const count = Number(values.comments);
const runs = Math.max(1, Number(values.runs));
const timeZone = values["time-zone"] ?? "Asia/Riyadh";
const dataDir = join(projectRoot, ".raqib", "bench-analytics");
const outDir = join(projectRoot, "bench", "out");
const input = join(outDir, `synth-${count}.jsonl`);
const raqib = join(projectRoot, "bin", "raqib.mjs");
const LIMIT_MS = 300;

function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [raqib, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`raqib ${args[0]} exited with ${code}`)),
    );
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

if (values.fresh) {
  await stopEmbeddedPostgres(dataDir).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}
// Migrates too: a data directory loaded by an earlier build gets the rollups (and their backfill).
const database = await openDatabase({ ...process.env, RAQIB_DATA_DIR: dataDir, DATABASE_URL: "" });
setDatabaseUrl(database.url);
const db = getDb();
const stored = async () =>
  Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM comment`)[0]?.n ?? 0);
let have = await stored().catch(() => 0);
if (have < count * 0.99) {
  mkdirSync(outDir, { recursive: true });
  if (!existsSync(input)) await run(["synth", "--comments", String(count), "--out", input], {});
  console.log(`loading ${count.toLocaleString("en-US")} comments into ${dataDir} …`);
  await run(["ingest", input], { RAQIB_DATA_DIR: dataDir, DATABASE_URL: "" });
  have = await stored();
}
await db.$executeRawUnsafe("ANALYZE");
const newest = (
  await db.$queryRaw<{ at: Date }[]>`
  SELECT max(coalesce(posted_at, ingested_at)) AS at FROM comment`
)[0]?.at;
const now = newest ?? new Date();

console.log(
  `analytics bench: ${have.toLocaleString("en-US")} comments, ${runs} runs per query, zone ${timeZone}, now = ${now.toISOString()}`,
);
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);

const charts = (range: "all" | "30d") => {
  const filters = parseAnalyticsFilters({ range });
  const { current, unit } = resolveRange(filters, now, timeZone);
  return [
    ["1 sentiment over time", sentimentOverTimeSql(filters, current, unit, timeZone)],
    ["2 stance per target", stanceByTargetSql(filters, current, unit, timeZone)],
    ["3 insult rate", insultRatesSql(filters, current)],
    ["4 lexicon terms", lexiconTermsSql(filters, current)],
  ] as const;
};

const slow: { name: string; range: string; sql: Prisma.Sql }[] = [];
for (const range of ["all", "30d"] as const) {
  let sumP95 = 0;
  for (const [name, sql] of charts(range)) {
    await db.$queryRaw(sql); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await db.$queryRaw(sql);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    sumP95 += p95;
    console.log(
      `${range.padEnd(4)} ${name.padEnd(24)} p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms${p95 > LIMIT_MS ? "  > 300 ms" : ""}`,
    );
    if (p95 > LIMIT_MS) slow.push({ name, range, sql });
  }
  // The page runs every chart's query at once; the slowest decides when the last chart streams in.
  const pageTimes: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const started = performance.now();
    await Promise.all(charts(range).map(([, sql]) => db.$queryRaw(sql)));
    pageTimes.push(performance.now() - started);
  }
  pageTimes.sort((a, b) => a - b);
  console.log(
    `${range.padEnd(4)} sum of p95 ${sumP95.toFixed(0)} ms; all four in parallel (as the page): p50 ${percentile(pageTimes, 50).toFixed(0)} ms, max ${percentile(pageTimes, 100).toFixed(0)} ms`,
  );
}
for (const { name, range, sql } of slow) {
  const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
  console.log(`\nEXPLAIN ${name} (${range}):\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}`);
}
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
await disconnectDb();
await database.close();
process.exit(0);
