import type { Command } from "../command.ts";
import { dbDiffCommand } from "./db-diff.ts";
import { devCommand, startCommand } from "./start.ts";
import { tokenCommand } from "./token.ts";
import { userCommand } from "./user.ts";

/** Every `raqib` sub-command, in the order `raqib help` lists them. */
export const commands: Command[] = [startCommand, devCommand, dbDiffCommand, userCommand, tokenCommand];
