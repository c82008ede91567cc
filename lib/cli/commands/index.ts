import type { Command } from "../command.ts";
import { classifyCommand } from "./classify.ts";
import { evalCommand } from "./eval.ts";

/** Every `raqib` sub-command, in the order `raqib help` lists them. */
export const commands: Command[] = [classifyCommand, evalCommand];
