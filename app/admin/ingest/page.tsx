import Link from "next/link";
import { Pager } from "@/app/_components/pager.tsx";
import { requireUser } from "@/lib/auth/require-user.ts";
import { formatDate, formatNumber } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type MessageKey, translate } from "@/lib/i18n/messages.ts";
import { ingestRunFilterSchema, listIngestRuns } from "@/lib/ingest/list-ingest-runs.ts";

export const dynamic = "force-dynamic";

export default async function IngestRunsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("users:manage");
  const filter = ingestRunFilterSchema.parse(await searchParams);
  const [locale, runs] = await Promise.all([getLocale(), listIngestRuns(filter)]);
  const t = (key: MessageKey, params?: Record<string, number>) => translate(locale, key, params);
  const n = (value: number) => formatNumber(locale, value);
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (filter.status) query.set("status", filter.status);
    if (filter.via) query.set("via", filter.via);
    query.set("page", String(page));
    return `/admin/ingest?${query}`;
  };
  return (
    <>
      <h1>{t("ingestTitle")}</h1>
      <form method="get" className="filters">
        <label>
          {t("colStatus")}
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {(["running", "succeeded", "partial", "failed"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`ingest_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("colVia")}
          <select name="via" defaultValue={filter.via ?? ""}>
            <option value="">{t("allStatuses")}</option>
            <option value="cli">CLI</option>
            <option value="http">HTTP</option>
            <option value="seed">{t("viaSeed")}</option>
          </select>
        </label>
        <button type="submit">{t("filterApply")}</button>
      </form>
      {runs.count === 0 ? (
        <p className="empty">{t("noIngestRuns")}</p>
      ) : (
        <table className="data" data-testid="ingest-runs">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("colWhen")}</th>
              <th scope="col">{t("colActor")}</th>
              <th scope="col">{t("colVia")}</th>
              <th scope="col">{t("colStatus")}</th>
              <th scope="col">{t("colArticlesAdded")}</th>
              <th scope="col">{t("colCommentsAdded")}</th>
              <th scope="col">{t("colDuplicates")}</th>
              <th scope="col">{t("colRejected")}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((run) => (
              <tr key={run.id} data-testid="ingest-run">
                <td>
                  <Link href={`/admin/ingest/${run.id}`}>{n(run.id)}</Link>
                </td>
                <td className="meta">{formatDate(locale, run.startedAt)}</td>
                <td>
                  <bdi>{run.actor}</bdi>
                </td>
                <td>{run.via}</td>
                <td>
                  <span className={`badge status-${run.status}`}>{t(`ingest_${run.status}`)}</span>
                </td>
                <td className="num">{n(run.articlesAdded)}</td>
                <td className="num">{n(run.commentsAdded)}</td>
                <td className="num">{n(run.duplicates)}</td>
                <td className="num">{n(run.rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager locale={locale} page={runs.page} count={runs.count} pageSize={runs.pageSize} href={pageHref} />
    </>
  );
}
