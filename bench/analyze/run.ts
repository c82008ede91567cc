/**
 * Perspective-compatible analyze throughput: starts Raqib (`raqib start --no-seed`, which runs
 * `raqib serve`: Next.js plus the Perspective fast path) on a fresh data directory and a free loopback port, creates a classify token, runs
 * autocannon against POST /v1alpha1/comments:analyze, prints req/s, latency percentiles, errors
 * and the machine's load, then stops the server.
 *
 *   raqib bench analyze [--seconds 20] [--connections 20] [--store] [--keep]
 *
 * --store sends doNotStore: false (each request files a comment); the default is doNotStore:
 * true, which Coral Talk and perspective-api-client send unless told otherwise. The quota is
 * lifted for the run (RAQIB_PERSPECTIVE_RPS=0): the bench measures the server, not the limiter.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { stopEmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { projectRoot } from "../../lib/paths.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "20" },
    store: { type: "boolean" },
    keep: { type: "boolean" },
  },
});
const seconds = Math.min(120, Math.max(1, Number(values.seconds)));
const connections = Math.min(200, Math.max(1, Number(values.connections)));
const dataDir = join(projectRoot, ".raqib", "bench-analyze");
const raqib = join(projectRoot, "bin", "raqib.mjs");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`raqib start exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("raqib start did not answer /api/health within 5 minutes");
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const output = execFileSync("ps", ["-o", "cputimes=", "--ppid", String(pid), "-p", String(pid)], {
      encoding: "utf8",
    });
    return output
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((n) => Number.isFinite(n))
      .reduce((a, b) => a + b, 0);
  } catch {
    return null;
  }
}

const env = {
  ...process.env,
  RAQIB_DATA_DIR: dataDir,
  DATABASE_URL: "",
  NEXT_TELEMETRY_DISABLED: "1",
  RAQIB_PERSPECTIVE_RPS: "0",
};
await stopEmbeddedPostgres(dataDir).catch(() => undefined);
rmSync(dataDir, { recursive: true, force: true });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
console.log(`starting raqib on ${base} (data in ${dataDir}) …`);
const server = spawn(process.execPath, [raqib, "start", "--no-seed", "--port", String(port)], {
  cwd: projectRoot,
  env: { ...env, HOST: "127.0.0.1" },
  stdio: ["ignore", "pipe", "pipe"],
});
let serverLog = "";
server.stdout?.on("data", (c: Buffer) => {
  serverLog += c.toString();
});
server.stderr?.on("data", (c: Buffer) => {
  serverLog += c.toString();
});

async function stopServer(): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  if (server.exitCode === null) server.kill("SIGKILL");
}

try {
  await waitForHealth(base, server);
  const token = execFileSync(
    process.execPath,
    [raqib, "token", "create", "--scope", "classify", "--name", "bench"],
    {
      cwd: projectRoot,
      env,
      encoding: "utf8",
    },
  ).trim();
  const texts = [
    "يا حمار، مقالك كله كذب",
    "شكرا على هذا التقرير المفيد والدقيق",
    "بوتين مجرم حرب والروس قتلة",
    "😀😀 الله يعطيكم العافية على التغطية",
  ];
  let counter = 0;
  const requestBody = (i: number) =>
    JSON.stringify({
      comment: { text: values.store ? `${texts[i % texts.length]} #${i}` : texts[i % texts.length] },
      requestedAttributes: { TOXICITY: {}, INSULT: {}, THREAT: {} },
      languages: ["en"],
      doNotStore: !values.store,
    });
  const url = `${base}/v1alpha1/comments:analyze?key=${token}`;
  // Warm-up: route compilation, JIT, connection pool.
  for (let i = 0; i < 50; i++) {
    const response = await fetch(url, {
      method: "POST",
      body: requestBody(i),
      headers: { "content-type": "application/json" },
    });
    if (response.status !== 200)
      throw new Error(`warm-up request answered ${response.status}: ${await response.text()}`);
  }
  const load1Before = loadavg()[0] ?? 0;
  const cpuBefore = cpuSeconds(server.pid);
  console.log(
    `autocannon: ${connections} connections, ${seconds} s, doNotStore ${!values.store}; load average before ${load1Before.toFixed(2)} on ${cpus().length} cores`,
  );
  const result = await autocannon({
    url,
    method: "POST",
    connections,
    duration: seconds,
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: requestBody(counter++) }),
      },
    ],
  });
  const cpuAfter = cpuSeconds(server.pid);
  const load1After = loadavg()[0] ?? 0;
  const ok = result["2xx"];
  const serverCpu = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / seconds : null;
  console.log("");
  console.log(
    `requests/s     mean ${result.requests.average.toFixed(0)}  (p50 ${result.requests.p50}, min ${result.requests.min})`,
  );
  console.log(
    `latency ms     p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`,
  );
  console.log(
    `responses      2xx ${ok}  non-2xx ${result.non2xx}  errors ${result.errors}  timeouts ${result.timeouts}`,
  );
  console.log(
    `machine        ${cpus().length} cores; 1-min load average ${load1Before.toFixed(2)} before, ${load1After.toFixed(2)} after; server used ${serverCpu === null ? "?" : serverCpu.toFixed(2)} cores`,
  );
  if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
} catch (error) {
  console.error(serverLog.split("\n").slice(-30).join("\n"));
  throw error;
} finally {
  await stopServer();
  await stopEmbeddedPostgres(dataDir).catch(() => undefined);
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}
