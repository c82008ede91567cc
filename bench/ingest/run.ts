/**
 * Ingest throughput: synthesises N comments (`raqib synth`), then times `raqib ingest` of that
 * JSONL file into a fresh embedded PostgreSQL, end to end (read, validate, classify, store), and
 * samples the ingest process's peak RSS. Prints comments/s and peak RSS in MB.
 *
 *   raqib bench ingest [--comments 1000000] [--keep]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stopEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { projectRoot } from "../../lib/paths.ts";

const { values } = parseArgs({
  options: { comments: { type: "string", default: "1000000" }, keep: { type: "boolean" } },
});
const count = Number(values.comments);
const outDir = join(projectRoot, "bench", "out");
const dataDir = join(projectRoot, ".raqib", "bench-ingest");
const input = join(outDir, `synth-${count}.jsonl`);
const raqib = join(projectRoot, "bin", "raqib.mjs");

function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

function runRaqib(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; peakMb: number | null; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [raqib, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    let peakMb: number | null = null;
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    const timer = setInterval(() => {
      if (child.pid) peakMb = peakRssMb(child.pid) ?? peakMb;
    }, 100);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, stdout, peakMb, seconds: (performance.now() - started) / 1000 });
    });
  });
}

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
if (!values.keep) {
  await stopEmbeddedPostgres(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
