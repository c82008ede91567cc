import "server-only";
import { recordAuditEvent } from "../auth/audit.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { type Actor, replaceDraft } from "./edit-draft.ts";
import { LexiconInputError } from "./errors.ts";
import { getDraftLayer } from "./get-draft.ts";
import { compileLayer, getPublishedLexicon } from "./get-published-lexicon.ts";
import type { LayerEntry } from "./layer-entry.ts";
import { layerFromJson } from "./layer-rows.ts";
import { startPublicationJob } from "./start-publication-job.ts";

export interface PublishOptions {
  note?: string;
  /** Starts the background re-classification; the default spawns `raqib reclassify --job ID`. */
  startJob?: (publicationId: number) => void;
}

export interface Publication {
  publicationId: number;
  versionId: number;
  version: string;
  total: number;
}

type Tx = Prisma.TransactionClient;

/** The lexicon_version row for a layer, created the first time it is published. */
async function versionRow(tx: Tx, layer: LayerEntry[], by: Actor): Promise<{ id: number; version: string }> {
  const layered = compileLayer(layer);
  const version = layered.compiled.version;
  const existing = await tx.lexiconVersion.findUnique({
    where: { version },
    select: { id: true, version: true },
  });
  if (existing) return existing;
  return tx.lexiconVersion.create({
    data: {
      version,
      filesVersion: compileLayer([]).compiled.version,
      layer: layer as unknown as Prisma.InputJsonValue,
      entryCount: layered.compiled.entries.length,
      createdById: by.actor.userId ?? null,
      createdByLabel: by.actor.label ?? "unknown",
    },
    select: { id: true, version: true },
  });
}

async function publishLayer(
  layer: LayerEntry[],
  kind: "publish" | "rollback",
  by: Actor,
  options: PublishOptions,
): Promise<Publication> {
  const note = (options.note ?? "").trim().slice(0, 2_000);
  const published = await getPublishedLexicon();
  const target = compileLayer(layer).compiled.version;
  if (target === published.layered.compiled.version)
    throw new LexiconInputError(`version ${target} is already the published lexicon`, "version");
  const publication = await getDb().$transaction(
    async (tx) => {
      // Serialise publishers: two at once would race for "the newest publication".
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7210010)`;
      // The shipped files are a version too, so that one can roll back to them.
      if (published.publicationId === null) {
        const base = await versionRow(tx, [], { actor: { label: "shipped files" } });
        if ((await tx.lexiconPublication.count()) === 0 && base.version !== target) {
          await tx.lexiconPublication.create({
            data: {
              versionId: base.id,
              kind: "publish",
              note: "shipped lexicon files",
              publishedByLabel: "shipped files",
              state: "succeeded",
              finishedAt: new Date(),
            },
          });
        }
      }
      const row = await versionRow(tx, layer, by);
      await tx.lexiconPublication.updateMany({
        where: { state: { in: ["queued", "running", "failed"] } },
        data: { state: "superseded", finishedAt: new Date() },
      });
      const total = Number(
        (
          await tx.$queryRaw<
            { n: bigint }[]
          >`SELECT count(*) AS n FROM comment c LEFT JOIN comment_classification v ON v.comment_id = c.id
            WHERE v.lexicon_version IS DISTINCT FROM ${row.version}`
        )[0]?.n ?? 0,
      );
      const created = await tx.lexiconPublication.create({
        data: {
          versionId: row.id,
          kind,
          note,
          publishedById: by.actor.userId ?? null,
          publishedByLabel: by.actor.label ?? "unknown",
          total,
          state: total === 0 ? "succeeded" : "queued",
          finishedAt: total === 0 ? new Date() : null,
        },
      });
      if (kind === "rollback") await replaceDraft(tx, layer, by);
      await recordAuditEvent(
        {
          category: "lexicon",
          action: kind === "publish" ? "lexicon_published" : "lexicon_rolled_back",
          actor: by.actor,
          origin: by.origin,
          target: { type: "lexicon_version", id: row.version },
          before: { version: published.layered.compiled.version },
          after: { version: row.version, publication: created.id, note, comments: total },
        },
        tx,
      );
      return { publicationId: created.id, versionId: row.id, version: row.version, total };
    },
    { timeout: 60_000 },
  );
  if (publication.total > 0) (options.startJob ?? startPublicationJob)(publication.publicationId);
  return publication;
}

/**
 * Publishes the draft: a new lexicon version (hash of shipped files + draft layer, who, when,
 * note) becomes the one the app classifies with, and every comment is re-classified with it in
 * the background.
 */
export async function publishDraft(by: Actor, options: PublishOptions = {}): Promise<Publication> {
  return publishLayer(await getDraftLayer(), "publish", by, options);
}

/** Publishes an earlier version again (its layer becomes the draft too), re-classifying the same way. */
export async function rollBackLexicon(
  version: string,
  by: Actor,
  options: PublishOptions = {},
): Promise<Publication> {
  const row = await getDb().lexiconVersion.findUnique({ where: { version }, select: { layer: true } });
  if (!row) throw new LexiconInputError(`lexicon version '${version}' does not exist`, "version");
  return publishLayer(layerFromJson(row.layer), "rollback", by, options);
}
