import "server-only";
import { getDb } from "../db/client.ts";
import type { IngestRunStatus } from "../db/generated/client.ts";

export interface IngestProblem {
  input: string;
  line?: number;
  reason: string;
}

export interface IngestSummary {
  runId: number;
  files: number;
  articlesAdded: number;
  commentsAdded: number;
  duplicates: number;
  rejected: number;
  errors: IngestProblem[];
  seconds: number;
}

/** Errors kept on the run row; the CLI prints them all, the row keeps the first ones. */
const MAX_STORED_ERRORS = 1000;

export async function startIngestRun(
  actor: string,
  via: "cli" | "http" | "seed",
  inputs: string[],
): Promise<number> {
  const run = await getDb().ingestRun.create({ data: { actor, via, inputs }, select: { id: true } });
  return run.id;
}

export function runStatus(summary: Omit<IngestSummary, "runId" | "seconds">): IngestRunStatus {
  if (summary.errors.length === 0) return "succeeded";
  return summary.articlesAdded + summary.commentsAdded + summary.duplicates > 0 ? "partial" : "failed";
}

export async function finishIngestRun(summary: IngestSummary): Promise<void> {
  await getDb().ingestRun.update({
    where: { id: summary.runId },
    data: {
      status: runStatus(summary),
      finishedAt: new Date(),
      articlesAdded: summary.articlesAdded,
      commentsAdded: summary.commentsAdded,
      duplicates: summary.duplicates,
      rejected: summary.rejected,
      errors: summary.errors.slice(0, MAX_STORED_ERRORS).map((e) => ({ ...e })),
    },
  });
}
