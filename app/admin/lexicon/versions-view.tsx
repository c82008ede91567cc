import { formatDate } from "@/lib/i18n/format.ts";
import { lexiconText } from "@/lib/i18n/lexicon-messages.ts";
import type { Locale } from "@/lib/i18n/messages.ts";
import { rollBackAction } from "@/lib/lexicon/lexicon-actions.ts";
import { listPublications } from "@/lib/lexicon/list-versions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatNumber } from "./shared.ts";

/** Every publication with its re-classification state; admins roll back to any earlier version. */
export async function VersionsView({
  locale,
  canManage,
  current,
}: {
  locale: Locale;
  canManage: boolean;
  current: string;
}) {
  const t = lexiconText(locale);
  const publications = await listPublications();
  return (
    <section className="stack">
      <p className="meta">{t("versionsIntro")}</p>
      {publications.length === 0 ? (
        <p className="empty">{t("noVersions", { version: current })}</p>
      ) : (
        <table className="data" data-testid="versions">
          <thead>
            <tr>
              <th scope="col">{t("colVersion")}</th>
              <th scope="col">{t("colKind")}</th>
              <th scope="col">{t("note")}</th>
              <th scope="col">{t("colBy")}</th>
              <th scope="col">{t("colWhen")}</th>
              <th scope="col">{t("colEntryCount")}</th>
              <th scope="col">{t("colState")}</th>
              {canManage && <th scope="col">{t("colActions")}</th>}
            </tr>
          </thead>
          <tbody>
            {publications.map((p) => (
              <tr key={p.id} data-testid="version-row" data-version={p.version}>
                <td>
                  <code dir="ltr">{p.version}</code>{" "}
                  {p.current && <span className="badge">{t("current")}</span>}
                </td>
                <td>{t(p.kind === "rollback" ? "kind_rollback" : "kind_publish")}</td>
                <td>
                  <bdi>{p.note}</bdi>
                </td>
                <td className="meta">
                  <bdi>{p.publishedBy}</bdi>
                </td>
                <td className="meta">{formatDate(locale, p.publishedAt)}</td>
                <td className="num">{formatNumber(locale, p.entryCount)}</td>
                <td>
                  {t(`jobState_${p.state}`)} · {formatNumber(locale, p.done)}/{formatNumber(locale, p.total)}
                </td>
                {canManage && (
                  <td>
                    {p.version !== current && (
                      <ActionForm
                        action={rollBackAction}
                        hidden={{ version: p.version }}
                        label={t("rollBack")}
                        testId="roll-back"
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
