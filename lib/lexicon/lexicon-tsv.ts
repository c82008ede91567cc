import type { LexiconProblem } from "../classifier/index.ts";
import { LEXICON_COLUMNS, type LexiconEntry } from "../classifier/index.ts";
import { validateEntry } from "../classifier/parse-lexicon.ts";
import type { LayerEntry } from "./layer-entry.ts";

/** Tabs and line breaks inside a cell would break the format: they become spaces. */
function cell(value: string | number | null | undefined): string {
  return String(value ?? "").replace(/[\t\r\n]+/g, " ");
}

/** Entries as a lexicon TSV file, in the format of lib/classifier/lexicons/*.tsv. */
export function formatLexiconTsv(entries: readonly LexiconEntry[]): string {
  const lines = [LEXICON_COLUMNS.join("\t")];
  for (const e of entries) {
    lines.push(
      [e.term, e.category, e.weight, e.language, e.target, e.side, e.flags.join(","), e.note]
        .map(cell)
        .join("\t"),
    );
  }
  return `${lines.join("\n")}\n`;
}

export interface TsvLineError {
  line: number;
  reason: string;
}

export interface ParsedTsv {
  entries: (LayerEntry & { line: number })[];
  errors: TsvLineError[];
}

/** Largest TSV accepted for import: a few times the whole shipped lexicon. */
export const MAX_TSV_BYTES = 2 * 1024 * 1024;

/**
 * Parses an uploaded lexicon TSV: the header line of the shipped files first (comment lines
 * starting with # and blank lines are skipped anywhere), then one entry per line. Every bad
 * line is reported with its number and reason; the good lines are returned as `set` rows.
 */
export function parseLexiconTsvUpload(text: string): ParsedTsv {
  const entries: ParsedTsv["entries"] = [];
  const errors: TsvLineError[] = [];
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  let sawHeader = false;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const number = index + 1;
    if (line.trim() === "" || line.startsWith("#")) return;
    const cells = line.split("\t");
    if (!sawHeader) {
      sawHeader = true;
      const header = cells.map((c) => c.trim()).join("\t");
      if (header !== LEXICON_COLUMNS.join("\t")) {
        errors.push({
          line: number,
          reason: `the first line must be the header '${LEXICON_COLUMNS.join("<TAB>")}', got '${cells.map((c) => c.trim()).join("<TAB>")}'`,
        });
      }
      return;
    }
    if (cells.length !== LEXICON_COLUMNS.length) {
      errors.push({
        line: number,
        reason: `expected ${LEXICON_COLUMNS.length} tab-separated columns (${LEXICON_COLUMNS.join(", ")}), got ${cells.length}`,
      });
      return;
    }
    const [term, category, weight, language, target, side, flags, note] = cells.map((c) => c.trim()) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const problems: LexiconProblem[] = [];
    const valid = validateEntry(
      { term, category, weight, language, target, side, flags, note },
      `line ${number}`,
      problems,
    );
    if (!valid) {
      errors.push({ line: number, reason: problems.map((p) => p.message).join("; ") });
      return;
    }
    const entry: LayerEntry = {
      op: "set",
      term: valid.term,
      category: valid.category,
      weight: valid.weight,
      language: valid.language,
      target: valid.target ?? null,
      side: valid.side ?? null,
      flags: valid.flags.join(","),
      note: valid.note,
    };
    entries.push({ ...entry, line: number });
  });
  if (!sawHeader) errors.push({ line: 1, reason: "the file is empty: expected the header line and entries" });
  return { entries, errors };
}
