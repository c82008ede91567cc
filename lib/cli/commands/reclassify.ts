import { reclassifyComments } from "../../classification/reclassify-comments.ts";
import { defaultLexicon } from "../../classifier/index.ts";
import { parseCommandArgs } from "../args.ts";
import type { Command } from "../command.ts";
import { bar, createProgressLine, formatRate } from "../progress-bar.ts";
import { withDatabase } from "../with-database.ts";

export const reclassifyCommand: Command = {
  name: "reclassify",
  summary: "re-classify comments whose lexicon version is not the current one",
  usage: `Usage: raqib reclassify [--all] [--json]

Classifies again every stored comment that was classified with another lexicon version (or
not at all), in batches that commit on their own: an interrupted run resumes where it stopped.
  --all    re-classify every comment, current or not
  --json   print the summary as JSON`,
  async run(args, ctx) {
    const { values } = parseCommandArgs("reclassify", args, {
      all: { type: "boolean" },
      json: { type: "boolean" },
    });
    const progress = createProgressLine(ctx.stderr, ctx.interactive && !values.json);
    const summary = await withDatabase(ctx.env, () =>
      reclassifyComments(defaultLexicon(), {
        all: values.all,
        onProgress: (p) =>
          progress.update(
            `${bar(p.total ? p.done / p.total : 1)} ${p.done.toLocaleString("en-US")}/${p.total.toLocaleString("en-US")} comments · ${formatRate(p.done, p.seconds)} comments/s`,
          ),
      }),
    );
    progress.done();
    if (values.json) ctx.stdout.write(`${JSON.stringify(summary)}\n`);
    else
      ctx.stdout.write(
        `Re-classified ${summary.reclassified.toLocaleString("en-US")} comment(s) with lexicon ${summary.lexiconVersion} in ${summary.seconds.toFixed(1)} s` +
          `${summary.unclassifiable ? `; ${summary.unclassifiable} could not be classified (empty or too long)` : ""}\n`,
      );
    return 0;
  },
};
