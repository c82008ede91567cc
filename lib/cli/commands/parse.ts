import { IngestError } from "../../ingest/ingest-error.ts";
import { MAX_ARTICLE_FILE_BYTES } from "../../ingest/limits.ts";
import { parseArticle } from "../../ingest/parse-article.ts";
import { readArticleStream, readArticleText } from "../../ingest/read-article-file.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command } from "../command.ts";

const usage = `Usage: raqib parse [--pretty] FILE

Parses one article dump (a .txt file, or - for stdin) and prints the result as one JSON
object: {"title", "source", "body", "comments": [{"title", "author", "body"}]}.
Touches no database. Files over ${MAX_ARTICLE_FILE_BYTES / (1024 * 1024)} MB are rejected.

  --pretty   indent the JSON`;

export const parseCommand: Command = {
  name: "parse",
  summary: "Parse an article dump and print it as JSON (no database)",
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("parse", args, { pretty: { type: "boolean" } });
    const [path, ...extra] = positionals;
    if (!path || extra.length > 0)
      throw new CliError("parse: expects exactly one FILE (see 'raqib help parse')", 2);
    try {
      const text = path === "-" ? await readArticleStream(ctx.stdin) : await readArticleText(path);
      const { title, source, body, comments } = parseArticle(text);
      const json = JSON.stringify({ title, source, body, comments }, null, values.pretty ? 2 : undefined);
      ctx.stdout.write(`${json}\n`);
      return 0;
    } catch (error) {
      if (error instanceof IngestError)
        throw new CliError(`${path === "-" ? "<stdin>" : path}: ${error.message}`);
      throw error;
    }
  },
};
