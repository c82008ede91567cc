import { STANCE_TARGETS } from "../classifier/types.ts";
import { buildExportQuery, iso } from "./build-export-query.ts";
import type { ExportOptions } from "./export-options.ts";

/**
 * The fast path of the CSV and JSONL exports: PostgreSQL writes every output line itself, so
 * the Node process only passes text through (a million rows would otherwise mean a million
 * JSON parses, record objects and stringifications). It produces exactly what the reference
 * path — shapeExportRecord + csvLines/jsonlLines, which the preview and the HF writer still
 * use — produces, up to the whitespace inside nested JSON values (`{"russia": "favor"}` rather
 * than `{"russia":"favor"}`); export-lines.test.ts holds the two to that.
 */

/** A JSON value for a scalar SQL expression (text, number, boolean, enum), `null` for NULL. */
const json = (expr: string) => `COALESCE(to_json(${expr})::text, 'null')`;
/** A jsonb column as JSON text, with a default for NULL. */
const jsonb = (expr: string, otherwise: string) => `COALESCE((${expr})::text, '${otherwise}')`;

/** A text CSV cell exactly as csvCell writes it: formula-neutralised, then RFC 4180 quoted. */
function csvText(expr: string): string {
  const neutral = `(CASE WHEN (${expr}) ~ '^[=+\\-@\\t\\r]' THEN '''' || (${expr}) ELSE (${expr}) END)`;
  return `(CASE WHEN (${expr}) IS NULL THEN '' WHEN ${neutral} ~ '[",\\r\\n]' THEN '"' || replace(${neutral}, '"', '""') || '"' ELSE ${neutral} END)`;
}
/** A number or boolean CSV cell: its text, empty for NULL (never neutralised or quoted). */
const csvPlain = (expr: string) => `COALESCE((${expr})::text, '')`;

/** Label counts per comment, for the labels array, consensus and agreement. */
function labelAggregate(annotator: string): string {
  const stanceCounts = STANCE_TARGETS.flatMap((t) =>
    ["favor", "against", "none"].map(
      (side) => `count(*) FILTER (WHERE l.stance ->> '${t}' = '${side}') AS "${t}_${side}"`,
    ),
  );
  return `SELECT l.comment_id,
       '[' || string_agg(${labelObject("l", "u", annotator)}, ',' ORDER BY l.user_id) || ']' AS labels,
       count(*)::int AS n,
       count(*) FILTER (WHERE l.insult) AS insult_true, count(*) FILTER (WHERE NOT l.insult) AS insult_false,
       count(*) FILTER (WHERE l.sentiment = 'positive') AS sentiment_positive,
       count(*) FILTER (WHERE l.sentiment = 'negative') AS sentiment_negative,
       count(*) FILTER (WHERE l.sentiment = 'neutral') AS sentiment_neutral,
       ${stanceCounts.join(",\n       ")}
  FROM comment_label l JOIN "user" u ON u.id = l.user_id
 GROUP BY l.comment_id`;
}

/** One label as the JSON object ExportLabel is. */
function labelObject(l: string, u: string, annotator: string): string {
  return `'{"annotator":' || ${json(annotator.replaceAll("l.", `${l}.`))} || ',"role":' || ${json(`${u}.role`)}
    || ',"insult":' || ${json(`${l}.insult`)} || ',"sentiment":' || ${json(`${l}.sentiment`)}
    || ',"stance":' || ${jsonb(`${l}.stance`, "{}")} || ',"labelled_at":' || ${json(iso(`${l}.updated_at`))} || '}'`;
}

/** The strict majority among named counts (a JSON string, or null on a tie or no answer). */
function majority(counts: { value: string; column: string }[], asSql: (value: string) => string): string {
  const cases = counts.map(({ value, column }) => {
    const beats = counts
      .filter((other) => other.column !== column)
      .map((other) => `lab.${column} > lab.${other.column}`)
      .join(" AND ");
    return `WHEN ${beats} THEN ${asSql(value)}`;
  });
  return `(CASE ${cases.join(" ")} END)`;
}

const INSULT = [
  { value: "true", column: "insult_true" },
  { value: "false", column: "insult_false" },
];
const SENTIMENT = ["positive", "negative", "neutral"].map((v) => ({ value: v, column: `sentiment_${v}` }));
const stanceCounts = (t: string) =>
  ["favor", "against", "none"].map((side) => ({ value: side, column: `"${t}_${side}"` }));
const QUESTIONS = [INSULT, SENTIMENT, ...STANCE_TARGETS.map(stanceCounts)];

/** How many different answers a question got (unanimous = at most one). */
const answersGiven = (counts: { column: string }[]) =>
  counts.map((c) => `(lab.${c.column} > 0)::int`).join(" + ");

/**
 * The consensus parts as SQL over the label counts `lab` (only meaningful when the comment has
 * labels). insult, sentiment and stance[t] are text ('true', 'positive', 'favor'…) or NULL on a
 * tie or no answer, as computeConsensus has them.
 */
function consensusSql() {
  const text = (v: string) => `'${v}'`;
  const insult = majority(INSULT, text);
  const sentiment = majority(SENTIMENT, text);
  const stance = Object.fromEntries(STANCE_TARGETS.map((t) => [t, majority(stanceCounts(t), text)]));
  const stanceJson = `'{' || concat_ws(',', ${STANCE_TARGETS.map((t) => `'"${t}":' || to_json(${stance[t]})::text`).join(", ")}) || '}'`;
  const unanimous = `(${QUESTIONS.map((q) => `(${answersGiven(q)}) <= 1`).join(" AND ")})`;
  // agreement: the mean, over answered questions, of (most common answer's count / answers),
  // rounded to 4 places the way computeAgreement does it in float arithmetic (Math.round).
  const total = (q: { column: string }[]) => q.map((c) => `lab.${c.column}`).join(" + ");
  const share = (q: { column: string }[]) =>
    `CASE WHEN ${total(q)} > 0 THEN greatest(${q.map((c) => `lab.${c.column}`).join(", ")})::float8 / (${total(q)}) END`;
  const answered = QUESTIONS.map((q) => `(${total(q)} > 0)::int`).join(" + ");
  // Summed left to right like Array.reduce: COALESCE(…, 0) adds nothing for unanswered ones.
  const sum = QUESTIONS.map((q) => `COALESCE(${share(q)}, 0)`).join(" + ");
  const agreement = `CASE WHEN (${answered}) > 0 THEN floor(((${sum}) / (${answered})) * 10000 + 0.5) / 10000 END`;
  return { insult, sentiment, stance, stanceJson, unanimous, agreement };
}

export interface ExportLinesQuery {
  sql: string;
  params: unknown[];
}

/**
 * The export's SELECT returning one column, `line`: a whole CSV line (CRLF-terminated) or JSONL
 * line (LF-terminated) per comment, or per (comment, label) with rows=annotator. Same rows, same
 * order as buildExportQuery. `pseudonyms` maps user ids to the names the export shows
 * (pseudonymised annotators); null writes the user ids themselves.
 */
export function buildExportLinesQuery(
  options: ExportOptions,
  viewerId: string | null,
  pseudonyms: Record<string, string> | null,
): ExportLinesQuery {
  const base = buildExportQuery(options, viewerId);
  const params = [...base.params];
  let annotator = "l.user_id";
  if (pseudonyms) {
    params.push(JSON.stringify(pseudonyms));
    annotator = `($${params.length}::jsonb ->> l.user_id)`;
  }
  const perAnnotator = options.rows === "annotator";
  const consensus = consensusSql();
  const labelled = "lab.n IS NOT NULL";
  const decided = "c.status IN ('approved', 'rejected')";
  const decidedAt = `CASE WHEN ${decided} THEN (SELECT ${iso("d.created_at")} FROM comment_decision d WHERE d.comment_id = c.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) END`;
  const from = base.sql.slice(base.sql.indexOf("\n  FROM comment c"), base.sql.lastIndexOf("\n ORDER BY"));
  const joins = `${from.replace(
    "\n WHERE",
    `\n  LEFT JOIN (${labelAggregate(annotator)}) lab ON lab.comment_id = c.id${
      perAnnotator ? `\n  JOIN comment_label l1 ON l1.comment_id = c.id JOIN "user" u1 ON u1.id = l1.user_id` : ""
    }\n WHERE`,
  )}`;

  let line: string;
  if (options.format === "jsonl") {
    const record = [
      `'{"comment_id":' || c.id`,
      `',"source":' || ${json("s.name")}`,
      `',"article_url":' || ${json("a.url")}`,
      `',"article_title":' || ${json("a.title")}`,
      `',"author":' || ${json("c.author")}`,
      `',"title":' || ${json("c.title")}`,
      `',"body":' || ${json("c.body")}`,
      `',"created_at":' || ${json(iso("c.posted_at"))}`,
      `',"ingested_at":' || ${json(iso("c.ingested_at"))}`,
      `',"language":' || ${json("c.language")}`,
      `',"status":' || ${json("c.status")}`,
      `',"final_decision":' || CASE WHEN ${decided} THEN ${json("c.status")} ELSE 'null' END`,
      `',"decided_at":' || ${json(decidedAt)}`,
      `',"classifier":{"insult":' || ${json("c.insult")}`,
      `',"insult_score":' || ${json("c.insult_score")}`,
      `',"sentiment":' || ${json("c.sentiment")}`,
      `',"stance":' || ${jsonb("c.stance", "{}")}`,
      `',"lexicon_version":' || ${json("c.lexicon_version")}`,
      `',"matches":' || ${jsonb("c.matches", "[]")}`,
      `',"classified_at":' || ${json(iso("c.classified_at"))} || '}'`,
      ...(perAnnotator ? [] : [`',"labels":' || COALESCE(lab.labels, '[]')`]),
      `',"consensus":' || CASE WHEN ${labelled} THEN '{"insult":' || COALESCE(${consensus.insult}, 'null') || ',"sentiment":' || ${json(consensus.sentiment)} || ',"stance":' || ${consensus.stanceJson} || ',"unanimous":' || ${consensus.unanimous}::text || '}' ELSE '{"insult":null,"sentiment":null,"stance":{},"unanimous":true}' END`,
      `',"agreement":' || ${json(`CASE WHEN ${labelled} THEN ${consensus.agreement} END`)}`,
      `',"annotators":' || COALESCE(lab.n, 0)`,
      ...(perAnnotator ? [`',"label":' || ${labelObject("l1", "u1", annotator)}`] : []),
    ];
    line = `${record.join("\n    || ")} || '}' || E'\\n'`;
  } else {
    const cells = [
      csvPlain("c.id"),
      csvText("s.name"),
      csvText("a.url"),
      csvText("a.title"),
      csvText("c.author"),
      csvText("c.title"),
      csvText("c.body"),
      csvText(iso("c.posted_at")),
      csvText(iso("c.ingested_at")),
      csvText("c.language"),
      csvText("c.status::text"),
      csvText(`CASE WHEN ${decided} THEN c.status::text END`),
      csvText(decidedAt),
      csvPlain("c.insult"),
      csvPlain("c.insult_score"),
      csvText("c.sentiment::text"),
      ...STANCE_TARGETS.map((t) => csvText(`c.stance ->> '${t}'`)),
      csvText("c.lexicon_version"),
      csvText(jsonb("c.matches", "[]")),
      csvText(iso("c.classified_at")),
      ...(perAnnotator
        ? [
            csvText(annotator.replaceAll("l.", "l1.")),
            csvText("u1.role::text"),
            csvPlain("l1.insult"),
            csvText("l1.sentiment::text"),
            ...STANCE_TARGETS.map((t) => csvText(`l1.stance ->> '${t}'`)),
            csvText(iso("l1.updated_at")),
          ]
        : [csvText("COALESCE(lab.labels, '[]')")]),
      csvPlain(`CASE WHEN ${labelled} THEN ${consensus.insult} END`),
      csvText(`CASE WHEN ${labelled} THEN ${consensus.sentiment} END`),
      ...STANCE_TARGETS.map((t) => csvText(`CASE WHEN ${labelled} THEN ${consensus.stance[t]} END`)),
      csvPlain(`CASE WHEN ${labelled} THEN ${consensus.unanimous} END`),
      csvPlain(`CASE WHEN ${labelled} THEN ${consensus.agreement} END`),
      csvPlain("COALESCE(lab.n, 0)"),
    ];
    line = `${cells.join("\n    || ',' || ")} || E'\\r\\n'`;
  }
  return {
    sql: `SELECT ${line} AS line${joins}\n ORDER BY c.id${perAnnotator ? ", l1.user_id" : ""}`,
    params,
  };
}
