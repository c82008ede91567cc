import { STANCE_TARGETS } from "../classifier/index.ts";
import { type Consensus, computeConsensus } from "../moderation/compute-consensus.ts";
import type { StoredLabel } from "../moderation/label-comment.ts";
import { pseudonymiseAnnotator } from "./pseudonymise-annotator.ts";
import type { RawExportRow, RawLabel } from "./stream-export-rows.ts";

export interface ExportLabel {
  annotator: string;
  role: string;
  insult: boolean | null;
  sentiment: string | null;
  stance: Record<string, string>;
  labelled_at: string;
}

/** One comment as the export writes it (JSONL keeps this shape; CSV flattens it). */
export interface ExportRecord {
  comment_id: number;
  source: string | null;
  article_url: string | null;
  article_title: string;
  author: string | null;
  title: string | null;
  body: string;
  /** When the reader wrote it (the column `raqib ingest` reads back). */
  created_at: string | null;
  ingested_at: string;
  language: string | null;
  status: string;
  /** Approved or rejected → that; pending or escalated → null. */
  final_decision: string | null;
  decided_at: string | null;
  classifier: {
    insult: boolean | null;
    insult_score: number | null;
    sentiment: string | null;
    stance: Record<string, string>;
    lexicon_version: string | null;
    matches: unknown[];
    classified_at: string | null;
  };
  labels: ExportLabel[];
  consensus: {
    insult: boolean | null;
    sentiment: string | null;
    stance: Record<string, string>;
    unanimous: boolean;
  };
  /** Mean share of answers that agree with the most common answer, over the questions answered; null without labels. */
  agreement: number | null;
  annotators: number;
}

export interface ShapeOptions {
  annotators: "id" | "pseudonym";
  salt: string;
}

const NO_LABELS: ExportRecord["consensus"] = { insult: null, sentiment: null, stance: {}, unanimous: true };

function toStored(label: RawLabel): StoredLabel {
  return {
    insult: label.insult,
    sentiment: label.sentiment,
    stance: (label.stance ?? {}) as StoredLabel["stance"],
  };
}

function share(values: unknown[]): number | null {
  if (values.length === 0) return null;
  const counts = new Map<unknown, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Math.max(...counts.values()) / values.length;
}

/** Agreement over the questions at least one annotator answered (see ExportRecord.agreement). */
export function computeAgreement(labels: StoredLabel[]): number | null {
  const questions: (number | null)[] = [
    share(labels.flatMap((l) => (l.insult === null ? [] : [l.insult]))),
    share(labels.flatMap((l) => (l.sentiment === null ? [] : [l.sentiment]))),
    ...STANCE_TARGETS.map((t) => share(labels.flatMap((l) => (l.stance[t] ? [l.stance[t]] : [])))),
  ];
  const answered = questions.filter((q): q is number => q !== null);
  if (answered.length === 0) return null;
  return Math.round((answered.reduce((a, b) => a + b, 0) / answered.length) * 10_000) / 10_000;
}

function consensusOf(consensus: Consensus): ExportRecord["consensus"] {
  return {
    insult: consensus.insult,
    sentiment: consensus.sentiment,
    stance: consensus.stance as Record<string, string>,
    unanimous: consensus.unanimous,
  };
}

/** A database row → the export record, with consensus and agreement worked out here. */
export function shapeExportRecord(row: RawExportRow, options: ShapeOptions): ExportRecord {
  const raw = row.labels ?? [];
  const stored = raw.map(toStored);
  const decided = row.status === "approved" || row.status === "rejected";
  return {
    comment_id: row.id,
    source: row.source,
    article_url: row.article_url,
    article_title: row.article_title,
    author: row.author,
    title: row.title,
    body: row.body,
    created_at: row.posted_at,
    ingested_at: row.ingested_at,
    language: row.language,
    status: row.status,
    final_decision: decided ? row.status : null,
    decided_at: decided ? row.decided_at : null,
    classifier: {
      insult: row.insult,
      insult_score: row.insult_score,
      sentiment: row.sentiment,
      stance: row.stance ?? {},
      lexicon_version: row.lexicon_version,
      matches: row.matches ?? [],
      classified_at: row.classified_at,
    },
    labels: raw.map((label) => ({
      annotator:
        options.annotators === "id" ? label.user_id : pseudonymiseAnnotator(label.user_id, options.salt),
      role: label.role,
      insult: label.insult,
      sentiment: label.sentiment,
      stance: label.stance ?? {},
      labelled_at: label.labelled_at,
    })),
    // Most comments carry no labels: skip the consensus work for them.
    consensus: raw.length === 0 ? { ...NO_LABELS, stance: {} } : consensusOf(computeConsensus(stored)),
    agreement: raw.length === 0 ? null : computeAgreement(stored),
    annotators: raw.length,
  };
}
