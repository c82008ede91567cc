import "server-only";
import { type ReclassifyOptions, reclassifyComments } from "../classification/reclassify-comments.ts";
import { getDb } from "../db/client.ts";
import { compileLayer } from "./get-published-lexicon.ts";
import { layerFromJson } from "./layer-rows.ts";
import { storeTermCounts } from "./term-match-counts.ts";

export class JobSupersededError extends Error {
  constructor(publicationId: number) {
    super(`publication ${publicationId} was superseded by a later publication`);
    this.name = "JobSupersededError";
  }
}

export interface JobSummary {
  publicationId: number;
  version: string;
  state: "succeeded" | "failed" | "superseded";
  done: number;
  total: number;
  seconds: number;
  /** Comments whose results this run changed (the others only got the new version). */
  changed?: number;
  error?: string;
}

/**
 * Runs (or resumes) the re-classification a publication started: every comment not yet on its
 * version, from the last comment id the job recorded, with progress written after each batch.
 * A failure is recorded on the row (state failed, error) and the next run resumes after the
 * last committed batch. A newer publication stops it (state superseded).
 */
export async function runPublicationJob(
  publicationId: number,
  options: Pick<ReclassifyOptions, "batchSize" | "onProgress"> & {
    /** Called after each batch is recorded (tests use it to simulate a crash). */
    afterBatch?: (done: number) => void;
  } = {},
): Promise<JobSummary> {
  const db = getDb();
  const started = performance.now();
  const publication = await db.lexiconPublication.findUnique({
    where: { id: publicationId },
    include: { lexiconVersion: { select: { version: true, layer: true } } },
  });
  if (!publication) throw new Error(`lexicon job ${publicationId} does not exist`);
  const version = publication.lexiconVersion.version;
  const summary = (state: JobSummary["state"], done: number, total: number, error?: string): JobSummary => ({
    publicationId,
    version,
    state,
    done,
    total,
    seconds: (performance.now() - started) / 1000,
    ...(error ? { error } : {}),
  });
  if (publication.state === "succeeded" || publication.state === "superseded")
    return summary(publication.state, publication.done, publication.total);
  const newer = await db.lexiconPublication.count({ where: { id: { gt: publicationId } } });
  if (newer > 0) {
    await db.lexiconPublication.update({
      where: { id: publicationId },
      data: { state: "superseded", finishedAt: new Date() },
    });
    return summary("superseded", publication.done, publication.total);
  }
  let alreadyDone = publication.done;
  let done = alreadyDone;
  try {
    const layered = compileLayer(layerFromJson(publication.lexiconVersion.layer));
    if (layered.compiled.version !== version) {
      throw new Error(
        `version ${version} cannot be rebuilt: the shipped lexicon files changed (they now give ${layered.compiled.version})`,
      );
    }
    // Batches written in parallel may have committed after the last recorded one: they are done.
    const ahead = Number(
      (
        await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM comment_classification
          WHERE lexicon_version = ${version} AND comment_id > ${publication.lastCommentId}`
      )[0]?.n ?? 0,
    );
    alreadyDone = publication.done + ahead;
    done = alreadyDone;
    const remaining = Number(
      (
        await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n
          FROM comment c LEFT JOIN comment_classification v ON v.comment_id = c.id
          WHERE v.lexicon_version IS DISTINCT FROM ${version} AND c.id > ${publication.lastCommentId}`
      )[0]?.n ?? 0,
    );
    await db.lexiconPublication.update({
      where: { id: publicationId },
      data: {
        state: "running",
        startedAt: publication.startedAt ?? new Date(),
        heartbeatAt: new Date(),
        error: null,
        total: alreadyDone + remaining,
      },
    });
    const run = await reclassifyComments(layered.compiled, {
      startAfterId: publication.lastCommentId,
      batchSize: options.batchSize,
      onProgress: options.onProgress,
      onBatch: async (batch) => {
        done = alreadyDone + batch.done;
        // One statement records progress and tells whether a newer publication took over.
        const rows = await db.$queryRaw<{ newer: boolean }[]>`
          UPDATE lexicon_publication SET done = ${done}, last_comment_id = ${batch.lastId}, heartbeat_at = now()
          WHERE id = ${publicationId}
          RETURNING EXISTS (SELECT 1 FROM lexicon_publication p WHERE p.id > ${publicationId}) AS newer`;
        if (rows[0]?.newer) throw new JobSupersededError(publicationId);
        options.afterBatch?.(done);
      },
    });
    const final = await db.lexiconPublication.update({
      where: { id: publicationId },
      data: { state: "succeeded", done, total: done, finishedAt: new Date(), heartbeatAt: new Date() },
    });
    // The entry table's match counts for this version, counted here in the background so the
    // page never has to scan every comment. Counting is not part of re-classifying: a failure is
    // logged and the page counts for itself.
    await storeTermCounts(publicationId).catch((error: unknown) =>
      console.error(
        `lexicon job ${publicationId}: term counts:`,
        error instanceof Error ? error.message : error,
      ),
    );
    return { ...summary("succeeded", final.done, final.total), changed: run.changed };
  } catch (error) {
    const superseded = error instanceof JobSupersededError;
    const message = error instanceof Error ? error.message : String(error);
    await db.lexiconPublication.update({
      where: { id: publicationId },
      data: {
        state: superseded ? "superseded" : "failed",
        error: superseded ? null : message.slice(0, 2_000),
        finishedAt: new Date(),
      },
    });
    return summary(
      superseded ? "superseded" : "failed",
      done,
      publication.total,
      superseded ? undefined : message,
    );
  }
}
