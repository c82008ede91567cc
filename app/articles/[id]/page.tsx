import Link from "next/link";
import { notFound } from "next/navigation";
import { ClassifiedText } from "@/app/_components/classified-text.tsx";
import { CommentFlags } from "@/app/_components/comment-flags.tsx";
import { getArticle } from "@/lib/articles/get-article.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { readStoredMatches } from "@/lib/comments/read-stored-matches.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type MessageKey, translate } from "@/lib/i18n/messages.ts";

export const dynamic = "force-dynamic";

const statusKey = {
  pending: "statusPending",
  approved: "statusApproved",
  rejected: "statusRejected",
  escalated: "statusEscalated",
} as const satisfies Record<string, MessageKey>;

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("comments:view");
  const { id } = await params;
  const articleId = Number(id);
  if (!Number.isSafeInteger(articleId) || articleId <= 0) notFound();
  const [locale, article] = await Promise.all([getLocale(), getArticle(articleId)]);
  if (!article) notFound();
  const t = (key: MessageKey) => translate(locale, key);
  return (
    <article>
      <p>
        <Link href="/articles">{t("backToArticles")}</Link>
      </p>
      <h1>
        <bdi>{article.title}</bdi>
      </h1>
      <p className="meta">
        <bdi>{article.source?.name ?? t("unknownSource")}</bdi>
      </p>
      <div className="article-body" dir="auto">
        {article.body}
      </div>
      <h2>
        {t("commentsHeading")} ({formatNumber(locale, article.comments.length)})
      </h2>
      {article.comments.length === 0 ? (
        <p className="empty">{t("noComments")}</p>
      ) : (
        <ol className="comments" data-testid="comments">
          {article.comments.map((comment) => (
            <li key={comment.id} className="comment" data-testid="comment">
              {comment.title && (
                <h3>
                  <bdi>{comment.title}</bdi>
                </h3>
              )}
              <div className="meta">
                <bdi data-testid="comment-author">{comment.author ?? t("anonymous")}</bdi> ·{" "}
                <span className="badge">{t(statusKey[comment.status])}</span>
              </div>
              <ClassifiedText
                text={comment.body}
                matches={readStoredMatches(comment.matches)}
                locale={locale}
              />
              <CommentFlags comment={comment} locale={locale} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
