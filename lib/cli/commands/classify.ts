import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { classify } from "../../classifier/classify.ts";
import { defaultLexicon } from "../../classifier/default-lexicon.ts";
import { ClassifierInputError } from "../../classifier/errors.ts";
import { hasInstallationDatabase, lexiconForVersion } from "../../lexicon/resolve-cli-lexicon.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command } from "../command.ts";
import { withDatabase } from "../with-database.ts";

const usage = `Usage: raqib classify [--input FILE] [--output FILE] [--lexicon-version V]

Reads JSON lines {"id": …, "text": "…"} (stdin or --input) and writes one JSON line per input
line (stdout or --output): {"id": …, "insult", "insultScore", "sentiment", "sentimentScore",
"stance", "language", "matches", "lexiconVersion"}.
A bad line (invalid JSON, missing id, non-string, empty or over-long text) is reported on stderr as
"raqib: <input>:<line>: <reason>" and written as {"id": …, "line": n, "error": "<reason>"}; the
other lines go on. Blank lines are skipped. Exit code 1 if any line failed.
  --lexicon-version V   published (default: the version the dashboard published, the shipped
                        files when this installation has no database yet), files (the shipped
                        files alone), or a version hash from /admin/lexicon → Versions`;

function lineProblem(value: unknown): { id: unknown; reason?: string; text?: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { id: null, reason: 'expected a JSON object {"id", "text"}' };
  }
  const record = value as Record<string, unknown>;
  const id = record.id;
  if (typeof id !== "string" && typeof id !== "number")
    return { id: id ?? null, reason: '"id" must be a string or number' };
  if (!("text" in record)) return { id, reason: '"text" is missing' };
  return { id, text: record.text as string };
}

async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  // Waiting for 'drain' keeps memory flat when the reader is faster than the writer.
  if (!out.write(`${line}\n`)) await once(out as NodeJS.EventEmitter, "drain");
}

export const classifyCommand: Command = {
  name: "classify",
  summary: "Classify JSON lines of comments (insult, sentiment, stance, spans)",
  usage,
  async run(args, ctx) {
    const { values } = parseCommandArgs("classify", args, {
      input: { type: "string", short: "i" },
      output: { type: "string", short: "o" },
      "lexicon-version": { type: "string" },
    });
    const choice = values["lexicon-version"] ?? "published";
    const lexicon =
      choice === "files" || (choice === "published" && !(await hasInstallationDatabase(ctx.env)))
        ? defaultLexicon()
        : await withDatabase(ctx.env, async () => {
            try {
              return await lexiconForVersion(choice);
            } catch (error) {
              throw new CliError(
                `classify: --lexicon-version: ${error instanceof Error ? error.message : error}`,
              );
            }
          });
    const inputName = values.input ?? "<stdin>";
    const input = values.input ? createReadStream(values.input) : ctx.stdin;
    if (values.input) {
      await new Promise<void>((resolve, reject) => {
        const stream = input as ReturnType<typeof createReadStream>;
        stream.once("open", () => resolve());
        stream.once("error", (error) =>
          reject(new CliError(`classify: cannot read ${values.input}: ${error.message}`)),
        );
      });
    }
    const output = values.output ? createWriteStream(values.output) : ctx.stdout;
    let lineNumber = 0;
    let failed = 0;
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === "") continue;
      let id: unknown = null;
      let reason: string;
      try {
        const parsed = lineProblem(JSON.parse(line));
        id = parsed.id;
        if (parsed.reason) throw new ClassifierInputError("not_string", parsed.reason);
        const result = classify(parsed.text as string, lexicon);
        await writeLine(output, JSON.stringify({ id, ...result }));
        continue;
      } catch (error) {
        if (error instanceof SyntaxError) reason = `invalid JSON: ${error.message}`;
        else if (error instanceof ClassifierInputError) reason = error.message;
        else throw error;
      }
      failed++;
      ctx.stderr.write(`raqib: ${inputName}:${lineNumber}: ${reason}\n`);
      await writeLine(output, JSON.stringify({ id, line: lineNumber, error: reason }));
    }
    if (values.output) {
      const file = output as ReturnType<typeof createWriteStream>;
      file.end();
      await once(file, "finish");
    }
    if (failed > 0) ctx.stderr.write(`raqib: classify: ${failed} of ${lineNumber} lines failed\n`);
    return failed > 0 ? 1 : 0;
  },
};
