import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { projectRoot } from "../paths.ts";
import { CliError } from "./command.ts";

const BUILD_INPUTS = [
  "app",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function listFiles(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    out.push(path);
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.endsWith(".test.ts")) continue;
    listFiles(join(path, entry.name), out);
  }
}

/** A hash of everything `next build` reads, so `raqib start` rebuilds only when something changed. */
export function sourceHash(): string {
  const files: string[] = [];
  for (const input of BUILD_INPUTS) listFiles(join(projectRoot, input), files);
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(relative(projectRoot, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

export function nextBin(): string {
  return join(projectRoot, "node_modules", "next", "dist", "bin", "next");
}

/** Runs `next build` unless .next was built from exactly these sources. */
export async function buildIfNeeded(log: (line: string) => void): Promise<void> {
  const stamp = join(projectRoot, ".next", "raqib-source-hash");
  const hash = sourceHash();
  if (
    existsSync(join(projectRoot, ".next", "BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === hash
  )
    return;
  log("Building the dashboard (next build)…");
  const { DATABASE_URL: _unused, ...env } = process.env;
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), "build"], {
      cwd: projectRoot,
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new CliError(`next build failed (exit code ${code}); see the output above`);
  await writeFile(stamp, hash);
}
