import Link from "next/link";
import { ClassifiedText } from "@/app/_components/classified-text.tsx";
import { CommentFlags } from "@/app/_components/comment-flags.tsx";
import { STANCE_TARGETS } from "@/lib/classifier/types.ts";
import { sentimentLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import { formatDate, formatNumber } from "@/lib/i18n/format.ts";
import { type Locale, type MessageKey, translate } from "@/lib/i18n/messages.ts";
import type { CommentDetail, ContextComment } from "@/lib/moderation/get-comment-detail.ts";

const STATUS_KEY = {
  pending: "statusPending",
  approved: "statusApproved",
  rejected: "statusRejected",
  escalated: "statusEscalated",
} as const satisfies Record<string, MessageKey>;

const SIDE_KEY = { favor: "sideFavor", against: "sideAgainst", none: "sideNone" } as const satisfies Record<
  string,
  MessageKey
>;

function ContextList({
  comments,
  locale,
  current,
}: {
  comments: ContextComment[];
  locale: Locale;
  current?: number;
}) {
  return (
    <ol className="context-comments">
      {comments.map((c) => (
        <li key={c.id} data-current={c.id === current ? "true" : undefined}>
          <span className="meta">
            #{formatNumber(locale, c.position)} · <bdi>{c.author ?? translate(locale, "anonymous")}</bdi> ·{" "}
            {translate(locale, STATUS_KEY[c.status])}
          </span>
          <p dir="auto">
            <bdi>{c.body.length > 300 ? `${c.body.slice(0, 300)}…` : c.body}</bdi>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The open comment: highlighted spans with explanations, article, context, history and labels. */
export function CommentDetailView({ comment, locale }: { comment: CommentDetail; locale: Locale }) {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const yesNo = (v: boolean | null) => (v === null ? t("notLabelled") : v ? t("yes") : t("no"));
  return (
    <div className="comment-detail">
      <h2>
        {t("detailTitle", { id: comment.id })}{" "}
        <span className="badge" data-testid="detail-status">
          {t(STATUS_KEY[comment.status])}
        </span>
      </h2>
      <p className="meta">
        <bdi>{comment.author ?? t("anonymous")}</bdi>
        {comment.postedAt && <> · {formatDate(locale, comment.postedAt)}</>}
        {comment.language && <> · {comment.language}</>}
      </p>
      {comment.title && (
        <h3>
          <bdi>{comment.title}</bdi>
        </h3>
      )}
      <ClassifiedText text={comment.body} matches={comment.matches} locale={locale} />
      <CommentFlags comment={comment} locale={locale} />
      <p>
        {t("articleLabel")}:{" "}
        <Link href={`/articles/${comment.article.id}`}>
          <bdi>{comment.article.title}</bdi>
        </Link>
        {comment.article.sourceName && (
          <span className="meta">
            {" "}
            · <bdi>{comment.article.sourceName}</bdi>
          </span>
        )}
      </p>
      <section aria-labelledby="consensus-title">
        <h3 id="consensus-title">{t("consensus")}</h3>
        {comment.consensus.labellers === 0 ? (
          <p className="meta">{t("consensusNone")}</p>
        ) : (
          <>
            <p data-testid="consensus">
              {t("consensusSummary", {
                count: comment.consensus.labellers,
                insult: yesNo(comment.consensus.insult),
                sentiment: comment.consensus.sentiment
                  ? sentimentLabels[locale][comment.consensus.sentiment]
                  : t("notLabelled"),
              })}
              {STANCE_TARGETS.filter((x) => comment.consensus.stance[x]).map((x) => (
                <span key={x} className="badge">
                  {targetLabels[locale][x]}:{" "}
                  {t(SIDE_KEY[comment.consensus.stance[x] as keyof typeof SIDE_KEY])}
                </span>
              ))}
            </p>
            <h4>{t("labelsBy")}</h4>
            <ul className="labels-list">
              {comment.labels.map((l) => (
                <li key={l.userId}>
                  <bdi>{l.userName}</bdi>: {t("labelInsult")} {yesNo(l.insult)} · {t("labelSentiment")}{" "}
                  {l.sentiment ? sentimentLabels[locale][l.sentiment] : t("notLabelled")} ·{" "}
                  <span className="meta">
                    {t("classifierSaid", { value: yesNo(l.classifierInsult) })} ·{" "}
                    {formatDate(locale, l.updatedAt)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h3 id="history-title">{t("history")}</h3>
        {comment.decisions.length === 0 ? (
          <p className="meta">{t("noHistory")}</p>
        ) : (
          <ol className="history" data-testid="history">
            {comment.decisions.map((d) => (
              <li key={d.id}>
                {t("historyEntry", {
                  name: d.userName,
                  from: t(STATUS_KEY[d.fromStatus]),
                  to: t(STATUS_KEY[d.toStatus]),
                })}{" "}
                {d.undo && t("historyUndo")}
                {d.reason && (
                  <>
                    {" · "}
                    <bdi>{locale === "ar" ? d.reason.labelAr : d.reason.labelEn}</bdi>
                  </>
                )}
                <span className="meta"> · {formatDate(locale, d.createdAt)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="neighbours-title">
        <h3 id="neighbours-title">{t("neighbours")}</h3>
        <ContextList comments={comment.neighbours} locale={locale} />
      </section>
      <section aria-labelledby="author-title">
        <h3 id="author-title">{t("authorComments")}</h3>
        {comment.authorComments.length === 0 ? (
          <p className="meta">{t("noAuthorComments")}</p>
        ) : (
          <ContextList comments={comment.authorComments} locale={locale} />
        )}
      </section>
    </div>
  );
}
