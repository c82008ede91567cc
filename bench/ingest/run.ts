import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stopEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { projectRoot } from "../../lib/paths.ts";
import { runRaqib } from "../run-raqib.ts";

const { values } = parseArgs({
  options: { comments: { type: "string", default: "1000000" }, keep: { type: "boolean" } },
});
const count = Number(values.comments);
const outDir = join(projectRoot, "bench", "out");
const dataDir = join(projectRoot, ".raqib", "bench-ingest");
const input = join(outDir, `synth-${count}.jsonl`);

mkdirSync(outDir, { recursive: true });
if (!existsSync(input)) {
  const synth = await runRaqib(["synth", "--comments", String(count), "--out", input], {});
  if (synth.code !== 0) throw new Error("raqib synth failed");
  console.log(
    `synth: ${count.toLocaleString("en-US")} comments in ${synth.seconds.toFixed(1)} s (${(statSync(input).size / 1e6).toFixed(0)} MB)`,
  );
}

await stopEmbeddedPostgres(dataDir).catch(() => undefined);
rmSync(dataDir, { recursive: true, force: true });
// Start the database and apply migrations before timing, as a running Raqib would have.
await runRaqib(["db:diff", "--check"], { RAQIB_DATA_DIR: dataDir, DATABASE_URL: "" });

const result = await runRaqib(["ingest", input, "--json"], { RAQIB_DATA_DIR: dataDir, DATABASE_URL: "" });
if (result.code !== 0) throw new Error(`raqib ingest exited with ${result.code}`);
const summary = JSON.parse(result.stdout) as {
  commentsAdded: number;
  articlesAdded: number;
  duplicates: number;
  seconds: number;
};
console.log(
  `ingest: ${summary.commentsAdded.toLocaleString("en-US")} comments, ${summary.articlesAdded} articles, ${summary.duplicates} duplicates`,
);
console.log(
  `ingest: ${Math.round(summary.commentsAdded / summary.seconds).toLocaleString("en-US")} comments/s (${summary.seconds.toFixed(1)} s inside raqib ingest; ${result.seconds.toFixed(1)} s with process start)`,
);
console.log(`ingest: peak RSS ${result.peakMb === null ? "unknown" : `${result.peakMb.toFixed(0)} MB`}`);
// The rate depends on the cores Node and PostgreSQL share: say what this machine has.
console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"})`);
if (!values.keep) {
  await stopEmbeddedPostgres(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
