import { z } from "zod";
import type { IngestInput } from "./ingest-inputs.ts";
import type { IngestProblem } from "./ingest-run.ts";
import {
  MAX_ARTICLE_TITLE_CHARS,
  MAX_ARTICLE_URL_CHARS,
  MAX_AUTHOR_CHARS,
  MAX_COMMENT_BODY_CHARS,
  MAX_COMMENT_TITLE_CHARS,
  MAX_SOURCE_CHARS,
} from "./limits.ts";
import type { ParsedArticle } from "./parse-article.ts";

/** The largest request body POST /api/v1/ingest takes (RAQIB_INGEST_MAX_BYTES overrides). */
export const DEFAULT_MAX_INGEST_BYTES = 20 * 1024 * 1024;

export class RequestBodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "RequestBodyError";
  }
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `over the ${max} character limit` })
    .nullish()
    .transform((v) => (v ? v : null));

const commentSchema = z.object({
  title: optionalText(MAX_COMMENT_TITLE_CHARS),
  author: optionalText(MAX_AUTHOR_CHARS),
  body: z
    .string()
    .trim()
    .min(1, { message: "empty" })
    .max(MAX_COMMENT_BODY_CHARS, { message: `over the ${MAX_COMMENT_BODY_CHARS} character limit` }),
});

const articleSchema = z.object({
  title: z.string().trim().min(1, { message: "empty" }).max(MAX_ARTICLE_TITLE_CHARS),
  body: z.string().default(""),
  source: optionalText(MAX_SOURCE_CHARS),
  url: optionalText(MAX_ARTICLE_URL_CHARS),
  comments: z.array(commentSchema).default([]),
});

export type JsonArticle = z.infer<typeof articleSchema>;

/** `[article…]`, `{"articles": [article…]}` or one article object. */
function articleList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null) {
    const articles = (value as { articles?: unknown }).articles;
    if (Array.isArray(articles)) return articles;
    if ("title" in value) return [value];
  }
  return null;
}

/** Reads the body, refusing more than `maxBytes` (413) whatever Content-Length claimed. */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new RequestBodyError(413, `request body is ${declared} bytes, over the ${maxBytes} byte limit`);
  }
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new RequestBodyError(413, `request body is over the ${maxBytes} byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * Turns a POST /api/v1/ingest request into ingest inputs by its Content-Type: `text/plain` is
 * one article dump, `application/json` articles with their comments, `application/x-ndjson`
 * (or `application/jsonl`) comment rows, `text/csv` comment rows. Invalid JSON articles become
 * problems (by index), the valid ones still go in.
 */
export async function readHttpIngest(
  request: Request,
  maxBytes: number,
): Promise<{ inputs: IngestInput[]; problems: IngestProblem[] }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const formats: Record<string, "txt" | "jsonl" | "csv"> = {
    "text/plain": "txt",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/ndjson": "jsonl",
    "text/csv": "csv",
  };
  const format = formats[type];
  if (!format && type !== "application/json") {
    throw new RequestBodyError(
      415,
      `unsupported Content-Type '${type || "(none)"}': send text/plain (an article), application/json (articles), application/x-ndjson or text/csv (comment rows)`,
    );
  }
  const bytes = await readBodyCapped(request, maxBytes);
  if (bytes.byteLength === 0) throw new RequestBodyError(400, "the request body is empty");
  if (format)
    return { inputs: [{ kind: "stream", name: "request body", format, bytes: once(bytes) }], problems: [] };

  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new RequestBodyError(
      400,
      `malformed JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const list = articleList(value);
  if (!list)
    throw new RequestBodyError(
      400,
      'expected an article object, an array of articles, or {"articles": [...]}',
    );
  const problems: IngestProblem[] = [];
  const articles: (ParsedArticle & { url: string | null })[] = [];
  list.forEach((item, index) => {
    const parsed = articleSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          input: `articles[${index}]${issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`,
          reason: issue.message,
        });
      }
      return;
    }
    const a = parsed.data;
    articles.push({
      title: a.title,
      body: a.body.trim(),
      source: a.source,
      url: a.url,
      comments: a.comments,
    });
  });
  return {
    inputs: articles.length > 0 ? [{ kind: "articles", name: "request body", articles }] : [],
    problems,
  };
}
