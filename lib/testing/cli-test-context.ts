import { PassThrough, Readable } from "node:stream";
import type { CliContext } from "../cli/command.ts";

/** A CliContext over in-memory streams, for running `raqib` commands in-process in tests. */
export function testContext(stdin: string | Buffer = ""): {
  ctx: CliContext;
  stdout: () => string;
  stderr: () => string;
} {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on("data", (chunk: Buffer) => out.push(chunk));
  stderr.on("data", (chunk: Buffer) => err.push(chunk));
  return {
    ctx: { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, interactive: false, env: {} },
    stdout: () => Buffer.concat(out).toString("utf8"),
    stderr: () => Buffer.concat(err).toString("utf8"),
  };
}
