import { Pager } from "@/app/_components/pager.tsx";
import { SECURITY_ACTIONS } from "@/lib/auth/audit.ts";
import { auditFilterSchema, listAuditEvents } from "@/lib/auth/list-audit-events.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { formatDate } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type MessageKey, translate } from "@/lib/i18n/messages.ts";

export const dynamic = "force-dynamic";

function actionLabel(action: string): MessageKey | null {
  const key = `audit_${action}`;
  return (SECURITY_ACTIONS as readonly string[]).includes(action) ? (key as MessageKey) : null;
}

function details(before: unknown, after: unknown): string {
  const parts = [before ? JSON.stringify(before) : "", after ? JSON.stringify(after) : ""].filter(Boolean);
  return parts.join(" → ");
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("users:manage");
  const filter = auditFilterSchema.parse(await searchParams);
  const [locale, events] = await Promise.all([getLocale(), listAuditEvents(filter)]);
  const t = (key: MessageKey, params?: Record<string, number>) => translate(locale, key, params);
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (filter.action) query.set("action", filter.action);
    if (filter.actor) query.set("actor", filter.actor);
    if (filter.from) query.set("from", filter.from);
    if (filter.to) query.set("to", filter.to);
    query.set("page", String(page));
    return `/admin/audit?${query}`;
  };
  return (
    <>
      <h1>{t("auditTitle")}</h1>
      <form method="get" className="filters" data-testid="audit-filters">
        <label>
          {t("filterAction")}
          <select name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("allActions")}</option>
            {SECURITY_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(actionLabel(action) ?? "allActions")}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filterActor")}
          <input name="actor" type="search" defaultValue={filter.actor ?? ""} dir="ltr" />
        </label>
        <label>
          {t("filterFrom")}
          <input name="from" type="date" defaultValue={filter.from ?? ""} />
        </label>
        <label>
          {t("filterTo")}
          <input name="to" type="date" defaultValue={filter.to ?? ""} />
        </label>
        <button type="submit">{t("filterApply")}</button>
      </form>
      {events.count === 0 ? (
        <p className="empty">{t("noAuditEvents")}</p>
      ) : (
        <table className="data" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t("colWhen")}</th>
              <th scope="col">{t("colAction")}</th>
              <th scope="col">{t("colActor")}</th>
              <th scope="col">{t("colTarget")}</th>
              <th scope="col">{t("colDetails")}</th>
              <th scope="col">{t("colIp")}</th>
            </tr>
          </thead>
          <tbody>
            {events.data.map((event) => {
              const label = actionLabel(event.action);
              return (
                <tr key={event.id} data-testid="audit-row" data-action={event.action}>
                  <td className="meta">{formatDate(locale, event.createdAt)}</td>
                  <td>{label ? t(label) : <code>{event.action}</code>}</td>
                  <td>
                    <bdi>{event.actorLabel ?? "—"}</bdi>
                  </td>
                  <td>
                    {event.targetLabel ? (
                      <bdi>{event.targetLabel}</bdi>
                    ) : (
                      <span dir="ltr" className="meta">
                        {event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "—"}
                      </span>
                    )}
                  </td>
                  <td dir="ltr" className="meta">
                    <bdi>{details(event.before, event.after)}</bdi>
                  </td>
                  <td dir="ltr" className="meta">
                    {event.ip ?? ""}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager
        locale={locale}
        page={events.page}
        count={events.count}
        pageSize={events.pageSize}
        href={pageHref}
      />
    </>
  );
}
