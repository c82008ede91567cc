import { userInfo } from "node:os";
import { classifierForStorage } from "../../classification/classify-for-storage.ts";
import { type InputFormat, ingestInputs } from "../../ingest/ingest-inputs.ts";
import { getPublishedLexicon } from "../../lexicon/get-published-lexicon.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command } from "../command.ts";
import { bar, createProgressLine, formatRate } from "../progress-bar.ts";
import { withDatabase } from "../with-database.ts";

const FORMATS: InputFormat[] = ["txt", "jsonl", "csv"];

export const ingestCommand: Command = {
  name: "ingest",
  summary: "store articles (.txt) and comment exports (.jsonl, .csv) in the database",
  usage: `Usage: raqib ingest PATH... [--json] [--format txt|jsonl|csv]

PATH is a file, a directory (read recursively) or - for standard input.
  .txt             an article dump with its comment section (one transaction per file)
  .jsonl/.ndjson   comment rows: {"source","article_url","article_title","author","title","body","created_at"}
  .csv             the same columns, with a header row
Ingesting the same input twice adds nothing. Bad files and rows are reported as
'raqib: <path>[:<line>]: <reason>' and the rest still goes in; the exit code is then 1.
  --json      print the summary as JSON
  --format F  format of standard input (default: guessed from its first bytes)`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("ingest", args, {
      json: { type: "boolean" },
      format: { type: "string" },
    });
    if (positionals.length === 0)
      throw new CliError("ingest: name at least one file, directory or - (see 'raqib help ingest')", 2);
    const format = values.format;
    if (format !== undefined && !FORMATS.includes(format as InputFormat)) {
      throw new CliError(`ingest: --format must be txt, jsonl or csv (got '${format}')`, 2);
    }
    const progress = createProgressLine(ctx.stderr, ctx.interactive && !values.json);
    const summary = await withDatabase(ctx.env, async () =>
      ingestInputs(positionals, {
        actor: `cli:${userInfo().username}`,
        via: "cli",
        classify: classifierForStorage((await getPublishedLexicon()).layered.compiled),
        stdin: ctx.stdin as AsyncIterable<Uint8Array | string>,
        stdinFormat: format as InputFormat | undefined,
        onProgress: (p) =>
          progress.update(
            `${bar(p.totalFiles ? p.files / p.totalFiles : 0)} files ${p.files}/${p.totalFiles} · ${p.comments.toLocaleString("en-US")} comments · ${formatRate(p.comments, p.seconds)} comments/s`,
          ),
      }),
    );
    progress.done();
    for (const e of summary.errors)
      ctx.stderr.write(`raqib: ${e.input}${e.line === undefined ? "" : `:${e.line}`}: ${e.reason}\n`);
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      ctx.stdout.write(
        `Ingested ${summary.files} input(s): ${summary.articlesAdded} article(s) and ${summary.commentsAdded} comment(s) added, ` +
          `${summary.duplicates} duplicate(s), ${summary.rejected} rejected (run #${summary.runId}, ${summary.seconds.toFixed(1)} s, ` +
          `${formatRate(summary.commentsAdded, summary.seconds)} comments/s)\n`,
      );
    }
    return summary.errors.length === 0 ? 0 : 1;
  },
};
