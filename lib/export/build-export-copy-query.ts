import { STANCE_TARGETS } from "../classifier/types.ts";
import { buildExportQuery } from "./build-export-query.ts";
import type { ExportOptions } from "./export-options.ts";

/**
 * The fast path of the CSV and JSONL exports. PostgreSQL sends the cells through
 * `COPY … TO STDOUT (FORMAT binary)` and copy-export-lines.ts writes CSV or JSONL from those
 * bytes without turning rows into JavaScript objects; only a comment's labels (one row in five,
 * say) become objects, for the consensus and agreement, which are computed by the same
 * functions as in the reference path (shapeExportRecord + csvLines/jsonlLines, which the
 * preview and the HF writer use). export-lines.test.ts holds the two paths to the same output.
 */

/** How a cell is written. */
export type CellKind =
  /** text: a JSON string; in CSV formula-neutralised and quoted as needed (user-written text) */
  | "user-text"
  /** text that never starts with a formula character (enums, ids): JSON string, CSV quoted as needed */
  | "text"
  /** a number or boolean as text, or JSON text: written as is in JSONL; CSV quoted as needed */
  | "literal"
  /** a timestamptz in binary: ISO 8601 UTC with milliseconds, as the reference path writes it */
  | "timestamp"
  /** a user id, written as the export's annotator name (pseudonym or id) */
  | "annotator";

/** A value worked out in Node from the comment's labels (see copy-export-lines.ts). */
export type ComputedField =
  | "labels"
  | "consensus.insult"
  | "consensus.sentiment"
  | "consensus.stance"
  | `consensus.stance.${string}`
  | "consensus.unanimous"
  | "agreement"
  | "annotators";

/** One output cell (CSV) or key (JSONL): a COPY column, or a value computed from the labels. */
export type OutputField = { key: string } & (
  | { column: number; kind: CellKind }
  | { computed: ComputedField }
);

export interface ExportCopyQuery {
  /** The COPY statement (no placeholders: COPY takes none, so values are inlined as literals). */
  sql: string;
  columnCount: number;
  /** The COPY columns holding the labels as parallel arrays (see LABEL_ARRAYS). */
  labelColumns: Record<(typeof LABEL_ARRAYS)[number], number>;
  /** JSONL keys in order, dotted for nested objects; CSV columns in order. */
  jsonl: OutputField[];
  csv: OutputField[];
}

/** The labels of a comment as parallel arrays, one element per label, ordered by user id. */
export const LABEL_ARRAYS = ["user_id", "role", "insult", "sentiment", "stance", "labelled_at"] as const;

/** A parameter as a SQL literal. Every placeholder of buildQueueFilter has a cast after it. */
function literal(value: unknown, quoteLiteral: (text: string) => string): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`export: the filter value ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === "string") return quoteLiteral(value);
  throw new Error(`export: unexpected filter value of type ${typeof value}`);
}

/**
 * The export as one COPY: same rows, same order as buildExportQuery, with the cells the CSV and
 * JSONL layouts name. `quoteLiteral` quotes a string literal (pg's escapeLiteral).
 */
export function buildExportCopyQuery(
  options: ExportOptions,
  viewerId: string | null,
  quoteLiteral: (text: string) => string,
): ExportCopyQuery {
  const base = buildExportQuery(options, viewerId);
  const perAnnotator = options.rows === "annotator";
  const decided = "c.status IN ('approved', 'rejected')";
  const sql: string[] = [];
  const col = (expression: string) => {
    sql.push(expression);
    return sql.length - 1;
  };
  const cell = (key: string, expression: string, kind: CellKind): OutputField => ({
    key,
    column: col(expression),
    kind,
  });
  const computed = (key: string, field: ComputedField): OutputField => ({ key, computed: field });

  const id = cell("comment_id", "c.id::text", "literal");
  const comment = [
    cell("source", "s.name", "user-text"),
    cell("article_url", "a.url", "user-text"),
    cell("article_title", "a.title", "user-text"),
    cell("author", "c.author", "user-text"),
    cell("title", "c.title", "user-text"),
    cell("body", "c.body", "user-text"),
    cell("created_at", "c.posted_at", "timestamp"),
    cell("ingested_at", "c.ingested_at", "timestamp"),
    cell("language", "c.language", "user-text"),
    cell("status", "c.status::text", "text"),
    cell("final_decision", `CASE WHEN ${decided} THEN c.status::text END`, "text"),
    cell("decided_at", `CASE WHEN ${decided} THEN dec.created_at END`, "timestamp"),
  ];
  const insult = cell("classifier.insult", "c.insult::text", "literal");
  const score = cell("classifier.insult_score", "c.insult_score::text", "literal");
  const sentiment = cell("classifier.sentiment", "c.sentiment::text", "text");
  const stanceJson = cell("classifier.stance", "COALESCE(c.stance, '{}'::jsonb)::text", "literal");
  const stanceCells = STANCE_TARGETS.map((t) =>
    cell(`classifier_stance_${t}`, `c.stance ->> '${t}'`, "text"),
  );
  const version = cell("classifier.lexicon_version", "v.lexicon_version", "user-text");
  const matches = cell("classifier.matches", "COALESCE(c.matches, '[]'::jsonb)::text", "literal");
  const classifiedAt = cell("classifier.classified_at", "v.classified_at", "timestamp");
  const labelColumns = {
    user_id: col("lab.user_ids"),
    role: col("lab.roles"),
    insult: col("lab.insults"),
    sentiment: col("lab.sentiments"),
    stance: col("lab.stances"),
    labelled_at: col("lab.labelled_at"),
  };
  const consensusJson = [
    computed("consensus.insult", "consensus.insult"),
    computed("consensus.sentiment", "consensus.sentiment"),
    computed("consensus.stance", "consensus.stance"),
    computed("consensus.unanimous", "consensus.unanimous"),
    computed("agreement", "agreement"),
    computed("annotators", "annotators"),
  ];
  const consensusCsv = [
    computed("consensus_insult", "consensus.insult"),
    computed("consensus_sentiment", "consensus.sentiment"),
    ...STANCE_TARGETS.map((t) => computed(`consensus_stance_${t}`, `consensus.stance.${t}`)),
    computed("consensus_unanimous", "consensus.unanimous"),
    computed("agreement", "agreement"),
    computed("annotators", "annotators"),
  ];
  const rename = (field: OutputField, key: string): OutputField => ({ ...field, key });
  const csvComment = [
    id,
    ...comment,
    rename(insult, "classifier_insult"),
    rename(score, "classifier_insult_score"),
    rename(sentiment, "classifier_sentiment"),
    ...stanceCells,
    rename(version, "lexicon_version"),
    rename(matches, "matched_spans"),
    rename(classifiedAt, "classified_at"),
  ];
  const jsonlComment = [id, ...comment, insult, score, sentiment, stanceJson, version, matches, classifiedAt];

  let jsonl: OutputField[];
  let csv: OutputField[];
  if (perAnnotator) {
    const annotator = cell("label.annotator", "l1.user_id", "annotator");
    const role = cell("label.role", "u1.role::text", "text");
    const labelInsult = cell("label.insult", "l1.insult::text", "literal");
    const labelSentiment = cell("label.sentiment", "l1.sentiment::text", "text");
    const labelStance = cell("label.stance", "COALESCE(l1.stance, '{}'::jsonb)::text", "literal");
    const labelStanceCells = STANCE_TARGETS.map((t) =>
      cell(`label_stance_${t}`, `l1.stance ->> '${t}'`, "text"),
    );
    const labelledAt = cell("label.labelled_at", "l1.updated_at", "timestamp");
    // JSONL: the record without `labels`, then `label`; CSV: annotator columns before consensus.
    jsonl = [
      ...jsonlComment,
      ...consensusJson,
      annotator,
      role,
      labelInsult,
      labelSentiment,
      labelStance,
      labelledAt,
    ];
    csv = [
      ...csvComment,
      rename(annotator, "annotator"),
      rename(role, "annotator_role"),
      rename(labelInsult, "label_insult"),
      rename(labelSentiment, "label_sentiment"),
      ...labelStanceCells,
      rename(labelledAt, "labelled_at"),
      ...consensusCsv,
    ];
  } else {
    jsonl = [...jsonlComment, computed("labels", "labels"), ...consensusJson];
    csv = [...csvComment, computed("labels", "labels"), ...consensusCsv];
  }

  // COPY takes no placeholders: each $n of the filter becomes its literal, in one pass so that
  // a value containing "$2" is never read as a placeholder.
  const from = base.sql
    .slice(base.sql.indexOf("\n  FROM comment c"), base.sql.lastIndexOf("\n ORDER BY"))
    .replace(/\$(\d+)/g, (_, n: string) => literal(base.params[Number(n) - 1], quoteLiteral));
  // Labels and the latest decision come from one merge join each rather than a subquery per row.
  const joins = from.replace(
    "\n WHERE",
    `
  LEFT JOIN (SELECT l.comment_id,
                    array_agg(l.user_id ORDER BY l.user_id) AS user_ids,
                    array_agg(u.role::text ORDER BY l.user_id) AS roles,
                    array_agg(l.insult::text ORDER BY l.user_id) AS insults,
                    array_agg(l.sentiment::text ORDER BY l.user_id) AS sentiments,
                    array_agg(COALESCE(l.stance, '{}'::jsonb)::text ORDER BY l.user_id) AS stances,
                    array_agg(l.updated_at ORDER BY l.user_id) AS labelled_at
               FROM comment_label l JOIN "user" u ON u.id = l.user_id
              GROUP BY l.comment_id) lab ON lab.comment_id = c.id
  LEFT JOIN (SELECT DISTINCT ON (d.comment_id) d.comment_id, d.created_at FROM comment_decision d
              ORDER BY d.comment_id, d.created_at DESC, d.id DESC) dec ON dec.comment_id = c.id${
                perAnnotator
                  ? `\n  JOIN comment_label l1 ON l1.comment_id = c.id JOIN "user" u1 ON u1.id = l1.user_id`
                  : ""
              }
 WHERE`,
  );
  const body = `SELECT ${sql.join(",\n       ")}${joins}\n ORDER BY c.id${perAnnotator ? ", l1.user_id" : ""}`;
  return {
    // The comment names the export in pg_stat_activity, as the cursor of the reference path does.
    sql: `/* raqib_export */ COPY (${body}) TO STDOUT (FORMAT binary)`,
    columnCount: sql.length,
    labelColumns,
    jsonl,
    csv,
  };
}
