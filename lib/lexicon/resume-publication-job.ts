import "server-only";
import { recordAuditEvent } from "../auth/audit.ts";
import { getDb } from "../db/client.ts";
import type { Actor } from "./edit-draft.ts";
import { LexiconInputError } from "./errors.ts";
import { startPublicationJob } from "./start-publication-job.ts";

/** A job is stalled when its process has written no progress for this long. */
export const STALLED_AFTER_MS = 60_000;

/**
 * Starts a failed (or stalled) re-classification again; it resumes after the last comment its
 * previous run committed. Only the newest publication's job can be resumed.
 */
export async function resumePublicationJob(
  publicationId: number,
  by: Actor,
  start: (id: number) => void = startPublicationJob,
): Promise<void> {
  const db = getDb();
  const publication = await db.lexiconPublication.findUnique({ where: { id: publicationId } });
  if (!publication) throw new LexiconInputError(`publication ${publicationId} does not exist`, "id");
  const newest = await db.lexiconPublication.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  if (newest?.id !== publicationId)
    throw new LexiconInputError(`publication ${publicationId} is not the current one`, "id");
  const stalled =
    (publication.state === "running" || publication.state === "queued") &&
    Date.now() - (publication.heartbeatAt ?? publication.publishedAt).getTime() > STALLED_AFTER_MS;
  if (publication.state !== "failed" && !stalled)
    throw new LexiconInputError(
      `publication ${publicationId} is ${publication.state}, not failed or stalled`,
      "id",
    );
  await db.lexiconPublication.update({
    where: { id: publicationId },
    data: { state: "queued", error: null },
  });
  await recordAuditEvent({
    category: "lexicon",
    action: "lexicon_job_resumed",
    actor: by.actor,
    origin: by.origin,
    target: { type: "lexicon_publication", id: publicationId },
    after: { done: publication.done, lastCommentId: publication.lastCommentId },
  });
  start(publicationId);
}
