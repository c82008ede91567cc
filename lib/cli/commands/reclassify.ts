import { reclassifyComments } from "../../classification/reclassify-comments.ts";
import { lexiconForVersion } from "../../lexicon/resolve-cli-lexicon.ts";
import { runPublicationJob } from "../../lexicon/run-publication-job.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command } from "../command.ts";
import { bar, createProgressLine, formatRate } from "../progress-bar.ts";
import { withDatabase } from "../with-database.ts";

export const reclassifyCommand: Command = {
  name: "reclassify",
  summary: "re-classify comments whose lexicon version is not the current one",
  usage: `Usage: raqib reclassify [--all] [--lexicon-version V] [--json]
       raqib reclassify --job ID [--json]

Classifies again every stored comment that was classified with another lexicon version (or
not at all), in batches that commit on their own: an interrupted run resumes where it stopped.
  --all                 re-classify every comment, current or not
  --lexicon-version V   published (default: the version published on /admin/lexicon), files
                        (the shipped files alone) or a version hash
  --job ID              run (or resume after a failure) the background re-classification of
                        lexicon publication ID, recording progress on it; the dashboard starts
                        this itself when an admin publishes or rolls back
  --json                print the summary as JSON`,
  async run(args, ctx) {
    const { values } = parseCommandArgs("reclassify", args, {
      all: { type: "boolean" },
      json: { type: "boolean" },
      job: { type: "string" },
      "lexicon-version": { type: "string" },
    });
    const progress = createProgressLine(ctx.stderr, ctx.interactive && !values.json);
    const onProgress = (p: { done: number; total: number; seconds: number }) =>
      progress.update(
        `${bar(p.total ? p.done / p.total : 1)} ${p.done.toLocaleString("en-US")}/${p.total.toLocaleString("en-US")} comments · ${formatRate(p.done, p.seconds)} comments/s`,
      );
    if (values.job !== undefined) {
      const id = Number(values.job);
      if (!Number.isInteger(id) || id <= 0)
        throw new CliError(
          `reclassify: --job: '${values.job}' is not a publication id (a positive integer)`,
          2,
        );
      if (values.all || values["lexicon-version"])
        throw new CliError(
          "reclassify: --job takes its version from the publication: drop --all and --lexicon-version",
          2,
        );
      const summary = await withDatabase(ctx.env, () => runPublicationJob(id, { onProgress }));
      progress.done();
      if (values.json) ctx.stdout.write(`${JSON.stringify(summary)}\n`);
      else
        ctx.stdout.write(
          `Lexicon job ${id} (version ${summary.version}): ${summary.state}, ${summary.done.toLocaleString("en-US")}/${summary.total.toLocaleString("en-US")} comments in ${summary.seconds.toFixed(1)} s${summary.error ? `: ${summary.error}` : ""}\n`,
        );
      return summary.state === "failed" ? 1 : 0;
    }
    const summary = await withDatabase(ctx.env, async () => {
      let lexicon: Awaited<ReturnType<typeof lexiconForVersion>>;
      try {
        lexicon = await lexiconForVersion(values["lexicon-version"] ?? "published");
      } catch (error) {
        throw new CliError(
          `reclassify: --lexicon-version: ${error instanceof Error ? error.message : error}`,
        );
      }
      return reclassifyComments(lexicon, { all: values.all, onProgress });
    });
    progress.done();
    if (values.json) ctx.stdout.write(`${JSON.stringify(summary)}\n`);
    else
      ctx.stdout.write(
        `Re-classified ${summary.reclassified.toLocaleString("en-US")} comment(s) with lexicon ${summary.lexiconVersion} in ${summary.seconds.toFixed(1)} s` +
          ` (${summary.changed.toLocaleString("en-US")} with changed results)` +
          `${summary.unclassifiable ? `; ${summary.unclassifiable} could not be classified (empty or too long)` : ""}\n`,
      );
    return 0;
  },
};
