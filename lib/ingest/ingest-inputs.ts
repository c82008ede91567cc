import "server-only";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, extname, join } from "node:path";
import { getPool } from "../db/pool.ts";
import { createHeapGuard } from "../runtime/heap-ceiling.ts";
import type { CommentRowResult } from "./comment-row.ts";
import { IngestError } from "./ingest-error.ts";
import { finishIngestRun, type IngestProblem, type IngestSummary, startIngestRun } from "./ingest-run.ts";
import { type CommentInsert, insertCommentsBulk, KnownWords } from "./insert-comments.ts";
import { type ParsedArticle, parseArticle } from "./parse-article.ts";
import { readCsvRows } from "./parse-csv-rows.ts";
import { readJsonlRows } from "./parse-jsonl-rows.ts";
import { readArticleStream, readArticleText } from "./read-article-file.ts";
import { type ClassifyText, storeArticle } from "./store-article.ts";
import { type ArticleCache, createArticleCache, prepareCommentRows } from "./store-comment-rows.ts";
import { storeImportedLabels } from "./store-imported-labels.ts";

export type InputFormat = "txt" | "jsonl" | "csv";

export interface IngestProgress {
  files: number;
  totalFiles: number;
  comments: number;
  seconds: number;
}

export interface IngestOptions {
  actor: string;
  via: "cli" | "http" | "seed";
  classify?: ClassifyText;
  /** Where `-` reads from, and its format (sniffed from the first bytes when not given). */
  stdin?: AsyncIterable<Uint8Array | string>;
  stdinFormat?: InputFormat;
  onProgress?: (progress: IngestProgress) => void;
  /** Source for articles and rows that do not name one (an HTTP token's source). */
  defaultSource?: string;
  /** Rows per insert statement for JSONL/CSV. */
  batchSize?: number;
}

/** One input to ingest: a file on disk, or a stream (stdin, an HTTP body) with a name. */
export type IngestInput =
  | { kind: "articles"; name: string; articles: (ParsedArticle & { url?: string | null })[] }
  | { kind: "file"; path: string; format: InputFormat }
  | { kind: "stream"; name: string; format: InputFormat | null; bytes: AsyncIterable<Uint8Array | string> };

const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  ".txt": "txt",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".csv": "csv",
};
const DEFAULT_BATCH = 5_000;
/**
 * Batches being inserted at once, one PostgreSQL backend each, while Node reads and classifies
 * the next one. PostgreSQL does about twice Node's work a comment (lib/ingest/README.md, "Ingest
 * speed"), so two keep both cores of a small server busy, and a larger one gets a backend for
 * each core but Node's, up to the bulk pool's four connections. (The count is this machine's:
 * an external database on a larger server is not seen, and two in flight still work it.)
 */
export function insertsInFlight(cores: number): number {
  return Math.min(4, Math.max(2, cores - 1));
}
const INSERTS_IN_FLIGHT = insertsInFlight(availableParallelism());
const DEADLOCK_DETECTED = "40P01";
/**
 * Garbage a bulk ingest lets pile up before it collects (see createHeapGuard). Measured on
 * 1,000,000 comments: 32 MB peaks at 343 MB RSS, 64 MB at 380 MB for the same speed. The fixed
 * ceiling used before (160 MB of used heap) peaked near 400 MB; a 100 MB one collected after
 * every batch once the run's caches had grown (10 s more CPU).
 */
const INGEST_GARBAGE_MB = 32;

/**
 * Two batches in flight may both hold a comment the other one also holds (the same body twice in
 * one input) and wait on each other; PostgreSQL then aborts one statement, which changed nothing,
 * so it is run again once the other has finished.
 */
async function insertCommentsRetryingDeadlocks(
  rows: CommentInsert[],
  knownWords: KnownWords,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertCommentsBulk(getPool(), rows, knownWords);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== DEADLOCK_DETECTED || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

export function formatOf(path: string): InputFormat | null {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/** Expands paths into inputs: directories recursively in name order; `-` is stdin. */
async function expand(
  path: string,
  options: IngestOptions,
  problems: IngestProblem[],
  top: boolean,
): Promise<IngestInput[]> {
  if (path === "-") {
    if (!options.stdin) {
      problems.push({ input: "-", reason: "standard input is not available here" });
      return [];
    }
    return [{ kind: "stream", name: "-", format: options.stdinFormat ?? null, bytes: options.stdin }];
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      input: path,
      reason: code === "ENOENT" ? "no such file or directory" : `cannot read (${code})`,
    });
    return [];
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path)).filter((n) => !n.startsWith(".")).sort();
    const nested = (
      await Promise.all(entries.map((name) => expand(join(path, name), options, problems, false)))
    ).flat();
    if (top && nested.length === 0 && !problems.some((p) => p.input.startsWith(path))) {
      problems.push({ input: path, reason: "directory has no .txt, .jsonl, .ndjson or .csv files" });
    }
    return nested;
  }
  if (!info.isFile()) {
    problems.push({ input: path, reason: "not a regular file" });
    return [];
  }
  const format = formatOf(path);
  if (!format) {
    // Inside a directory other files (README, images) are passed over; a file named on the command line is an error.
    if (top)
      problems.push({
        input: path,
        reason: `unsupported file type '${extname(path) || "(none)"}' (expected .txt, .jsonl, .ndjson or .csv)`,
      });
    return [];
  }
  return [{ kind: "file", path, format }];
}

/** Guesses the format of an unnamed stream from its first bytes. */
function sniff(head: Buffer): InputFormat {
  const text = head
    .toString("utf8")
    .replace(/^\ufeff/, "")
    .trimStart();
  if (text.startsWith("{")) return "jsonl";
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (/(^|,)"?article_title"?(,|$)/.test(firstLine) && /(^|,)"?body"?(,|$)/.test(firstLine)) return "csv";
  return "txt";
}

/** Puts already-read bytes back in front of the rest of a stream. */
async function* prepend(
  head: Buffer,
  rest: AsyncIterator<Uint8Array | string>,
): AsyncGenerator<Uint8Array | string> {
  if (head.length > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** The input's format and bytes; an article file is read by readArticleText, not streamed. */
async function openInput(
  input: Exclude<IngestInput, { kind: "articles" }>,
): Promise<{ format: InputFormat; bytes: AsyncIterable<Uint8Array | string> }> {
  if (input.kind === "file") {
    return {
      format: input.format,
      bytes: input.format === "txt" ? emptyStream() : createReadStream(input.path),
    };
  }
  if (input.format) return { format: input.format, bytes: input.bytes };
  const iterator = input.bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  return { format: sniff(head), bytes: prepend(head, iterator) };
}

async function* emptyStream(): AsyncGenerator<Uint8Array> {}

function inputName(input: IngestInput): string {
  return input.kind === "file" ? input.path : input.name;
}

/** The run's default source, for inputs that do not name their site (an HTTP token's source). */
function withSource<T extends { source: string | null }>(item: T, source: string | undefined): T {
  return source && item.source === null ? { ...item, source } : item;
}

/**
 * Ingests files, directories and streams. Article files go in one transaction each: a file that
 * fails stores nothing, and the other inputs still go in. JSONL/CSV rows go in batches: valid rows
 * are stored and every bad row is reported with its line number. Every run is an IngestRun row.
 */
export async function ingestInputs(paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const problems: IngestProblem[] = [];
  const inputs = (await Promise.all(paths.map((p) => expand(p, options, problems, true)))).flat();
  return ingestPrepared(inputs, problems, paths, options);
}

/**
 * Ingests inputs that are already known (the HTTP API's request body, say), with problems
 * found while gathering them; `described` is what the IngestRun row lists as its inputs.
 */
export async function ingestPrepared(
  inputs: IngestInput[],
  problems: IngestProblem[],
  described: string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const runId = await startIngestRun(options.actor, options.via, described);
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
  summary.errors.push(...problems);
  summary.rejected += problems.length;
  const cache: ArticleCache = createArticleCache();
  const progress = () =>
    options.onProgress?.({
      files: summary.files,
      totalFiles: inputs.length,
      comments: summary.commentsAdded,
      seconds: (performance.now() - started) / 1000,
    });

  for (const input of inputs) {
    const name = inputName(input);
    summary.files += 1;
    try {
      if (input.kind === "articles") {
        for (const parsed of input.articles) {
          const result = await storeArticle({
            parsed: withSource(parsed, options.defaultSource),
            url: parsed.url ?? null,
            rawText: null,
            fileName: null,
            ingestRunId: runId,
            classify: options.classify,
          });
          summary.articlesAdded += result.articleAdded ? 1 : 0;
          summary.commentsAdded += result.commentsAdded;
          summary.duplicates += result.duplicates;
        }
        progress();
        continue;
      }
      const { format, bytes } = await openInput(input);
      if (format === "txt") {
        const rawText =
          input.kind === "file" ? await readArticleText(input.path) : await readArticleStream(bytes);
        const parsed = withSource(parseArticle(rawText), options.defaultSource);
        const fileName = input.kind === "file" ? basename(input.path) : null;
        const result = await storeArticle({
          parsed,
          rawText,
          fileName,
          ingestRunId: runId,
          classify: options.classify,
        });
        summary.articlesAdded += result.articleAdded ? 1 : 0;
        summary.commentsAdded += result.commentsAdded;
        summary.duplicates += result.duplicates;
      } else {
        await ingestRows(name, format === "jsonl" ? readJsonlRows(bytes) : readCsvRows(bytes), {
          ...options,
          runId,
          cache,
          summary,
          progress,
        });
      }
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      summary.rejected += 1;
      summary.errors.push({
        input: name,
        ...(error.line === undefined ? {} : { line: error.line }),
        reason: error.reason,
      });
    }
    progress();
  }
  summary.seconds = (performance.now() - started) / 1000;
  await finishIngestRun(summary);
  return summary;
}

async function ingestRows(
  name: string,
  rows: AsyncIterable<CommentRowResult>,
  context: IngestOptions & {
    runId: number;
    cache: ArticleCache;
    summary: IngestSummary;
    progress: () => void;
  },
): Promise<void> {
  const { summary } = context;
  const batchSize = context.batchSize ?? DEFAULT_BATCH;
  const knownWords = new KnownWords();
  const heap = createHeapGuard(INGEST_GARBAGE_MB);
  let batch: CommentRowResult[] = [];
  // Up to INSERTS_IN_FLIGHT inserts run in PostgreSQL (one backend each) while the next batch is
  // read and classified here.
  const inFlight: { promise: Promise<number>; size: number }[] = [];
  const settleOldest = async () => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    const added = await oldest.promise;
    summary.commentsAdded += added;
    summary.duplicates += oldest.size - added;
    context.progress();
    heap.check();
  };
  const settle = async () => {
    while (inFlight.length > 0) await settleOldest();
  };
  const flush = async () => {
    const valid = batch.flatMap((r) => ("row" in r ? [withSource(r.row, context.defaultSource)] : []));
    batch = [];
    const prepared = await prepareCommentRows(valid, {
      ingestRunId: context.runId,
      cache: context.cache,
      classify: context.classify,
    });
    summary.articlesAdded += prepared.articlesAdded;
    while (inFlight.length >= INSERTS_IN_FLIGHT) await settleOldest();
    // Labels from a Raqib export go in once their comments are stored (new or already there).
    const labelled = valid.flatMap((row, i) =>
      row.labels ? [{ bodyHash: prepared.inserts[i]?.bodyHash as string, labels: row.labels }] : [],
    );
    const inserted = insertCommentsRetryingDeadlocks(prepared.inserts, knownWords);
    const promise =
      labelled.length === 0
        ? inserted
        : inserted.then(async (added) => {
            await storeImportedLabels(getPool(), labelled);
            return added;
          });
    // Settled in order by settleOldest; this only keeps an early failure from going unhandled.
    promise.catch(() => undefined);
    inFlight.push({ promise, size: prepared.inserts.length });
  };
  try {
    for await (const result of rows) {
      if ("error" in result) {
        summary.rejected += 1;
        summary.errors.push({ input: name, line: result.line, reason: result.error });
        continue;
      }
      batch.push(result);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    await settle();
  }
}
