import type { Command } from "../command.ts";
import { benchCommand } from "./bench.ts";
import { classifyCommand } from "./classify.ts";
import { dbDiffCommand } from "./db-diff.ts";
import { evalCommand } from "./eval.ts";
import { exportCommand } from "./export.ts";
import { ingestCommand } from "./ingest.ts";
import { parseCommand } from "./parse.ts";
import { reclassifyCommand } from "./reclassify.ts";
import { serveCommand } from "./serve.ts";
import { devCommand, startCommand } from "./start.ts";
import { synthCommand } from "./synth.ts";
import { tokenCommand } from "./token.ts";
import { userCommand } from "./user.ts";

/** Every `raqib` sub-command, in the order `raqib help` lists them. */
export const commands: Command[] = [
  startCommand,
  devCommand,
  serveCommand,
  ingestCommand,
  exportCommand,
  parseCommand,
  classifyCommand,
  evalCommand,
  reclassifyCommand,
  userCommand,
  tokenCommand,
  synthCommand,
  benchCommand,
  dbDiffCommand,
];
