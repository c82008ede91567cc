/**
 * Queue speed at a million comments: loads N synthetic comments (`raqib synth`, then `raqib
 * ingest`, which classifies and stores them) into .raqib/bench-queue, gives a realistic share of
 * them decisions and human labels, then times what the /moderation page asks the database for
 * (one page + the capped per-queue counts, in parallel as the page runs them) for the first
 * page, deep pages, every filter and the Arabic search. Prints p50/p95 per case and, for any
 * case whose p95 is over 100 ms, EXPLAIN (ANALYZE, BUFFERS) of its queries.
 *
 *   raqib bench queue [--comments 1000000] [--runs 30] [--keep]
 *
 * --keep leaves the data directory in place and reuses it when it already holds N comments.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { disconnectDb, setDatabaseUrl } from "../../lib/db/client.ts";
import { stopEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { openDatabase } from "../../lib/db/open-database.ts";
import { getPool } from "../../lib/db/pool.ts";
import { countQueues, queueCountsQuery } from "../../lib/moderation/count-queues.ts";
import { listQueue, queuePageQuery } from "../../lib/moderation/list-queue.ts";
import { parseQueueParams, type QueueParams } from "../../lib/moderation/queue-params.ts";
import { projectRoot } from "../../lib/paths.ts";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "1000000" },
    runs: { type: "string", default: "30" },
    keep: { type: "boolean" },
  },
});
const count = Number(values.comments);
const runs = Number(values.runs);
const outDir = join(projectRoot, "bench", "out");
const dataDir = join(projectRoot, ".raqib", "bench-queue");
const input = join(outDir, `synth-${count}.jsonl`);
const raqib = join(projectRoot, "bin", "raqib.mjs");
const env = { ...process.env, RAQIB_DATA_DIR: dataDir, DATABASE_URL: "" };

function run(args: string[]): Promise<{ code: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [raqib, ...args], { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000 }));
  });
}

mkdirSync(outDir, { recursive: true });
if (!existsSync(input)) {
  const synth = await run(["synth", "--comments", String(count), "--out", input]);
  if (synth.code !== 0) throw new Error("raqib synth failed");
  console.log(`synth: ${count.toLocaleString("en-US")} comments in ${synth.seconds.toFixed(1)} s`);
}

let database = await openDatabase(env);
setDatabaseUrl(database.url);
const pool = getPool();
const stored = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM comment")).rows[0]?.n ?? 0);
// Synthetic data repeats a few comments (ingest skips those), so "loaded" means nearly N.
if (stored < count * 0.99 || !values.keep) {
  await disconnectDb();
  await database.close();
  await stopEmbeddedPostgres(dataDir).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  await run(["db:diff", "--check"]);
  const ingest = await run(["ingest", input]);
  if (ingest.code !== 0) throw new Error(`raqib ingest exited with ${ingest.code}`);
  console.log(
    `load: raqib ingest of ${count.toLocaleString("en-US")} comments took ${ingest.seconds.toFixed(1)} s`,
  );
  database = await openDatabase(env);
  setDatabaseUrl(database.url);
}

// Moderation history as a busy site would have it: 5% approved, 1% rejected, 0.3% escalated,
// 2,000 comments labelled by each of two moderators (half of them the same comments).
const db = getPool();
const users = ["bench-moderator-1", "bench-moderator-2"];
if (Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM comment_label")).rows[0]?.n) === 0) {
  for (const id of users)
    await db.query(
      `INSERT INTO "user" (id, name, email, role, updated_at) VALUES ($1, $1, $1 || '@bench.local', 'moderator', now())
       ON CONFLICT (id) DO NOTHING`,
      [id],
    );
  await db.query(`UPDATE comment SET status = 'approved', version = 2 WHERE id % 20 = 3`);
  await db.query(`UPDATE comment SET status = 'rejected', version = 2 WHERE id % 100 = 7`);
  await db.query(`UPDATE comment SET status = 'escalated', version = 2 WHERE id % 300 = 11`);
  await db.query(
    `INSERT INTO comment_label (comment_id, user_id, insult, sentiment, classifier_insult, classifier_sentiment, lexicon_version)
     SELECT c.id, u.id, c.insult, c.sentiment, c.insult, c.sentiment, v.lexicon_version
       FROM (SELECT id, insult, sentiment FROM comment ORDER BY id DESC LIMIT 3000) c
       LEFT JOIN comment_classification v ON v.comment_id = c.id
       CROSS JOIN (VALUES ('bench-moderator-1'), ('bench-moderator-2')) AS u(id)
      WHERE (u.id = 'bench-moderator-1' AND c.id % 3 <> 0) OR (u.id = 'bench-moderator-2' AND c.id % 3 <> 1)`,
  );
  await db.query("VACUUM ANALYZE comment");
  await db.query("ANALYZE comment_label");
}
const viewer = users[0] as string;

const facts = (
  await db.query<{
    n: string;
    min_id: number;
    max_id: number;
    source: number;
    article: number;
    mid_date: string;
  }>(
    `SELECT (SELECT count(*) FROM comment) AS n, (SELECT min(id) FROM comment) AS min_id, (SELECT max(id) FROM comment) AS max_id,
            (SELECT source_id FROM article WHERE source_id IS NOT NULL ORDER BY id LIMIT 1) AS source,
            (SELECT article_id FROM comment GROUP BY article_id ORDER BY count(*) DESC LIMIT 1) AS article,
            (SELECT to_char(posted_at, 'YYYY-MM-DD') FROM comment WHERE posted_at IS NOT NULL ORDER BY id LIMIT 1 OFFSET 500000) AS mid_date`,
  )
).rows[0];
if (!facts) throw new Error("no data");
const midId = Math.floor((facts.min_id + facts.max_id) / 2);
const midDate = facts.mid_date;
const dayAfter = new Date(Date.parse(midDate) + 86_400_000).toISOString().slice(0, 10);
const deepScore =
  (await db.query<{ s: string }>(`SELECT insult_score::text AS s FROM comment WHERE id = $1`, [midId]))
    .rows[0]?.s ?? "0";

const cases: [string, Record<string, string>][] = [
  ["first page, flagged", { queue: "flagged" }],
  ["first page, all", { queue: "all" }],
  ["first page, pending by score", { queue: "pending", sort: "insultScore" }],
  ["deep page, all by id (middle)", { queue: "all", after: `${midId}~${midId}` }],
  ["deep page, all by score", { queue: "all", sort: "insultScore", after: `${deepScore}~${midId}` }],
  ["deep page, all by date", { queue: "all", sort: "postedAt", after: `${midDate}T00:00:00.000Z~${midId}` }],
  ["previous page, all by id", { queue: "all", before: `${midId}~${midId}` }],
  ["queue escalated", { queue: "escalated" }],
  ["queue approved", { queue: "approved" }],
  ["queue rejected", { queue: "rejected" }],
  ["status=rejected (all)", { queue: "all", status: "rejected" }],
  ["insult=yes", { queue: "all", insult: "yes" }],
  ["insult=no", { queue: "all", insult: "no" }],
  ["score 0.3–0.6", { queue: "all", scoreMin: "0.3", scoreMax: "0.6" }],
  ["sentiment=positive", { queue: "all", sentiment: "positive" }],
  ["stance russia favour", { queue: "all", stanceTarget: "russia", stanceSide: "favor" }],
  ["stance usa (any side)", { queue: "all", stanceTarget: "usa" }],
  ["source", { queue: "all", source: String(facts.source) }],
  ["article (largest)", { queue: "all", article: String(facts.article) }],
  ["language=fr", { queue: "all", language: "fr" }],
  ["language=en", { queue: "all", language: "en" }],
  ["date range, one day", { queue: "all", from: midDate, to: dayAfter }],
  ["date range, by date", { queue: "all", from: midDate, to: dayAfter, sort: "postedAt" }],
  ["has human label", { queue: "all", labelled: "yes" }],
  ["no human label", { queue: "all", labelled: "no" }],
  ["labelled by me", { queue: "all", labelledBy: "me" }],
  ["labelled by others", { queue: "all", labelledBy: "others" }],
  // Terms the synthetic comments contain (raqib synth), so each search has rows to find.
  ["search: common word (سوريا, 18% of comments)", { queue: "all", q: "سوريا" }],
  ["search: with diacritics (المُفَاوَضَات)", { queue: "all", q: "المُفَاوَضَات" }],
  ["search: variant spelling (امريكا for أمريكا)", { queue: "all", q: "امريكا" }],
  ["search: phrase (زهقنا من هالأخبار)", { queue: "all", q: "زهقنا من هالأخبار" }],
  ["search: no match", { queue: "all", q: "كلمةغيرموجودة" }],
  ["search + flagged", { queue: "flagged", q: "سوريا" }],
  [
    "combined: flagged, negative, ar, date",
    { queue: "flagged", sentiment: "negative", language: "ar", from: "2024-01-01" },
  ],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

console.log(
  `\nqueue bench: ${Number(facts.n).toLocaleString("en-US")} comments, ${runs} runs per case (after 2 warm-up runs)`,
);
console.log("times in ms: the queue query (one page) and the per-queue counts (capped at 1,000), each alone");
console.log(
  `${"case".padEnd(42)} ${"page p50".padStart(9)} ${"page p95".padStart(9)} ${"count p50".padStart(10)} ${"count p95".padStart(10)} ${"rows".padStart(5)}  flagged/all`,
);
const slow: [string, QueueParams][] = [];
const cpuStart = process.cpuUsage();
for (const [name, query] of cases) {
  const parsed = parseQueueParams(query);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  const params = parsed.params;
  const pageTimes: number[] = [];
  const countTimes: number[] = [];
  let rows = 0;
  let counts = "";
  for (let i = 0; i < runs + 2; i++) {
    let started = performance.now();
    const page = await listQueue(params, viewer);
    const pageMs = performance.now() - started;
    started = performance.now();
    const c = await countQueues(params, viewer);
    const countMs = performance.now() - started;
    if (i >= 2) {
      pageTimes.push(pageMs);
      countTimes.push(countMs);
    }
    rows = page.data.length;
    counts = `${c.flagged.count}${c.flagged.capped ? "+" : ""}/${c.all.count}${c.all.capped ? "+" : ""}`;
  }
  pageTimes.sort((a, b) => a - b);
  countTimes.sort((a, b) => a - b);
  const p95 = percentile(pageTimes, 95);
  const countP95 = percentile(countTimes, 95);
  console.log(
    `${name.padEnd(42)} ${percentile(pageTimes, 50).toFixed(1).padStart(9)} ${p95.toFixed(1).padStart(9)} ${percentile(countTimes, 50).toFixed(1).padStart(10)} ${countP95.toFixed(1).padStart(10)} ${String(rows).padStart(5)}  ${counts}`,
  );
  if (p95 > 100 || countP95 > 100) slow.push([name, params]);
}
const cpu = process.cpuUsage(cpuStart);
console.log(
  `bench process CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (the database's CPU is not included)`,
);

const load = (await import("node:os")).loadavg();
console.log(
  `machine load average while measuring: ${load.map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min)`,
);
for (const [name, params] of slow) {
  console.log(`\nEXPLAIN for "${name}" (a p95 over 100 ms):`);
  for (const q of [queuePageQuery(params, viewer), queueCountsQuery(params, viewer)]) {
    const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.values);
    console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
  }
}
if (slow.length === 0) console.log("\nevery case: p95 ≤ 100 ms");

await disconnectDb();
await database.close();
if (!values.keep) {
  await stopEmbeddedPostgres(dataDir).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
