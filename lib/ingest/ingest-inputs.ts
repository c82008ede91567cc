import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { IngestError } from "./ingest-error.ts";
import { finishIngestRun, type IngestProblem, type IngestSummary, startIngestRun } from "./ingest-run.ts";
import { parseArticle } from "./parse-article.ts";
import { type ClassifyText, storeArticle } from "./store-article.ts";

export interface IngestOptions {
  actor: string;
  via: "cli" | "http" | "seed";
  classify?: ClassifyText;
  onProgress?: (progress: { files: number; comments: number }) => void;
}

const ARTICLE_EXTENSIONS = new Set([".txt"]);

/** Expands directories (recursively, in name order) into the files to ingest. */
async function expand(path: string, problems: IngestProblem[]): Promise<string[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      input: path,
      reason: code === "ENOENT" ? "no such file or directory" : `cannot read: ${code}`,
    });
    return [];
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path)).filter((n) => !n.startsWith(".")).sort();
    const nested = await Promise.all(entries.map((name) => expand(join(path, name), problems)));
    return nested.flat().filter((file) => ARTICLE_EXTENSIONS.has(extname(file).toLowerCase()));
  }
  return [path];
}

/**
 * Ingests files and directories. Each article file is stored in its own transaction; a file
 * that fails is reported and stores nothing, and the other inputs still go in.
 */
export async function ingestInputs(paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const runId = await startIngestRun(options.actor, options.via, paths);
  const summary: IngestSummary = {
    runId,
    files: 0,
    articlesAdded: 0,
    commentsAdded: 0,
    duplicates: 0,
    rejected: 0,
    errors: [],
    seconds: 0,
  };
  const files = (await Promise.all(paths.map((p) => expand(p, summary.errors)))).flat();
  for (const file of files) {
    summary.files += 1;
    try {
      const rawText = await readFile(file, "utf8");
      const parsed = parseArticle(rawText);
      const result = await storeArticle({
        parsed,
        rawText,
        fileName: basename(file),
        ingestRunId: runId,
        classify: options.classify,
      });
      summary.articlesAdded += result.articleAdded ? 1 : 0;
      summary.commentsAdded += result.commentsAdded;
      summary.duplicates += result.duplicates;
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      summary.rejected += 1;
      summary.errors.push({ input: file, reason: error.message });
    }
    options.onProgress?.({ files: summary.files, comments: summary.commentsAdded });
  }
  summary.seconds = (performance.now() - started) / 1000;
  await finishIngestRun(summary);
  return summary;
}
