import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { SYNTH_DEFAULT_SEED, writeSynthJsonl } from "../../ingest/synth.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command } from "../command.ts";

const usage = `Usage: raqib synth --comments N [--articles M] [--seed S] --out FILE.jsonl

Writes N synthetic Arabic comments (MSA, dialects, some Arabizi/French/English, about 17%
insults, dates spread over two years) as JSONL rows with the columns
source, article_url, article_title, author, title, body, created_at.
The same options always produce the same file. --out - writes to stdout.

  --comments N   number of comments (required)
  --articles M   number of articles they belong to (default: one per 40 comments)
  --seed S       random seed (default ${SYNTH_DEFAULT_SEED})
  --out FILE     output file (required)`;

function positiveInteger(name: string, value: string | undefined, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || (!allowZero && Number(value) === 0) || !Number.isSafeInteger(Number(value))) {
    throw new CliError(
      `synth: --${name} must be a ${allowZero ? "non-negative" : "positive"} integer, got '${value}'`,
      2,
    );
  }
  return Number(value);
}

export const synthCommand: Command = {
  name: "synth",
  summary: "Write synthetic Arabic comments as JSONL for benchmarks and demos",
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("synth", args, {
      comments: { type: "string" },
      articles: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
    });
    if (positionals.length > 0) throw new CliError(`synth: unexpected argument '${positionals[0]}'`, 2);
    const comments = positiveInteger("comments", values.comments, true);
    if (comments === undefined)
      throw new CliError("synth: --comments N is required (see 'raqib help synth')", 2);
    if (!values.out) throw new CliError("synth: --out FILE is required (see 'raqib help synth')", 2);
    const articles = positiveInteger("articles", values.articles);
    const seed = positiveInteger("seed", values.seed, true) ?? SYNTH_DEFAULT_SEED;

    const started = Date.now();
    if (values.out === "-") {
      await writeSynthJsonl({ comments, articles, seed }, ctx.stdout);
      return 0;
    }
    const out = createWriteStream(values.out);
    const failed = new Promise<never>((_, reject) => out.once("error", reject));
    // The race below may settle first; a later write error must not become an unhandled rejection.
    failed.catch(() => {});
    try {
      const count = await Promise.race([writeSynthJsonl({ comments, articles, seed }, out), failed]);
      out.end();
      await finished(out);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      ctx.stderr.write(`raqib: wrote ${count} comments to ${values.out} in ${seconds} s\n`);
      return 0;
    } catch (error) {
      out.destroy();
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`${values.out}: cannot write (${reason})`);
    }
  },
};
