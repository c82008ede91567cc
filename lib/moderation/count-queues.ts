import "server-only";
import { getPool } from "../db/pool.ts";
import { buildQueueFilter } from "./build-queue-filter.ts";
import { QUEUES, type Queue, type QueueFilter } from "./queue-params.ts";

/** Counts stop here: beyond it a queue shows "1,000+", so a count never scans a million rows. */
export const COUNT_CAP = 1_000;

export interface QueueCount {
  count: number;
  /** True when there are more than COUNT_CAP (count is then COUNT_CAP). */
  capped: boolean;
}

/** The count query, for countQueues and for EXPLAIN in bench/queue. */
export function queueCountsQuery(filter: QueueFilter, viewerId: string): { sql: string; values: unknown[] } {
  const params: unknown[] = [];
  const parts = QUEUES.map((queue) => {
    const where = buildQueueFilter({ ...filter, queue }, viewerId, params.length + 1);
    params.push(...where.params);
    return `(SELECT count(*)::int FROM (SELECT 1 FROM comment c WHERE ${where.sql} LIMIT ${COUNT_CAP + 1}) s) AS "${queue}"`;
  });
  return { sql: `SELECT ${parts.join(", ")}`, values: params };
}

/** How many comments each queue holds under the other filters, each counted up to COUNT_CAP. */
export async function countQueues(filter: QueueFilter, viewerId: string): Promise<Record<Queue, QueueCount>> {
  const { sql, values } = queueCountsQuery(filter, viewerId);
  const { rows } = await getPool().query<Record<Queue, number>>(sql, values);
  const row = rows[0];
  if (!row) throw new Error("queue counts: the count query returned no row");
  return Object.fromEntries(
    QUEUES.map((q) => [q, { count: Math.min(row[q], COUNT_CAP), capped: row[q] > COUNT_CAP }]),
  ) as Record<Queue, QueueCount>;
}
