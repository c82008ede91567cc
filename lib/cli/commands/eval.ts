import { readFile } from "node:fs/promises";
import { evaluateGold, evaluateOsact, formatGoldReport, formatOsactReport } from "../../eval/evaluate.ts";
import { parseGoldJsonl } from "../../eval/gold.ts";
import { parseOsactTsv, splitOsact } from "../../eval/osact.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command } from "../command.ts";

const usage = `Usage: raqib eval --gold FILE [--format gold|osact] [--split validation|train|all] [--errors N] [--json]

Scores the classifier against labelled data and prints the figures with the issue's targets.
  --gold FILE     gold JSONL ({"id","text","insult","sentiment","stance"}) or OSACT 2020 TSV
  --format        gold (default) or osact (default when FILE ends in .tsv)
  --split         OSACT only: the fixed stratified 15% validation split (default), train, or all
  --errors N      how many of the worst errors to list (default 10)
  --json          print the report as JSON`;

export const evalCommand: Command = {
  name: "eval",
  summary: "Precision/recall/F1 of the classifier on a gold set or OSACT 2020",
  usage,
  async run(args, ctx) {
    const { values } = parseCommandArgs("eval", args, {
      gold: { type: "string" },
      format: { type: "string" },
      split: { type: "string" },
      errors: { type: "string" },
      json: { type: "boolean" },
    });
    const file = values.gold;
    if (!file) throw new CliError("eval: --gold FILE is required (see 'raqib help eval')", 2);
    const format = values.format ?? (file.endsWith(".tsv") ? "osact" : "gold");
    if (format !== "gold" && format !== "osact")
      throw new CliError(`eval: --format must be gold or osact, got '${format}'`, 2);
    const split = values.split ?? "validation";
    if (!["validation", "train", "all"].includes(split)) {
      throw new CliError(`eval: --split must be validation, train or all, got '${split}'`, 2);
    }
    const errorLimit = values.errors === undefined ? 10 : Number(values.errors);
    if (!Number.isInteger(errorLimit) || errorLimit < 0)
      throw new CliError(`eval: --errors must be a whole number, got '${values.errors}'`, 2);
    let content: string;
    try {
      content = await readFile(file, "utf8");
    } catch (error) {
      throw new CliError(
        `eval: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    let text: string;
    try {
      if (format === "gold") {
        const report = evaluateGold(parseGoldJsonl(content, file), undefined, errorLimit);
        text = values.json ? JSON.stringify(report, null, 2) : formatGoldReport(report, file);
      } else {
        const rows = parseOsactTsv(content, file);
        const parts = splitOsact(rows);
        const selected = split === "all" ? rows : parts[split as "train" | "validation"];
        const report = evaluateOsact(selected, split, undefined, errorLimit);
        text = values.json ? JSON.stringify(report, null, 2) : formatOsactReport(report, file);
      }
    } catch (error) {
      if (error instanceof Error && /^.+:\d+: /.test(error.message))
        throw new CliError(`eval: ${error.message}`);
      throw error;
    }
    ctx.stdout.write(`${text}\n`);
    return 0;
  },
};
