import { STANCE_TARGETS } from "../classifier/types.ts";
import { buildExportQuery, iso } from "./build-export-query.ts";
import type { ExportOptions } from "./export-options.ts";

/**
 * The fast path of the CSV and JSONL exports. PostgreSQL returns every cell as text (or NULL)
 * through `COPY … TO STDOUT (FORMAT binary)`, consensus and agreement included, and
 * copy-export-lines.ts turns those bytes into CSV or JSONL without decoding them into
 * JavaScript strings or objects: a million rows would otherwise mean a million row objects,
 * JSON parses and stringifications. The reference path (shapeExportRecord + csvLines /
 * jsonlLines), which the preview and the HF writer use, must write the same export up to the
 * whitespace inside nested JSON values; export-lines.test.ts holds the two to that.
 */

/** How a cell is written: a string, or text that is already a JSON/CSV literal. */
export type CellKind =
  /** text: a JSON string; in CSV formula-neutralised (user-written text) and quoted as needed */
  | "user-text"
  /** text that never starts with a formula character (dates, enums, ids): JSON string, CSV quoted as needed */
  | "text"
  /** a number or boolean as text, or JSON (object or array): written as is in JSONL; CSV quoted as needed */
  | "literal"
  /** a timestamptz in COPY's binary form, written as ISO 8601 UTC with milliseconds (as iso() does) */
  | "timestamp";

export interface CopyColumn {
  /** JSONL key path (nested objects as a.b), or null when the column is for CSV only. */
  json: string | null;
  /** CSV column name, or null when the column is for JSONL only. */
  csv: string | null;
  sql: string;
  kind: CellKind;
}

const stanceSides = ["favor", "against", "none"] as const;
const stanceCounts = (t: string) => stanceSides.map((side) => ({ value: side, column: `"${t}_${side}"` }));
const INSULT = [
  { value: "true", column: "insult_true" },
  { value: "false", column: "insult_false" },
];
const SENTIMENT = ["positive", "negative", "neutral"].map((v) => ({ value: v, column: `sentiment_${v}` }));
const QUESTIONS = [INSULT, SENTIMENT, ...STANCE_TARGETS.map(stanceCounts)];

/** The strict majority among counts, as text ('true', 'favor'…), NULL on a tie or no answer. */
function majority(counts: { value: string; column: string }[]): string {
  const cases = counts.map(({ value, column }) => {
    const beats = counts
      .filter((other) => other.column !== column)
      .map((other) => `lab.${column} > lab.${other.column}`)
      .join(" AND ");
    return `WHEN ${beats} THEN '${value}'`;
  });
  return `(CASE ${cases.join(" ")} END)`;
}

/** Label counts per comment (one merge join for the whole export rather than a subquery per row). */
function labelAggregate(annotator: (l: string) => string): string {
  const stance = STANCE_TARGETS.flatMap((t) =>
    stanceSides.map((side) => `count(*) FILTER (WHERE l.stance ->> '${t}' = '${side}') AS "${t}_${side}"`),
  );
  return `SELECT l.comment_id,
       '[' || string_agg(json_build_object('annotator', ${annotator("l")}, 'role', u.role, 'insult', l.insult,
              'sentiment', l.sentiment, 'stance', COALESCE(l.stance, '{}'::jsonb),
              'labelled_at', ${iso("l.updated_at")})::text, ',' ORDER BY l.user_id) || ']' AS labels,
       count(*)::int AS n,
       count(*) FILTER (WHERE l.insult) AS insult_true, count(*) FILTER (WHERE NOT l.insult) AS insult_false,
       ${SENTIMENT.map((s) => `count(*) FILTER (WHERE l.sentiment = '${s.value}') AS ${s.column}`).join(", ")},
       ${stance.join(",\n       ")}
  FROM comment_label l JOIN "user" u ON u.id = l.user_id
 GROUP BY l.comment_id`;
}

/** Consensus and agreement over `lab`, as computeConsensus and computeAgreement define them. */
function consensusColumns(): CopyColumn[] {
  const labelled = (sql: string) => `CASE WHEN lab.n IS NOT NULL THEN ${sql} END`;
  const stanceJson = `'{' || concat_ws(',', ${STANCE_TARGETS.map(
    (t) => `'"${t}":"' || ${majority(stanceCounts(t))} || '"'`,
  ).join(", ")}) || '}'`;
  const unanimous = QUESTIONS.map(
    (q) => `(${q.map((c) => `(lab.${c.column} > 0)::int`).join(" + ")}) <= 1`,
  ).join(" AND ");
  const total = (q: { column: string }[]) => q.map((c) => `lab.${c.column}`).join(" + ");
  const share = (q: { column: string }[]) =>
    `COALESCE(CASE WHEN ${total(q)} > 0 THEN greatest(${q.map((c) => `lab.${c.column}`).join(", ")})::float8 / (${total(q)}) END, 0)`;
  const answered = QUESTIONS.map((q) => `(${total(q)} > 0)::int`).join(" + ");
  // Summed left to right as Array.reduce does, rounded like Math.round(x * 10000) / 10000.
  const agreement = `CASE WHEN (${answered}) > 0 THEN floor(((${QUESTIONS.map(share).join(" + ")}) / (${answered})) * 10000 + 0.5) / 10000 END`;
  return [
    { json: "consensus.insult", csv: "consensus_insult", sql: labelled(majority(INSULT)), kind: "literal" },
    {
      json: "consensus.sentiment",
      csv: "consensus_sentiment",
      sql: labelled(majority(SENTIMENT)),
      kind: "text",
    },
    ...STANCE_TARGETS.map(
      (t): CopyColumn => ({
        json: null,
        csv: `consensus_stance_${t}`,
        sql: labelled(majority(stanceCounts(t))),
        kind: "text",
      }),
    ),
    { json: "consensus.stance", csv: null, sql: `COALESCE(${labelled(stanceJson)}, '{}')`, kind: "literal" },
    {
      json: "consensus.unanimous",
      csv: null,
      sql: `COALESCE(${labelled(`(${unanimous})::text`)}, 'true')`,
      kind: "literal",
    },
    { json: null, csv: "consensus_unanimous", sql: labelled(`(${unanimous})::text`), kind: "literal" },
    { json: "agreement", csv: "agreement", sql: labelled(`(${agreement})::text`), kind: "literal" },
    { json: "annotators", csv: "annotators", sql: "COALESCE(lab.n, 0)::text", kind: "literal" },
  ];
}

export interface ExportCopyQuery {
  /** The COPY statement (no placeholders: COPY takes none, so values are inlined as literals). */
  sql: string;
  columns: CopyColumn[];
}

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
 * The export as a COPY whose columns, in order, are `columns` (JSONL and CSV use different
 * subsets). Same rows, same order as buildExportQuery; `pseudonyms` maps user ids to the
 * annotator names the export shows, null writes the ids. `quoteLiteral` quotes a string literal
 * (pg's escapeLiteral).
 */
export function buildExportCopyQuery(
  options: ExportOptions,
  viewerId: string | null,
  pseudonyms: Record<string, string> | null,
  quoteLiteral: (text: string) => string,
): ExportCopyQuery {
  const base = buildExportQuery(options, viewerId);
  const annotator = (l: string) =>
    pseudonyms ? `(${quoteLiteral(JSON.stringify(pseudonyms))}::jsonb ->> ${l}.user_id)` : `${l}.user_id`;
  const perAnnotator = options.rows === "annotator";
  const decided = "c.status IN ('approved', 'rejected')";
  const columns: CopyColumn[] = [
    { json: "comment_id", csv: "comment_id", sql: "c.id::text", kind: "literal" },
    { json: "source", csv: "source", sql: "s.name", kind: "user-text" },
    { json: "article_url", csv: "article_url", sql: "a.url", kind: "user-text" },
    { json: "article_title", csv: "article_title", sql: "a.title", kind: "user-text" },
    { json: "author", csv: "author", sql: "c.author", kind: "user-text" },
    { json: "title", csv: "title", sql: "c.title", kind: "user-text" },
    { json: "body", csv: "body", sql: "c.body", kind: "user-text" },
    { json: "created_at", csv: "created_at", sql: "c.posted_at", kind: "timestamp" },
    { json: "ingested_at", csv: "ingested_at", sql: "c.ingested_at", kind: "timestamp" },
    { json: "language", csv: "language", sql: "c.language", kind: "user-text" },
    { json: "status", csv: "status", sql: "c.status::text", kind: "text" },
    {
      json: "final_decision",
      csv: "final_decision",
      sql: `CASE WHEN ${decided} THEN c.status::text END`,
      kind: "text",
    },
    {
      json: "decided_at",
      csv: "decided_at",
      sql: `CASE WHEN ${decided} THEN dec.created_at END`,
      kind: "timestamp",
    },
    { json: "classifier.insult", csv: "classifier_insult", sql: "c.insult::text", kind: "literal" },
    {
      json: "classifier.insult_score",
      csv: "classifier_insult_score",
      sql: "c.insult_score::text",
      kind: "literal",
    },
    { json: "classifier.sentiment", csv: "classifier_sentiment", sql: "c.sentiment::text", kind: "text" },
    { json: "classifier.stance", csv: null, sql: "COALESCE(c.stance, '{}'::jsonb)::text", kind: "literal" },
    ...STANCE_TARGETS.map(
      (t): CopyColumn => ({
        json: null,
        csv: `classifier_stance_${t}`,
        sql: `c.stance ->> '${t}'`,
        kind: "text",
      }),
    ),
    {
      json: "classifier.lexicon_version",
      csv: "lexicon_version",
      sql: "c.lexicon_version",
      kind: "user-text",
    },
    {
      json: "classifier.matches",
      csv: "matched_spans",
      sql: "COALESCE(c.matches, '[]'::jsonb)::text",
      kind: "literal",
    },
    { json: "classifier.classified_at", csv: "classified_at", sql: "c.classified_at", kind: "timestamp" },
  ];
  if (perAnnotator) {
    const label: CopyColumn[] = [
      { json: "label.annotator", csv: "annotator", sql: annotator("l1"), kind: "user-text" },
      { json: "label.role", csv: "annotator_role", sql: "u1.role::text", kind: "text" },
      { json: "label.insult", csv: "label_insult", sql: "l1.insult::text", kind: "literal" },
      { json: "label.sentiment", csv: "label_sentiment", sql: "l1.sentiment::text", kind: "text" },
      { json: "label.stance", csv: null, sql: "COALESCE(l1.stance, '{}'::jsonb)::text", kind: "literal" },
      ...STANCE_TARGETS.map(
        (t): CopyColumn => ({
          json: null,
          csv: `label_stance_${t}`,
          sql: `l1.stance ->> '${t}'`,
          kind: "text",
        }),
      ),
      { json: "label.labelled_at", csv: "labelled_at", sql: "l1.updated_at", kind: "timestamp" },
    ];
    // JSONL: the record without `labels`, then `label`; CSV: annotator columns before consensus.
    columns.push(...label.filter((c) => c.csv !== null).map((c) => ({ ...c, json: null })));
    columns.push(...consensusColumns());
    columns.push(...label.filter((c) => c.json !== null).map((c) => ({ ...c, csv: null })));
  } else {
    columns.push({ json: "labels", csv: "labels", sql: "COALESCE(lab.labels, '[]')", kind: "literal" });
    columns.push(...consensusColumns());
  }
  // COPY takes no placeholders: each $n of the filter becomes its literal, in one pass so that
  // a value containing "$2" is never read as a placeholder.
  const from = base.sql
    .slice(base.sql.indexOf("\n  FROM comment c"), base.sql.lastIndexOf("\n ORDER BY"))
    .replace(/\$(\d+)/g, (_, n: string) => literal(base.params[Number(n) - 1], quoteLiteral));
  const joins = from.replace(
    "\n WHERE",
    `\n  LEFT JOIN (${labelAggregate(annotator)}) lab ON lab.comment_id = c.id
  LEFT JOIN (SELECT DISTINCT ON (d.comment_id) d.comment_id, d.created_at FROM comment_decision d
              ORDER BY d.comment_id, d.created_at DESC, d.id DESC) dec ON dec.comment_id = c.id${
                perAnnotator
                  ? `\n  JOIN comment_label l1 ON l1.comment_id = c.id JOIN "user" u1 ON u1.id = l1.user_id`
                  : ""
              }\n WHERE`,
  );
  const body = `SELECT ${columns.map((c) => c.sql).join(",\n       ")}${joins}\n ORDER BY c.id${perAnnotator ? ", l1.user_id" : ""}`;
  // The comment names the export in pg_stat_activity, as the cursor of the reference path does.
  return { sql: `/* raqib_export */ COPY (${body}) TO STDOUT (FORMAT binary)`, columns };
}
