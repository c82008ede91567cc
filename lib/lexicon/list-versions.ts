import "server-only";
import { getDb } from "../db/client.ts";

export interface PublicationRow {
  id: number;
  version: string;
  kind: string;
  note: string;
  publishedBy: string;
  publishedAt: Date;
  state: "queued" | "running" | "succeeded" | "failed" | "superseded";
  done: number;
  total: number;
  error: string | null;
  heartbeatAt: Date | null;
  entryCount: number;
  /** This is the newest publication: its version is the one in use. */
  current: boolean;
}

/** Every publish and roll-back, newest first, with its re-classification progress. */
export async function listPublications(take = 100): Promise<PublicationRow[]> {
  const rows = await getDb().lexiconPublication.findMany({
    orderBy: { id: "desc" },
    take,
    include: { lexiconVersion: { select: { version: true, entryCount: true } } },
  });
  return rows.map((r, index) => ({
    id: r.id,
    version: r.lexiconVersion.version,
    kind: r.kind,
    note: r.note,
    publishedBy: r.publishedByLabel,
    publishedAt: r.publishedAt,
    state: r.state,
    done: r.done,
    total: r.total,
    error: r.error,
    heartbeatAt: r.heartbeatAt,
    entryCount: r.lexiconVersion.entryCount,
    current: index === 0,
  }));
}

/** The newest publication's progress, for the progress indicator (null: nothing published yet). */
export async function currentPublication(): Promise<PublicationRow | null> {
  return (await listPublications(1))[0] ?? null;
}
