import { PassThrough } from "node:stream";
import type { CliContext } from "../cli/command.ts";
import { main } from "../cli/main.ts";
import type { Env } from "../paths.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `raqib <args>` in this process with captured streams. */
export async function runCli(args: string[], options: { env?: Env; stdin?: string } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  stderr.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  stdin.end(options.stdin ?? "");
  const ctx: CliContext = {
    stdin,
    stdout,
    stderr,
    interactive: false,
    env: { ...process.env, ...options.env },
  };
  const code = await main(args, ctx);
  return { code, stdout: out, stderr: err };
}
