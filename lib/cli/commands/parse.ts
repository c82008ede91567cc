import { open, stat } from "node:fs/promises";
import { decodeInput, tooLargeReason } from "../../ingest/decode-input.ts";
import { IngestError, InputDecodeError } from "../../ingest/ingest-error.ts";
import { MAX_ARTICLE_FILE_BYTES } from "../../ingest/limits.ts";
import { parseArticle } from "../../ingest/parse-article.ts";
import { parseCommandArgs } from "../args.ts";
import { type CliContext, CliError, type Command } from "../command.ts";

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
      const bytes = path === "-" ? await readStream(ctx.stdin) : await readArticleFile(path);
      const { title, source, body, comments } = parseArticle(decodeInput(bytes));
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

async function readArticleFile(path: string): Promise<Uint8Array> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `${path}: ${code === "ENOENT" ? "no such file" : `cannot read (${code ?? "unknown error"})`}`,
    );
  }
  if (info.isDirectory()) throw new CliError(`${path}: is a directory, not an article file`);
  if (!info.isFile()) throw new CliError(`${path}: not a regular file`);
  // Checked before reading so that a huge file is never loaded.
  if (info.size > MAX_ARTICLE_FILE_BYTES)
    throw new InputDecodeError(tooLargeReason(info.size, MAX_ARTICLE_FILE_BYTES));
  const handle = await open(path, "r");
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function readStream(stream: CliContext["stdin"]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buffer.length;
    if (total > MAX_ARTICLE_FILE_BYTES) {
      throw new InputDecodeError(`input is over the ${MAX_ARTICLE_FILE_BYTES / (1024 * 1024)} MB limit`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
