import { LexiconError, type LexiconProblem } from "./errors.ts";
import { normaliseTerm } from "./normalise.ts";
import {
  LEXICON_CATEGORIES,
  LEXICON_FLAGS,
  LEXICON_LANGUAGES,
  type LexiconCategory,
  type LexiconEntry,
  type LexiconFlag,
  type LexiconLanguage,
  STANCE_TARGETS,
  type StanceSide,
  type StanceTarget,
} from "./types.ts";

/** The header every lexicon file starts with, tab-separated. */
export const LEXICON_COLUMNS = [
  "term",
  "category",
  "weight",
  "language",
  "target",
  "side",
  "flags",
  "note",
] as const;

/** A lexicon row before validation, e.g. from a database edit layered over the files. */
export interface LexiconEntryInput {
  term: string;
  category: string;
  weight: number | string;
  language: string;
  target?: string | null;
  side?: string | null;
  flags?: string | string[] | null;
  note?: string | null;
}

/** Intensifiers multiply; every other category's weight is a strength between 0 and 1. */
const MAX_INTENSIFIER = 3;

/** Validates one row; pushes problems and returns undefined when the row is unusable. */
export function validateEntry(
  input: LexiconEntryInput,
  source: string,
  problems: LexiconProblem[],
): LexiconEntry | undefined {
  const before = problems.length;
  const fail = (message: string) => problems.push({ location: source, message });
  const term = input.term.trim();
  if (term === "") fail("term is empty");
  else if (normaliseTerm(term).replace(/[ .,"-]/g, "") === "")
    fail(`term '${term}' has no letters after normalisation`);
  const category = input.category.trim() as LexiconCategory;
  if (!LEXICON_CATEGORIES.includes(category)) {
    fail(`unknown category '${input.category}' (expected one of ${LEXICON_CATEGORIES.join(", ")})`);
  }
  const weight = typeof input.weight === "number" ? input.weight : Number(input.weight.trim());
  const maxWeight = category === "intensifier" ? MAX_INTENSIFIER : 1;
  if (
    (typeof input.weight === "string" && input.weight.trim() === "") ||
    !Number.isFinite(weight) ||
    weight <= 0 ||
    weight > maxWeight
  ) {
    fail(`weight '${input.weight}' must be a number in (0, ${maxWeight}]`);
  }
  const language = input.language.trim() as LexiconLanguage;
  if (!LEXICON_LANGUAGES.includes(language)) {
    fail(`unknown language '${input.language}' (expected one of ${LEXICON_LANGUAGES.join(", ")})`);
  }
  const targetText = (input.target ?? "").trim();
  const sideText = (input.side ?? "").trim();
  const needsTarget = category === "stance" || category === "entity";
  let target: StanceTarget | undefined;
  if (targetText !== "") {
    if (!STANCE_TARGETS.includes(targetText as StanceTarget)) {
      fail(`unknown target '${targetText}' (expected one of ${STANCE_TARGETS.join(", ")})`);
    } else if (!needsTarget) fail(`target is only allowed for stance and entity rows, not ${category}`);
    else target = targetText as StanceTarget;
  } else if (needsTarget) fail(`${category} rows need a target`);
  let side: StanceSide | undefined;
  if (sideText !== "") {
    if (sideText !== "favor" && sideText !== "against") fail(`side '${sideText}' must be favor or against`);
    else if (category !== "stance") fail("side is only allowed for stance rows");
    else side = sideText;
  } else if (category === "stance") fail("stance rows need a side (favor or against)");
  const flagList = Array.isArray(input.flags)
    ? input.flags
    : (input.flags ?? "")
        .split(",")
        .map((f) => f.trim())
        .filter((f) => f !== "");
  const flags: LexiconFlag[] = [];
  for (const flag of flagList) {
    if (!LEXICON_FLAGS.includes(flag as LexiconFlag)) {
      fail(`unknown flag '${flag}' (expected ${LEXICON_FLAGS.join(", ")})`);
    } else flags.push(flag as LexiconFlag);
  }
  if (flags.includes("context") && category !== "exception")
    fail("flag 'context' is only for exception rows");
  if (problems.length > before) return undefined;
  const entry: LexiconEntry = {
    term,
    category,
    weight,
    language,
    flags,
    note: (input.note ?? "").trim(),
    source,
  };
  if (target) entry.target = target;
  if (side) entry.side = side;
  return entry;
}

/**
 * Parses one lexicon TSV file. The first non-comment line must be the header; blank lines and
 * lines starting with # are skipped. Returns entries and collects problems with line numbers.
 */
export function parseLexiconTsv(name: string, content: string, problems: LexiconProblem[]): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  const lines = content.split("\n");
  let sawHeader = false;
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? "").replace(/\r$/, "");
    const location = `${name}:${index + 1}`;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const cells = line.split("\t");
    if (!sawHeader) {
      sawHeader = true;
      const header = cells.map((c) => c.trim());
      if (header.join("\t") !== LEXICON_COLUMNS.join("\t")) {
        problems.push({
          location,
          message: `header must be '${LEXICON_COLUMNS.join("<TAB>")}', got '${header.join("<TAB>")}'`,
        });
        return entries;
      }
      continue;
    }
    if (cells.length !== LEXICON_COLUMNS.length) {
      problems.push({
        location,
        message: `expected ${LEXICON_COLUMNS.length} tab-separated columns, got ${cells.length}`,
      });
      continue;
    }
    const [term, category, weight, language, target, side, flags, note] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const entry = validateEntry(
      { term, category, weight, language, target, side, flags, note },
      location,
      problems,
    );
    if (entry) entries.push(entry);
  }
  if (!sawHeader) problems.push({ location: `${name}:1`, message: "file has no header row" });
  return entries;
}

/** Parses and validates; throws LexiconError listing every problem. */
export function parseLexiconFiles(files: { name: string; content: string }[]): LexiconEntry[] {
  const problems: LexiconProblem[] = [];
  const entries = files.flatMap((file) => parseLexiconTsv(file.name, file.content, problems));
  if (problems.length > 0) throw new LexiconError(problems);
  return entries;
}
