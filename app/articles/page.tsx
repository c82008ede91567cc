import Link from "next/link";
import { Pager } from "@/app/_components/pager.tsx";
import { listArticles } from "@/lib/articles/list-articles.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { formatDate, formatNumber } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { translate } from "@/lib/i18n/messages.ts";

export const dynamic = "force-dynamic";

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireUser("comments:view");
  const { page: pageParam } = await searchParams;
  const requested = Number.parseInt(pageParam ?? "1", 10);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const [locale, articles] = await Promise.all([getLocale(), listArticles(page)]);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, number>) =>
    translate(locale, key, params);
  return (
    <>
      <h1>{t("articlesTitle")}</h1>
      {articles.count === 0 ? (
        <p className="empty">{t("articlesEmpty")}</p>
      ) : (
        <table className="data" data-testid="articles-table">
          <thead>
            <tr>
              <th scope="col">{t("colTitle")}</th>
              <th scope="col">{t("colSource")}</th>
              <th scope="col">{t("colComments")}</th>
              <th scope="col">{t("colAdded")}</th>
            </tr>
          </thead>
          <tbody>
            {articles.data.map((article) => (
              <tr key={article.id} data-testid="article-row">
                <td>
                  <Link href={`/articles/${article.id}`}>
                    <bdi>{article.title}</bdi>
                  </Link>
                </td>
                <td>
                  <bdi>{article.sourceName ?? t("unknownSource")}</bdi>
                </td>
                <td className="num" data-testid="comment-count">
                  {formatNumber(locale, article.commentCount)}
                </td>
                <td className="meta">{formatDate(locale, article.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        locale={locale}
        page={articles.page}
        count={articles.count}
        pageSize={articles.pageSize}
        href={(p) => `/articles?page=${p}`}
      />
    </>
  );
}
