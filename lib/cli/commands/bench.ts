import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../paths.ts";
import { CliError, type Command } from "../command.ts";

function benchmarks(): string[] {
  const dir = join(projectRoot, "bench");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "run.ts")))
    .map((e) => e.name)
    .sort();
}

export const benchCommand: Command = {
  name: "bench",
  summary: "run a benchmark from bench/ and print its figures",
  usage: `Usage: raqib bench <name> [options]

Runs bench/<name>/run.ts; each benchmark prints what it measured. Names: ${benchmarks().join(", ")}.
Options are the benchmark's own (see the top of its run.ts).`,
  async run(args, ctx) {
    const [name, ...rest] = args;
    const names = benchmarks();
    if (!name || !names.includes(name)) {
      throw new CliError(`bench: name one of ${names.join(", ")}${name ? ` (got '${name}')` : ""}`, 2);
    }
    const script = join(projectRoot, "bench", name, "run.ts");
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(projectRoot, "bin", "run-ts.mjs"), script, ...rest], {
        cwd: projectRoot,
        env: ctx.env as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout?.on("data", (c: Buffer) => ctx.stdout.write(c));
      child.stderr?.on("data", (c: Buffer) => ctx.stderr.write(c));
      child.on("error", reject);
      child.on("close", (code) => resolve(code ?? 1));
    });
  },
};
