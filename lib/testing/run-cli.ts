import { main } from "../cli/main.ts";
import type { Env } from "../paths.ts";
import { testContext } from "./cli-test-context.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `raqib <args>` in this process with captured streams and this process's environment plus `env`. */
export async function runCli(
  args: string[],
  options: { env?: Env; stdin?: string | Buffer } = {},
): Promise<CliRun> {
  const { ctx, stdout, stderr } = testContext(options.stdin ?? "");
  ctx.env = { ...process.env, ...options.env };
  const code = await main(args, ctx);
  return { code, stdout: stdout(), stderr: stderr() };
}
