import type { SortableColumn } from "./queue-params.ts";

/** The sort column's SQL and how its values travel in a cursor. */
export const SORT_SQL: Record<SortableColumn, { column: string; nullable: boolean; cast: string }> = {
  id: { column: "c.id", nullable: false, cast: "int" },
  postedAt: { column: "c.posted_at", nullable: true, cast: "timestamptz" },
  insultScore: { column: "c.insult_score", nullable: true, cast: "real" },
};

/** A row's position in a sort order: its sort value (null sorts last ascending) and id. */
export interface QueueCursor {
  value: string | null;
  id: number;
}

export function encodeCursor(cursor: QueueCursor): string {
  return `${cursor.value ?? ""}~${cursor.id}`;
}

/** `value~id` → cursor; null when the text is not one (a hand-edited URL). */
export function decodeCursor(text: string | undefined, sort: SortableColumn): QueueCursor | null {
  if (!text) return null;
  const at = text.lastIndexOf("~");
  if (at < 0) return null;
  const id = Number(text.slice(at + 1));
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const raw = text.slice(0, at);
  if (raw === "") return SORT_SQL[sort].nullable ? { value: null, id } : null;
  if (sort === "postedAt") return Number.isNaN(Date.parse(raw)) ? null : { value: raw, id };
  return Number.isFinite(Number(raw)) ? { value: raw, id } : null;
}

/**
 * Keyset condition and ORDER BY for reading the rows after `cursor` in (sort, dir) order.
 * Nulls count as larger than every value (PostgreSQL's default), so both directions walk
 * the (column, id) index without a sort step.
 */
export function keysetSql(
  sort: SortableColumn,
  dir: "asc" | "desc",
  cursor: QueueCursor | null,
  firstParam: number,
): { where: string; orderBy: string; params: unknown[] } {
  const { column, nullable, cast } = SORT_SQL[sort];
  const orderBy =
    sort === "id" ? `c.id ${dir.toUpperCase()}` : `${column} ${dir.toUpperCase()}, c.id ${dir.toUpperCase()}`;
  if (!cursor) return { where: "TRUE", orderBy, params: [] };
  const v = `$${firstParam}::${cast}`;
  const i = `$${firstParam + 1}::int`;
  if (sort === "id")
    return { where: `c.id ${dir === "desc" ? "<" : ">"} $${firstParam}::int`, orderBy, params: [cursor.id] };
  const op = dir === "desc" ? "<" : ">";
  let where: string;
  if (cursor.value === null) {
    // Among the nulls (largest): descending continues through the nulls then every value;
    // ascending continues through the remaining nulls only.
    // (${v} is null here; naming it lets PostgreSQL type every parameter.)
    where =
      dir === "desc"
        ? `(${v} IS NULL AND ((${column} IS NULL AND c.id < ${i}) OR ${column} IS NOT NULL))`
        : `(${v} IS NULL AND ${column} IS NULL AND c.id > ${i})`;
  } else {
    where = `((${column}, c.id) ${op} (${v}, ${i})${dir === "asc" && nullable ? ` OR ${column} IS NULL` : ""})`;
  }
  return { where, orderBy, params: [cursor.value, cursor.id] };
}
