import { type SentimentLabel, STANCE_TARGETS, type StanceSide } from "@/lib/classifier/index.ts";
import { sentimentLabels, sideLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import { type Locale, translate } from "@/lib/i18n/messages.ts";

interface Flagged {
  insult: boolean | null;
  insultScore: number | null;
  sentiment: SentimentLabel | null;
  stance: unknown;
}

/** The classifier's verdict on a comment as badges: insult with its score, sentiment, stances. */
export function CommentFlags({ comment, locale }: { comment: Flagged; locale: Locale }) {
  if (comment.insult === null) return <div className="flags meta">{translate(locale, "notClassified")}</div>;
  const stance = (comment.stance ?? {}) as Record<string, StanceSide>;
  return (
    <div className="flags" data-testid="comment-flags">
      {comment.insult && (
        <span className="badge insult" data-testid="insult-flag">
          {translate(locale, "flagInsult")}{" "}
          {formatNumber(locale, Math.round((comment.insultScore ?? 0) * 100))}%
        </span>
      )}
      {comment.sentiment && (
        <span className={`badge ${comment.sentiment}`}>{sentimentLabels[locale][comment.sentiment]}</span>
      )}
      {STANCE_TARGETS.filter((t) => stance[t]).map((target) => (
        <span key={target} className="badge">
          {targetLabels[locale][target]}: {sideLabels[locale][stance[target] as StanceSide]}
        </span>
      ))}
    </div>
  );
}
