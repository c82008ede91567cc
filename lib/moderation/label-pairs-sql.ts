/** The label questions a human answer can be set against the classifier's answer for. */
export const LABEL_CHECKS = ["insult", "sentiment", "stance"] as const;
export type LabelCheck = (typeof LABEL_CHECKS)[number];

/** Every answer any check can have: insult yes/no, a sentiment, a stance side (or none). */
export const LABEL_VALUES = [
  "yes",
  "no",
  "positive",
  "neutral",
  "negative",
  "favor",
  "against",
  "none",
] as const;
export type LabelValue = (typeof LABEL_VALUES)[number];

/** The answers of each check, in the order charts and tables show them. */
export const CHECK_VALUES: Record<LabelCheck, readonly LabelValue[]> = {
  insult: ["yes", "no"],
  sentiment: ["positive", "neutral", "negative"],
  stance: ["favor", "against", "none"],
};

/**
 * For one `comment_label l` row, the (human, classifier) answer pairs of a check, as a
 * subquery for `CROSS JOIN LATERAL (…) AS lp(human, classifier[, target])`. The classifier's
 * side is the copy stored with the label (what it said when the moderator labelled), so a later
 * re-classification doesn't change the comparison. Stance gives one pair per target the
 * moderator labelled; a target the classifier took no side on is "none". Constant SQL: the
 * moderation queue's filter and the analytics query share it, so a chart cell and the queue it
 * opens count the same labels.
 */
export const LABEL_PAIRS_SQL: Record<LabelCheck, string> = {
  insult: `SELECT CASE WHEN l.insult THEN 'yes' ELSE 'no' END AS human,
      CASE WHEN l.classifier_insult THEN 'yes' ELSE 'no' END AS classifier, NULL::text AS target
    WHERE l.insult IS NOT NULL AND l.classifier_insult IS NOT NULL`,
  sentiment: `SELECT l.sentiment::text AS human, l.classifier_sentiment::text AS classifier, NULL::text AS target
    WHERE l.sentiment IS NOT NULL AND l.classifier_sentiment IS NOT NULL`,
  stance: `SELECT h.value AS human, coalesce(l.classifier_stance ->> h.key, 'none') AS classifier, h.key AS target
    FROM jsonb_each_text(CASE WHEN jsonb_typeof(l.stance) = 'object' THEN l.stance END) AS h
    WHERE l.lexicon_version IS NOT NULL`,
};
