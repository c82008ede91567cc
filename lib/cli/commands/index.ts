import type { Command } from "../command.ts";

/** Every `raqib` sub-command, in the order `raqib help` lists them. */
export const commands: Command[] = [];
