import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../lib/paths.ts";

const raqib = join(projectRoot, "bin", "raqib.mjs");

/** A process's peak resident memory so far (VmHWM), in MB, or null once it has gone. */
export function peakRssMb(pid: number): number | null {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** Runs `raqib <args>` as a child process, sampling its peak RSS every 100 ms (benchmarks only). */
export function runRaqib(
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
