import Link from "next/link";
import { can } from "@/lib/auth/permissions.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type LexiconMessageKey, lexiconText } from "@/lib/i18n/lexicon-messages.ts";
import { draftChanges, getDraftLayer } from "@/lib/lexicon/get-draft.ts";
import { compileLayer, getPublishedLexicon } from "@/lib/lexicon/get-published-lexicon.ts";
import { resumeJobAction } from "@/lib/lexicon/lexicon-actions.ts";
import { type LexiconView, lexiconHref, parseLexiconParams } from "@/lib/lexicon/lexicon-params.ts";
import { currentPublication } from "@/lib/lexicon/list-versions.ts";
import { STALLED_AFTER_MS } from "@/lib/lexicon/resume-publication-job.ts";
import { ActionForm } from "./action-form.tsx";
import { DraftView } from "./draft-view.tsx";
import { EntriesView } from "./entries-view.tsx";
import { ImportView } from "./import-view.tsx";
import { RefreshWhileRunning } from "./job-progress.tsx";
import { ProposalsView } from "./proposals-view.tsx";
import { formatNumber, percent } from "./shared.ts";
import { SuggestionsView } from "./suggestions-view.tsx";
import { VersionsView } from "./versions-view.tsx";

export const dynamic = "force-dynamic";

const TAB_KEY: Record<LexiconView, LexiconMessageKey> = {
  entries: "tabEntries",
  draft: "tabDraft",
  suggestions: "tabSuggestions",
  proposals: "tabProposals",
  versions: "tabVersions",
  import: "tabImport",
};

export default async function LexiconPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("comments:view");
  const raw = await searchParams;
  const params = parseLexiconParams(raw);
  const canManage = can(user.role, "lexicon:manage");
  const canPropose = can(user.role, "lexicon:propose");
  const views: LexiconView[] = [
    "entries",
    ...(canManage ? (["draft", "suggestions"] as const) : []),
    ...(canPropose ? (["proposals"] as const) : []),
    "versions",
    "import",
  ];
  const view = views.includes(params.view) ? params.view : "entries";
  const [locale, published, draftLayer, job] = await Promise.all([
    getLocale(),
    getPublishedLexicon(),
    getDraftLayer(),
    currentPublication(),
  ]);
  const t = lexiconText(locale);
  const draftVersion = compileLayer(draftLayer).compiled.version;
  const pending = draftChanges(draftLayer, published.layer).length;
  const running = job !== null && (job.state === "queued" || job.state === "running");
  const stalled = running && Date.now() - (job.heartbeatAt ?? job.publishedAt).getTime() > STALLED_AFTER_MS;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="meta">{t("intro")}</p>
      <div className="lexicon-status" data-testid="lexicon-status">
        <span data-testid="published-version">
          {t("publishedVersion", { version: published.layered.compiled.version })}
        </span>
        {canManage && (
          <>
            <span data-testid="draft-version">{t("draftVersion", { version: draftVersion })}</span>
            <span data-testid="pending-changes">
              {pending > 0
                ? t("pendingChanges", { count: formatNumber(locale, pending) })
                : t("noPendingChanges")}
            </span>
          </>
        )}
      </div>
      {job && (job.state !== "succeeded" || job.done < job.total) && (
        <div className="job-progress" data-testid="job-progress" data-state={job.state}>
          <progress max={Math.max(job.total, 1)} value={job.done} aria-label={t("colState")} />
          <span>
            {t("jobProgress", {
              version: job.version,
              done: formatNumber(locale, job.done),
              total: formatNumber(locale, job.total),
              percent: percent(locale, job.total ? job.done / job.total : 1),
            })}{" "}
            · {stalled ? t("jobStalled") : t(`jobState_${job.state}`)}
          </span>
          {job.error && <span className="error">{t("jobError", { error: job.error })}</span>}
          {canManage && (job.state === "failed" || stalled) && (
            <ActionForm
              action={resumeJobAction}
              hidden={{ publication: String(job.id) }}
              label={t("resume")}
              testId="resume-job"
            />
          )}
        </div>
      )}
      {job?.state === "succeeded" && job.done >= job.total && job.total > 0 && (
        <p className="meta" data-testid="job-progress" data-state="succeeded">
          {t("jobProgress", {
            version: job.version,
            done: formatNumber(locale, job.done),
            total: formatNumber(locale, job.total),
            percent: percent(locale, 1),
          })}{" "}
          · {t("jobState_succeeded")}
        </p>
      )}
      {/* Not on a test result: refreshing would run the whole test again every time. */}
      <RefreshWhileRunning running={running && !stalled && !(view === "draft" && raw.test === "1")} />
      <nav className="queues" aria-label={t("title")}>
        {views.map((v) => (
          <Link
            key={v}
            href={lexiconHref({ view: v })}
            className="queue-tab"
            aria-current={v === view ? "page" : undefined}
            data-testid={`tab-${v}`}
          >
            {t(TAB_KEY[v])}
          </Link>
        ))}
      </nav>
      {!canManage && !canPropose && (
        <p className="meta" data-testid="read-only">
          {t("readOnly")}
        </p>
      )}
      {view === "entries" && <EntriesView locale={locale} params={params} canManage={canManage} />}
      {view === "draft" && canManage && (
        <DraftView
          locale={locale}
          runTest={raw.test === "1"}
          published={published.layer}
          draft={draftLayer}
        />
      )}
      {view === "suggestions" && canManage && <SuggestionsView locale={locale} />}
      {view === "proposals" && canPropose && (
        <ProposalsView locale={locale} canManage={canManage} userId={user.id} />
      )}
      {view === "versions" && (
        <VersionsView locale={locale} canManage={canManage} current={published.layered.compiled.version} />
      )}
      {view === "import" && <ImportView locale={locale} canManage={canManage} />}
    </>
  );
}
