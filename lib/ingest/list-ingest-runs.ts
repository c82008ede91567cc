import "server-only";
import { z } from "zod";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

export const ingestRunFilterSchema = z.object({
  status: z.enum(["running", "succeeded", "partial", "failed"]).optional().catch(undefined),
  via: z.enum(["cli", "http", "seed"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type IngestRunFilter = z.infer<typeof ingestRunFilterSchema>;

const ingestRunListSelect = {
  id: true,
  actor: true,
  via: true,
  inputs: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  articlesAdded: true,
  commentsAdded: true,
  duplicates: true,
  rejected: true,
} satisfies Prisma.IngestRunSelect;

export type IngestRunListItem = Prisma.IngestRunGetPayload<{ select: typeof ingestRunListSelect }>;

const PAGE_SIZE = 50;

/** Ingest runs, newest first, for the admin page. */
export async function listIngestRuns(filter: IngestRunFilter) {
  const where: Prisma.IngestRunWhereInput = { status: filter.status, via: filter.via };
  const db = getDb();
  const [data, count] = await Promise.all([
    db.ingestRun.findMany({
      where,
      select: ingestRunListSelect,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.ingestRun.count({ where }),
  ]);
  return { data, count, page: filter.page, pageSize: PAGE_SIZE };
}

/** One run with its errors, or null. */
export async function getIngestRun(id: number) {
  return getDb().ingestRun.findUnique({ where: { id }, select: { ...ingestRunListSelect, errors: true } });
}
