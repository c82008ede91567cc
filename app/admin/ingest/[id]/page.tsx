import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user.ts";
import { formatDate, formatNumber } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type MessageKey, translate } from "@/lib/i18n/messages.ts";
import type { IngestProblem } from "@/lib/ingest/ingest-run.ts";
import { getIngestRun } from "@/lib/ingest/list-ingest-runs.ts";

export const dynamic = "force-dynamic";

export default async function IngestRunPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("users:manage");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const [locale, run] = await Promise.all([getLocale(), getIngestRun(id)]);
  if (!run) notFound();
  const t = (key: MessageKey) => translate(locale, key);
  const errors = (Array.isArray(run.errors) ? run.errors : []) as unknown as IngestProblem[];
  const inputs = (Array.isArray(run.inputs) ? run.inputs : []) as string[];
  return (
    <>
      <p>
        <Link href="/admin/ingest">{t("ingestTitle")}</Link>
      </p>
      <h1>
        {t("ingestRun")} #{formatNumber(locale, run.id)}
      </h1>
      <dl className="facts">
        <dt>{t("colStatus")}</dt>
        <dd>{t(`ingest_${run.status}`)}</dd>
        <dt>{t("colActor")}</dt>
        <dd>
          <bdi>{run.actor}</bdi> ({run.via})
        </dd>
        <dt>{t("colWhen")}</dt>
        <dd>
          {formatDate(locale, run.startedAt)}
          {run.finishedAt && ` → ${formatDate(locale, run.finishedAt)}`}
        </dd>
        <dt>{t("colInputs")}</dt>
        <dd>
          {inputs.map((input) => (
            <bdi key={input} dir="ltr" className="path">
              {input}
            </bdi>
          ))}
        </dd>
        <dt>{t("colCommentsAdded")}</dt>
        <dd>{formatNumber(locale, run.commentsAdded)}</dd>
        <dt>{t("colDuplicates")}</dt>
        <dd>{formatNumber(locale, run.duplicates)}</dd>
      </dl>
      <h2>
        {t("colErrors")} ({formatNumber(locale, errors.length)})
      </h2>
      {errors.length === 0 ? (
        <p className="empty">{t("noIngestErrors")}</p>
      ) : (
        <table className="data" data-testid="ingest-errors">
          <thead>
            <tr>
              <th scope="col">{t("colInputs")}</th>
              <th scope="col">{t("colLine")}</th>
              <th scope="col">{t("colReason")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, index) => (
              // Errors have no identity of their own; their order is fixed once stored.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={index}>
                <td>
                  <bdi dir="ltr">{e.input}</bdi>
                </td>
                <td className="num">{e.line ?? ""}</td>
                <td>
                  <bdi>{e.reason}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
