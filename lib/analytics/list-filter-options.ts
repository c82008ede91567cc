import "server-only";
import { getDb } from "../db/client.ts";

export interface FilterOptions {
  sources: { id: number; name: string }[];
  languages: string[];
}

/** The choices for the filter bar's source and language menus. */
export async function listFilterOptions(): Promise<FilterOptions> {
  const db = getDb();
  const [sources, languages] = await Promise.all([
    db.source.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    // A loose index scan over comment(language): one probe per distinct value, not a full scan.
    db.$queryRaw<{ language: string }[]>`
      WITH RECURSIVE langs AS (
        (SELECT language FROM comment WHERE language IS NOT NULL ORDER BY language LIMIT 1)
        UNION ALL
        SELECT (SELECT c.language FROM comment c WHERE c.language > langs.language ORDER BY c.language LIMIT 1)
        FROM langs WHERE langs.language IS NOT NULL
      )
      SELECT language FROM langs WHERE language IS NOT NULL`,
  ]);
  return { sources, languages: languages.map((row) => row.language) };
}
