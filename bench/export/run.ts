import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { stopEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { openDatabase } from "../../lib/db/open-database.ts";
import { projectRoot } from "../../lib/paths.ts";
import { runRaqib as runShared } from "../run-raqib.ts";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "1000000" },
    labelled: { type: "string", default: "0.2" },
    keep: { type: "boolean" },
  },
});
const count = Number(values.comments);
const labelledShare = Number(values.labelled);
const outDir = join(projectRoot, "bench", "out");
const dataDir = join(projectRoot, ".raqib", "bench-export");
const env = { RAQIB_DATA_DIR: dataDir, DATABASE_URL: "" };

function runRaqib(args: string[]) {
  return runShared(args, env);
}

const WORDS = [
  "الحكومة",
  "الاقتصاد",
  "مقال",
  "رائع",
  "سيء",
  "الشعب",
  "روسيا",
  "أمريكا",
  "نعم",
  "لا",
  "تعليق",
  "شكراً",
];

async function prepare(): Promise<void> {
  const database = await openDatabase({ ...process.env, ...env });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const have = Number((await client.query("SELECT count(*)::int AS n FROM comment")).rows[0]?.n ?? 0);
    if (have === count) {
      console.log(`data: reusing ${count.toLocaleString("en-US")} comments in ${dataDir}`);
    } else {
      const started = performance.now();
      await client.query("TRUNCATE comment, article, source, comment_label RESTART IDENTITY CASCADE");
      await client.query(
        `INSERT INTO "user" (id, name, email, role, created_at, updated_at)
         SELECT 'bench-' || k, 'Bench ' || k, 'bench-' || k || '@example.org', (CASE WHEN k = 0 THEN 'admin' ELSE 'moderator' END)::role, now(), now()
           FROM generate_series(0, 3) AS k ON CONFLICT DO NOTHING`,
      );
      await client.query(
        `INSERT INTO source (name) VALUES ('مصدر البنش');
         INSERT INTO article (source_id, title, body, url, content_hash)
           SELECT 1, 'مقال رقم ' || n, '', 'https://example.org/a/' || n, 'bench-' || n FROM generate_series(1, 2000) AS n;`,
      );
      await client.query(
        `INSERT INTO comment (article_id, position, author, body, body_hash, posted_at, language, status,
            insult, insult_score, sentiment, sentiment_score, stance, matches, search_text)
         SELECT 1 + n % 2000, n, 'كاتب ' || (n % 5000),
                array_to_string(ARRAY(SELECT ($1::text[])[1 + (n * 7 + k * 13) % 12] FROM generate_series(1, 8 + n % 40) AS k), ' ')
                  || CASE WHEN n % 10 = 0 THEN '، "اقتباس"' ELSE '' END,
                md5('bench-' || n)::uuid, timestamptz '2025-01-01' + (n || ' seconds')::interval, 'ar',
                (ARRAY['pending','approved','rejected','escalated'])[1 + n % 4]::moderation_status,
                n % 7 = 0, (n % 100) / 100.0, (ARRAY['positive','negative','neutral'])[1 + n % 3]::sentiment, 0.5,
                CASE WHEN n % 11 = 0 THEN '{"russia":"against"}'::jsonb END,
                CASE WHEN n % 7 = 0 THEN '[{"term":"سيء","category":"insult","start":0,"end":3}]'::jsonb ELSE '[]'::jsonb END,
                ''
           FROM generate_series(1, $2::int) AS n`,
        [WORDS, count],
      );
      await client.query(
        `INSERT INTO comment_classification (comment_id, lexicon_version, classified_at) SELECT id, 'bench-1', now() FROM comment`,
      );
      const every = Math.max(1, Math.round(1 / labelledShare));
      await client.query(
        `INSERT INTO comment_label (comment_id, user_id, insult, sentiment, stance, updated_at)
         SELECT c.id, 'bench-' || u, (c.id + u) % 3 = 0, (ARRAY['positive','negative','neutral'])[1 + (c.id + u) % 3]::sentiment,
                '{}'::jsonb, now()
           FROM comment c CROSS JOIN generate_series(1, 2) AS u WHERE c.id % $1::int = 0`,
        [every],
      );
      await client.query("ANALYZE");
      console.log(
        `data: ${count.toLocaleString("en-US")} comments, labels on 1 in ${every} (2 annotators each), generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await client.end();
    await database.close();
  }
}

mkdirSync(outDir, { recursive: true });
if (!values.keep || !existsSync(dataDir)) {
  await stopEmbeddedPostgres(dataDir).catch(() => undefined);
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}
await runRaqib(["db:diff", "--check"]);
await prepare();
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (2 cores, shared)`,
);

for (const format of ["csv", "jsonl"] as const) {
  const out = join(outDir, `export-${count}.${format}`);
  const result = await runRaqib([
    "export",
    "--as",
    "bench-0@example.org",
    "--format",
    format,
    "--out",
    out,
    "--queue",
    "all",
  ]);
  if (result.code !== 0) throw new Error(`raqib export --format ${format} exited with ${result.code}`);
  const match = /Exported (\d+) row\(s\).*\(([\d.]+) s, ([\d,]+) rows\/s\)/.exec(result.stdout);
  const rows = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  console.log(
    `export ${format}: ${rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s, ` +
      `${(statSync(out).size / 1e6).toFixed(0)} MB, peak RSS ${result.peakMb === null ? "unknown" : `${result.peakMb.toFixed(0)} MB`}`,
  );
  rmSync(out, { force: true });
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
if (!values.keep) {
  await stopEmbeddedPostgres(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
