import "server-only";
import { getPool } from "../db/pool.ts";
import { buildExportCountQuery } from "./build-export-query.ts";
import type { ExportOptions } from "./export-options.ts";

/** How many rows the export will write (comments, or labels with `rows=annotator`). */
export async function countExportRows(
  options: ExportOptions,
  viewerId: string | null = null,
): Promise<number> {
  const { sql, params } = buildExportCountQuery(options, viewerId);
  const result = await getPool().query<{ n: number }>(sql, params);
  return result.rows[0]?.n ?? 0;
}
