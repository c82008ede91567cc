import { STANCE_TARGETS } from "../classifier/index.ts";
import type { ExportLabel, ExportRecord } from "./shape-export-record.ts";

export type CellValue = string | number | boolean | null | object;

export interface ExportColumn {
  name: string;
  /** `label` is the annotator's label in per-annotator rows, undefined in per-comment rows. */
  get(record: ExportRecord, label: ExportLabel | undefined): CellValue;
}

const column = (name: string, get: ExportColumn["get"]): ExportColumn => ({ name, get });

/** The columns `raqib ingest` reads come first, under the names it reads them by. */
const COMMENT_COLUMNS: ExportColumn[] = [
  column("comment_id", (r) => r.comment_id),
  column("source", (r) => r.source),
  column("article_url", (r) => r.article_url),
  column("article_title", (r) => r.article_title),
  column("author", (r) => r.author),
  column("title", (r) => r.title),
  column("body", (r) => r.body),
  column("created_at", (r) => r.created_at),
  column("ingested_at", (r) => r.ingested_at),
  column("language", (r) => r.language),
  column("status", (r) => r.status),
  column("final_decision", (r) => r.final_decision),
  column("decided_at", (r) => r.decided_at),
  column("classifier_insult", (r) => r.classifier.insult),
  column("classifier_insult_score", (r) => r.classifier.insult_score),
  column("classifier_sentiment", (r) => r.classifier.sentiment),
  ...STANCE_TARGETS.map((t) => column(`classifier_stance_${t}`, (r) => r.classifier.stance[t] ?? null)),
  column("lexicon_version", (r) => r.classifier.lexicon_version),
  column("matched_spans", (r) => r.classifier.matches),
  column("classified_at", (r) => r.classifier.classified_at),
];

const CONSENSUS_COLUMNS: ExportColumn[] = [
  column("consensus_insult", (r) => r.consensus.insult),
  column("consensus_sentiment", (r) => r.consensus.sentiment),
  ...STANCE_TARGETS.map((t) => column(`consensus_stance_${t}`, (r) => r.consensus.stance[t] ?? null)),
  column("consensus_unanimous", (r) => (r.annotators === 0 ? null : r.consensus.unanimous)),
  column("agreement", (r) => r.agreement),
  column("annotators", (r) => r.annotators),
];

const ANNOTATOR_COLUMNS: ExportColumn[] = [
  column("annotator", (_r, l) => l?.annotator ?? null),
  column("annotator_role", (_r, l) => l?.role ?? null),
  column("label_insult", (_r, l) => l?.insult ?? null),
  column("label_sentiment", (_r, l) => l?.sentiment ?? null),
  ...STANCE_TARGETS.map((t) => column(`label_stance_${t}`, (_r, l) => l?.stance[t] ?? null)),
  column("labelled_at", (_r, l) => l?.labelled_at ?? null),
];

/**
 * The CSV columns. Per comment: every label as JSON in `labels` (one cell keeps any number of
 * annotators) plus the consensus; per annotator: that annotator's labels flattened.
 */
export function exportColumns(rows: "comment" | "annotator"): ExportColumn[] {
  return rows === "comment"
    ? [...COMMENT_COLUMNS, column("labels", (r) => r.labels), ...CONSENSUS_COLUMNS]
    : [...COMMENT_COLUMNS, ...ANNOTATOR_COLUMNS, ...CONSENSUS_COLUMNS];
}
