import { INSULT_THRESHOLD } from "../classifier/decide.ts";
import { STANCE_TARGETS } from "../classifier/types.ts";
import { searchFilterSql } from "../search/search-filter-sql.ts";
import { LABEL_PAIRS_SQL } from "./label-pairs-sql.ts";
import { LOW_CONFIDENCE_SCORE, type QueueFilter } from "./queue-params.ts";

export interface SqlFragment {
  /** A boolean SQL expression over `comment` aliased `c`, with $n placeholders. */
  sql: string;
  params: unknown[];
}

/**
 * The one filter → SQL builder: the queue, its counts and the export all call it. Returns a
 * WHERE expression over `comment c`, numbering its placeholders from `firstParam`. `viewerId`
 * is whose labels "labelled by me/others" means.
 *
 * - Search folds the term as the stored search_text was folded (diacritics, tatweel and letter
 *   variants removed) and matches a substring through the word index (searchFilterSql).
 * - The flagged queue is pending comments the classifier called insults or nearly did
 *   (score ≥ LOW_CONFIDENCE_SCORE).
 */
export function buildQueueFilter(
  filter: Partial<QueueFilter>,
  viewerId: string | null,
  firstParam = 1,
  options: { ignoreQueue?: boolean } = {},
): SqlFragment {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const queue = options.ignoreQueue ? "all" : (filter.queue ?? "all");
  if (queue === "flagged") where.push(`c.status = 'pending' AND c.insult_score >= ${LOW_CONFIDENCE_SCORE}`);
  else if (queue !== "all") where.push(`c.status = ${p(queue)}::moderation_status`);
  if (filter.status) where.push(`c.status = ${p(filter.status)}::moderation_status`);
  // The classifier sets insult exactly when insult_score ≥ INSULT_THRESHOLD (0.5). Saying so
  // with a slightly wider score bound lets the (insult_score, id) index find the rows.
  if (filter.insult === "yes") where.push(`c.insult AND c.insult_score >= ${INSULT_THRESHOLD - 0.01}`);
  if (filter.insult === "no") where.push(`c.insult = false AND c.insult_score < ${INSULT_THRESHOLD + 0.01}`);
  if (filter.scoreMin !== undefined) where.push(`c.insult_score >= ${p(filter.scoreMin)}::real`);
  if (filter.scoreMax !== undefined) where.push(`c.insult_score <= ${p(filter.scoreMax)}::real`);
  if (filter.sentiment) where.push(`c.sentiment = ${p(filter.sentiment)}::sentiment`);
  if (filter.stanceTarget) {
    const sides = filter.stanceSide ? [filter.stanceSide] : ["favor", "against"];
    const tests = sides.map(
      (side) => `c.stance @> ${p(JSON.stringify({ [filter.stanceTarget as string]: side }))}::jsonb`,
    );
    where.push(tests.length === 1 ? (tests[0] as string) : `(${tests.join(" OR ")})`);
  } else if (filter.stanceSide) {
    // A side without a target: any target taken with that side.
    const side = filter.stanceSide;
    where.push(
      `(${STANCE_TARGETS.map((t) => `c.stance @> ${p(JSON.stringify({ [t]: side }))}::jsonb`).join(" OR ")})`,
    );
  }
  if (filter.source !== undefined)
    where.push(`c.article_id IN (SELECT a.id FROM article a WHERE a.source_id = ${p(filter.source)}::int)`);
  if (filter.article !== undefined) where.push(`c.article_id = ${p(filter.article)}::int`);
  if (filter.language) where.push(`c.language = ${p(filter.language)}`);
  if (filter.from || filter.to) {
    // Local midnights in the filter's zone. Written per column (posted_at, or ingested_at where
    // there is no posting date) so each column's index can serve it.
    const zone = p(filter.tz ?? "UTC");
    const bounds = (column: string) =>
      [
        filter.from ? `${column} >= (${p(filter.from)}::date::timestamp AT TIME ZONE ${zone})` : null,
        filter.to ? `${column} < ((${p(filter.to)}::date + 1)::timestamp AT TIME ZONE ${zone})` : null,
      ]
        .filter(Boolean)
        .join(" AND ");
    where.push(`((${bounds("c.posted_at")}) OR (c.posted_at IS NULL AND ${bounds("c.ingested_at")}))`);
  }
  if (filter.labelled === "yes")
    where.push("EXISTS (SELECT 1 FROM comment_label l WHERE l.comment_id = c.id)");
  if (filter.labelled === "no")
    where.push("NOT EXISTS (SELECT 1 FROM comment_label l WHERE l.comment_id = c.id)");
  if (filter.labelCheck && (filter.humanSaid || filter.classifierSaid)) {
    const tests = [
      filter.humanSaid ? `lp.human = ${p(filter.humanSaid)}` : null,
      filter.classifierSaid ? `lp.classifier = ${p(filter.classifierSaid)}` : null,
    ].filter(Boolean);
    where.push(
      `EXISTS (SELECT 1 FROM comment_label l CROSS JOIN LATERAL (${LABEL_PAIRS_SQL[filter.labelCheck]}) AS lp
        WHERE l.comment_id = c.id AND ${tests.join(" AND ")})`,
    );
  }
  if (filter.labelledBy && viewerId) {
    const op = filter.labelledBy === "me" ? "=" : "<>";
    where.push(
      `EXISTS (SELECT 1 FROM comment_label l WHERE l.comment_id = c.id AND l.user_id ${op} ${p(viewerId)})`,
    );
  }
  if (filter.q) where.push(searchFilterSql(filter.q, p));
  return { sql: where.length === 0 ? "TRUE" : where.join(" AND "), params };
}
