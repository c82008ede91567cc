import type { Env } from "../paths.ts";
/** What every `raqib` sub-command gets: its streams, so tests can run commands in-process. */
export interface CliContext {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  interactive: boolean;
  env: Env;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. Throws CliError for a one-line user-facing failure. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** A failure the user caused or can fix: printed as `raqib: <message>` with no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}
