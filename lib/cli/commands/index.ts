import type { Command } from "../command.ts";
import { dbDiffCommand } from "./db-diff.ts";
import { devCommand, startCommand } from "./start.ts";

/** Every `raqib` sub-command, in the order `raqib help` lists them. */
export const commands: Command[] = [startCommand, devCommand, dbDiffCommand];
