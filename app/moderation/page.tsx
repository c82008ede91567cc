import { cookies } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { can } from "@/lib/auth/permissions.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type MessageKey, translate } from "@/lib/i18n/messages.ts";
import { getCommentDetail } from "@/lib/moderation/get-comment-detail.ts";
import { listEscalationReasons } from "@/lib/moderation/list-escalation-reasons.ts";
import { listSources } from "@/lib/moderation/list-filter-options.ts";
import { listQueue } from "@/lib/moderation/list-queue.ts";
import { exportHref, queueHref } from "@/lib/moderation/queue-href.ts";
import { parseQueueParams } from "@/lib/moderation/queue-params.ts";
import { parseQueuePrefs, QUEUE_PREFS_COOKIE } from "@/lib/moderation/queue-prefs.ts";
import { CommentDetailView } from "./comment-detail.tsx";
import { ModerationWorkspace } from "./moderation-workspace.tsx";
import { QueueFilters } from "./queue-filters.tsx";
import { QueueTabs, QueueTabsPending } from "./queue-tabs.tsx";

export const dynamic = "force-dynamic";

export default async function ModerationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("comments:view");
  const parsed = parseQueueParams(await searchParams);
  const prefs = parseQueuePrefs((await cookies()).get(QUEUE_PREFS_COOKIE)?.value);
  const params = { ...parsed.params, size: parsed.params.size ?? (prefs.size as 25 | 50 | 100) };
  const [locale, page, detail, reasons, sources] = await Promise.all([
    getLocale(),
    listQueue(params, user.id),
    params.c ? getCommentDetail(params.c, user.id) : Promise.resolve(null),
    listEscalationReasons(),
    listSources(),
  ]);
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  return (
    <>
      <h1>{t("moderationTitle")}</h1>
      {can(user.role, "export") && (
        <p>
          <Link href={exportHref(params)} data-testid="export-these">
            {t("exportThese")}
          </Link>
        </p>
      )}
      {!parsed.ok &&
        parsed.problems.map((p) => (
          <p key={p.param} className="error" role="alert">
            {t("badParam", { param: p.param, message: p.message })}
          </p>
        ))}
      <Suspense fallback={<QueueTabsPending params={params} locale={locale} />}>
        <QueueTabs params={params} locale={locale} userId={user.id} />
      </Suspense>
      <QueueFilters params={params} locale={locale} sources={sources} />
      <ModerationWorkspace
        locale={locale}
        rows={page.data}
        params={params}
        prefs={prefs}
        canDecide={can(user.role, "comments:decide")}
        open={
          detail
            ? { id: detail.id, version: detail.version, status: detail.status, myLabel: detail.myLabel }
            : null
        }
        detail={detail ? <CommentDetailView comment={detail} locale={locale} /> : null}
        reasons={reasons.map((r) => ({ id: r.id, label: locale === "ar" ? r.labelAr : r.labelEn }))}
        nextHref={page.nextCursor ? queueHref(params, { after: page.nextCursor, c: null }) : null}
        prevHref={page.prevCursor ? queueHref(params, { before: page.prevCursor, c: null }) : null}
        firstHref={
          params.after || params.before ? queueHref(params, { after: null, before: null, c: null }) : null
        }
      />
    </>
  );
}
