/**
 * Shows that `raqib classify` streams in constant memory: pipes N generated JSONL comments
 * (default 1,000,000) through the real command in a child process and samples its resident set
 * size (Linux /proc) as the lines go by. Not a test: it prints figures.
 *
 *   npx tsx bench/classify/memory.ts [--count 1000000]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateComments } from "./corpus.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "1000000" } } });
const count = Number(values.count);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const child = spawn(process.execPath, [join(root, "bin/raqib.mjs"), "classify"], {
  stdio: ["pipe", "pipe", "inherit"],
});

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const samples: { lines: number; rss: number }[] = [];
const every = Math.max(1, Math.floor(count / 10));
let received = 0;
const reader = (async () => {
  const lines = createInterface({ input: child.stdout });
  for await (const _line of lines) {
    received++;
    if (received % every === 0 && child.pid) samples.push({ lines: received, rss: rssMegabytes(child.pid) });
  }
})();

const started = Date.now();
let id = 0;
for (const text of generateComments(count, 7)) {
  // Respect backpressure: the child reads as fast as it classifies.
  if (!child.stdin.write(`${JSON.stringify({ id: id++, text })}\n`)) await once(child.stdin, "drain");
}
child.stdin.end();
await reader;
const [code] = await once(child, "exit");
const seconds = (Date.now() - started) / 1000;
console.log(
  `${received.toLocaleString("en")} of ${count.toLocaleString("en")} comments through 'raqib classify' in ${seconds.toFixed(1)} s (exit ${code})`,
);
for (const s of samples)
  console.log(`  after ${s.lines.toLocaleString("en").padStart(9)} lines: RSS ${s.rss.toFixed(1)} MB`);
const rss = samples.map((s) => s.rss);
if (rss.length > 1) {
  const later = rss.slice(1);
  console.log(
    `RSS from the 2nd sample on: min ${Math.min(...later).toFixed(1)} MB, max ${Math.max(...later).toFixed(1)} MB (flat = bounded by buffers, not by input size)`,
  );
}
