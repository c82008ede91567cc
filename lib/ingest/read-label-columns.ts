import { STANCE_TARGETS } from "../classifier/types.ts";

/** One annotator's labels on a comment, as a Raqib export writes them. */
export interface ImportedLabel {
  /** The annotator as the export names them: a user id or a pseudonym from the exporting install. */
  annotator: string;
  role: "admin" | "moderator" | "analyst" | null;
  insult: boolean | null;
  sentiment: "positive" | "negative" | "neutral" | null;
  stance: Record<string, "favor" | "against" | "none">;
  labelledAt: Date | null;
}

export class LabelColumnError extends Error {}

const SENTIMENTS = ["positive", "negative", "neutral"];
const SIDES = ["favor", "against", "none"];
const ROLES = ["admin", "moderator", "analyst"];

function bool(value: unknown, column: string): boolean | null {
  if (value === null || value === undefined || value === "") return null;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new LabelColumnError(`${column}: expected true, false or empty`);
}

function oneOf<T extends string>(value: unknown, allowed: string[], column: string): T | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" && allowed.includes(value)) return value as T;
  throw new LabelColumnError(`${column}: expected one of ${allowed.join(", ")}`);
}

function date(value: unknown, column: string): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = typeof value === "string" ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new LabelColumnError(`${column}: not a date`);
  return parsed;
}

function labelFrom(object: Record<string, unknown>, where: string): ImportedLabel {
  const annotator = object.annotator;
  if (typeof annotator !== "string" || annotator.trim() === "" || annotator.length > 200)
    throw new LabelColumnError(`${where}.annotator: missing`);
  const stance: ImportedLabel["stance"] = {};
  const rawStance = object.stance;
  if (rawStance !== null && rawStance !== undefined) {
    if (typeof rawStance !== "object" || Array.isArray(rawStance))
      throw new LabelColumnError(`${where}.stance: expected an object`);
    for (const [target, side] of Object.entries(rawStance as Record<string, unknown>)) {
      if (!(STANCE_TARGETS as readonly string[]).includes(target))
        throw new LabelColumnError(`${where}.stance: unknown target '${target}'`);
      const value = oneOf<"favor" | "against" | "none">(side, SIDES, `${where}.stance.${target}`);
      if (value) stance[target] = value;
    }
  }
  return {
    annotator: annotator.trim(),
    role: oneOf(object.role, ROLES, `${where}.role`),
    insult: bool(object.insult, `${where}.insult`),
    sentiment: oneOf(object.sentiment, SENTIMENTS, `${where}.sentiment`),
    stance,
    labelledAt: date(object.labelled_at, `${where}.labelled_at`),
  };
}

/**
 * The human labels in an exported row, or undefined when the row carries none. Reads each
 * shape Raqib's export writes: `labels` (a JSON array, or its text in a CSV cell), `label`
 * (one object per row, JSONL per annotator), or the flattened per-annotator CSV columns
 * (`annotator`, `annotator_role`, `label_insult`, `label_sentiment`, `label_stance_<target>`,
 * `labelled_at`).
 */
export function readLabelColumns(record: Record<string, unknown>): ImportedLabel[] | undefined {
  let labels = record.labels;
  if (typeof labels === "string") {
    // Only a JSON array is Raqib's; any other `labels` column is someone else's and ignored.
    if (!labels.trim().startsWith("[")) return undefined;
    try {
      labels = JSON.parse(labels);
    } catch {
      throw new LabelColumnError("labels: not a JSON array");
    }
  }
  if (labels !== undefined && labels !== null) {
    if (!Array.isArray(labels)) throw new LabelColumnError("labels: expected an array");
    return labels.map((l, i) => {
      if (typeof l !== "object" || l === null) throw new LabelColumnError(`labels[${i}]: expected an object`);
      return labelFrom(l as Record<string, unknown>, `labels[${i}]`);
    });
  }
  const label = record.label;
  // JSONL per-annotator rows carry one object; a plain `label` text column is not Raqib's.
  if (typeof label === "object" && label !== null && !Array.isArray(label))
    return [labelFrom(label as Record<string, unknown>, "label")];
  if (typeof record.annotator === "string" && record.annotator.trim() !== "") {
    const stance: Record<string, unknown> = {};
    for (const target of STANCE_TARGETS) {
      const side = record[`label_stance_${target}`];
      if (side !== undefined && side !== "") stance[target] = side;
    }
    return [
      labelFrom(
        {
          annotator: record.annotator,
          role: record.annotator_role,
          insult: record.label_insult,
          sentiment: record.label_sentiment,
          stance,
          labelled_at: record.labelled_at,
        },
        "label",
      ),
    ];
  }
  return undefined;
}
