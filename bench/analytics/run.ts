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
import { classifierVsHumanSql } from "../../lib/analytics/get-classifier-vs-human.ts";
import { insultRatesSql } from "../../lib/analytics/get-insult-rates.ts";
import { lexiconTermsSql } from "../../lib/analytics/get-lexicon-terms.ts";
import { moderationThroughputSql } from "../../lib/analytics/get-moderation-throughput.ts";
import { moderatorAgreementSql } from "../../lib/analytics/get-moderator-agreement.ts";
import { sentimentOverTimeSql } from "../../lib/analytics/get-sentiment-over-time.ts";
import { stanceByTargetSql } from "../../lib/analytics/get-stance-by-target.ts";
import { resolveRange } from "../../lib/analytics/resolve-range.ts";
import { disconnectDb, getDb, setDatabaseUrl } from "../../lib/db/client.ts";
import { stopEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { Prisma } from "../../lib/db/generated/client.ts";
import { openDatabase } from "../../lib/db/open-database.ts";
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
// Moderation history as a busy site would have it (as bench/queue): 5% approved, 1% rejected,
// 0.3% escalated, each with a decision by one of three moderators some hours after the comment,
// and 3,000 recent comments labelled by two or three of them. The status updates go through the
// rollup triggers like any moderation write.
if ((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM comment_decision`)[0]?.n === 0n) {
  const moderators = ["bench-moderator-1", "bench-moderator-2", "bench-moderator-3"];
  for (const id of moderators)
    await db.$executeRaw`INSERT INTO "user" (id, name, email, role, updated_at)
      VALUES (${id}, ${id}, ${`${id}@bench.local`}, 'moderator', now()) ON CONFLICT (id) DO NOTHING`;
  const started = performance.now();
  const updated =
    (await db.$executeRawUnsafe(`UPDATE comment SET status = 'approved', version = 2 WHERE id % 20 = 3`)) +
    (await db.$executeRawUnsafe(`UPDATE comment SET status = 'rejected', version = 2 WHERE id % 100 = 7`)) +
    (await db.$executeRawUnsafe(`UPDATE comment SET status = 'escalated', version = 2 WHERE id % 300 = 11`));
  console.log(
    `seeded ${updated.toLocaleString("en-US")} status changes in ${((performance.now() - started) / 1000).toFixed(1)} s (rollups kept by the triggers)`,
  );
  await db.$executeRawUnsafe(`INSERT INTO comment_decision (comment_id, user_id, from_status, to_status, created_at)
    SELECT id, 'bench-moderator-' || (1 + id % 3), 'pending', status,
      coalesce(posted_at, ingested_at) + (id % 72) * interval '1 hour'
    FROM comment WHERE status <> 'pending'`);
  await db.$executeRawUnsafe(`INSERT INTO comment_label (comment_id, user_id, insult, sentiment, stance,
      classifier_insult, classifier_sentiment, classifier_stance, lexicon_version)
    SELECT c.id, u.id, CASE WHEN c.id % 7 = 0 THEN NOT c.insult ELSE c.insult END,
      CASE WHEN c.id % 5 = 0 THEN 'neutral'::sentiment ELSE c.sentiment END, c.stance,
      c.insult, c.sentiment, c.stance, (SELECT v.lexicon_version FROM comment_classification v WHERE v.comment_id = c.id)
    FROM (SELECT * FROM comment WHERE insult IS NOT NULL ORDER BY id DESC LIMIT 3000) c
    CROSS JOIN (VALUES ('bench-moderator-1'), ('bench-moderator-2'), ('bench-moderator-3')) AS u(id)
    WHERE u.id <> 'bench-moderator-' || (1 + c.id % 3) OR c.id % 4 = 0`);
  await db.$executeRawUnsafe("VACUUM ANALYZE comment");
}
await db.$executeRawUnsafe("ANALYZE");

// A lexicon publish re-classifies in set-based batches: time one 20,000-comment batch with and
// without the rollup trigger, each in a transaction rolled back so the data stays as it was.
const reclassify = `UPDATE comment SET insult = NOT insult, sentiment = CASE sentiment WHEN 'positive' THEN 'negative'::sentiment ELSE 'positive'::sentiment END,
    matches = matches || '[{"term": "bench", "category": "insult", "start": 0, "end": 1}]'::jsonb
  WHERE id IN (SELECT id FROM comment WHERE insult IS NOT NULL ORDER BY id LIMIT 20000 OFFSET 200000)`;
for (const triggers of [true, false]) {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await db
      .$transaction(
        async (tx) => {
          if (!triggers)
            await tx.$executeRawUnsafe("ALTER TABLE comment DISABLE TRIGGER comment_rollups_update");
          const started = performance.now();
          await tx.$executeRawUnsafe(reclassify);
          times.push(performance.now() - started);
          throw new Error("rollback");
        },
        { timeout: 120_000 },
      )
      .catch((error: Error) => {
        if (error.message !== "rollback") throw error;
      });
  }
  times.sort((a, b) => a - b);
  const median = times[1] ?? Number.NaN;
  console.log(
    `re-classification batch of 20,000 comments ${triggers ? "with" : "without"} the rollup trigger: median ${median.toFixed(0)} ms (${Math.round(20_000 / (median / 1000)).toLocaleString("en-US")} comments/s)`,
  );
}
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
    ["5 throughput, queue age", moderationThroughputSql(filters, current, unit, timeZone)],
    ["6 classifier vs human", classifierVsHumanSql(filters, current, unit, timeZone)],
    ["7 moderator agreement", moderatorAgreementSql(filters, current)],
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
    `${range.padEnd(4)} sum of p95 ${sumP95.toFixed(0)} ms; all charts in parallel (as the page): p50 ${percentile(pageTimes, 50).toFixed(0)} ms, max ${percentile(pageTimes, 100).toFixed(0)} ms`,
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
