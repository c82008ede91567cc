import type { Command } from "../command.ts";
import { parseCommand } from "./parse.ts";
import { synthCommand } from "./synth.ts";

/** Every `raqib` sub-command, in the order `raqib help` lists them. */
export const commands: Command[] = [parseCommand, synthCommand];
