import { parseArgs } from "node:util";
import { CliError } from "./command.ts";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** node:util parseArgs with errors turned into one-line CliErrors naming the command. */
export function parseCommandArgs<T extends OptionSpec>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${command}: ${reason} (see 'raqib help ${command}')`, 2);
  }
}
