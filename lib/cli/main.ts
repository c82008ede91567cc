import { type CliContext, CliError } from "./command.ts";
import { commands } from "./commands/index.ts";

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: raqib <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "raqib help <command> shows a command's options.",
  ].join("\n");
}

export function defaultContext(): CliContext {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

/** Runs one `raqib` invocation and resolves to its exit code. Never throws. */
export async function main(argv: string[], ctx: CliContext = defaultContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const topic = rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    ctx.stdout.write(`${topic ? `${topic.usage}\n` : helpText()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.stderr.write(`raqib: unknown command '${name}'\n${helpText()}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    ctx.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    if (error instanceof CliError) {
      ctx.stderr.write(`raqib: ${error.message}\n`);
      return error.exitCode;
    }
    const detail =
      error instanceof Error ? (ctx.env.RAQIB_DEBUG ? error.stack : error.message) : String(error);
    ctx.stderr.write(`raqib: ${name} failed: ${detail}\n`);
    return 1;
  }
}
