import { createHash } from "node:crypto";

/** One OSACT 2020 tweet: the columns of bench/data/osact2020/train.tsv. */
export interface OsactRow {
  id: string;
  text: string;
  offensive: boolean;
  hate: boolean;
}

/**
 * Parses the OSACT TSV (header `id text offensive hate`), splitting on tabs without quote
 * handling, as the dataset README requires. The literal `<LF>` marks line breaks in a tweet and
 * becomes "\n" so that sentence-scoped rules see it.
 */
export function parseOsactTsv(content: string, name = "osact"): OsactRow[] {
  const lines = content.split("\n");
  const header = (lines[0] ?? "").replace(/\r$/, "");
  if (header !== "id\ttext\toffensive\thate")
    throw new Error(`${name}:1: expected header 'id<TAB>text<TAB>offensive<TAB>hate'`);
  const rows: OsactRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    if (line === "") continue;
    const cells = line.split("\t");
    if (cells.length !== 4)
      throw new Error(`${name}:${i + 1}: expected 4 tab-separated columns, got ${cells.length}`);
    const [id, text, offensive, hate] = cells as [string, string, string, string];
    if (!/^[01]$/.test(offensive) || !/^[01]$/.test(hate))
      throw new Error(`${name}:${i + 1}: labels must be 0 or 1`);
    rows.push({ id, text: text.replaceAll("<LF>", "\n"), offensive: offensive === "1", hate: hate === "1" });
  }
  return rows;
}

export type OsactSplit = "train" | "validation";

/** Share of each class held out for validation. */
export const OSACT_VALIDATION_SHARE = 0.15;

function idHash(id: string): string {
  return createHash("sha256").update(`raqib-osact-split:${id}`).digest("hex");
}

/**
 * The fixed, stratified validation split: within each class (offensive or not), rows are
 * ordered by sha256 of their id and the first 15% go to validation. Depends only on the ids and
 * labels, so evaluation and lexicon induction always agree on it.
 */
export function splitOsact(rows: OsactRow[]): Record<OsactSplit, OsactRow[]> {
  const validationIds = new Set<string>();
  for (const label of [true, false]) {
    const group = rows
      .filter((r) => r.offensive === label)
      .map((r) => ({ id: r.id, hash: idHash(r.id) }))
      .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    const take = Math.round(group.length * OSACT_VALIDATION_SHARE);
    for (const item of group.slice(0, take)) validationIds.add(item.id);
  }
  return {
    train: rows.filter((r) => !validationIds.has(r.id)),
    validation: rows.filter((r) => validationIds.has(r.id)),
  };
}
