import Link from "next/link";
import type { LexiconCategory } from "@/lib/classifier/types.ts";
import { categoryLabels, sentimentLabels } from "@/lib/i18n/classifier-labels.ts";
import { lexiconText } from "@/lib/i18n/lexicon-messages.ts";
import type { Locale } from "@/lib/i18n/messages.ts";
import type { ResultSummary } from "@/lib/lexicon/compare-results.ts";
import { draftChanges } from "@/lib/lexicon/get-draft.ts";
import type { LayerEntry } from "@/lib/lexicon/layer-entry.ts";
import { discardDraftAction, publishAction, revertEntryAction } from "@/lib/lexicon/lexicon-actions.ts";
import type { Prf } from "@/lib/lexicon/score-lexicon.ts";
import { testDraft } from "@/lib/lexicon/test-draft.ts";
import { ActionForm } from "./action-form.tsx";
import { decimal, formatNumber } from "./shared.ts";

function describe(locale: Locale, entry: LayerEntry | null): string {
  if (!entry) return "";
  return [
    entry.op === "remove" ? "−" : "+",
    categoryLabels[locale][entry.category as LexiconCategory] ?? entry.category,
    entry.target ? `${entry.target}${entry.side ? `/${entry.side}` : ""}` : "",
    `w=${entry.weight}`,
    entry.language,
    entry.flags,
    entry.note,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The draft's edits, "Test draft" with its comparison, and publish / discard. */
export async function DraftView({
  locale,
  runTest,
  published,
  draft,
}: {
  locale: Locale;
  runTest: boolean;
  published: LayerEntry[];
  draft: LayerEntry[];
}) {
  const t = lexiconText(locale);
  const changes = draftChanges(draft, published);
  const result = runTest ? await testDraft() : null;
  const summary = (s: ResultSummary) =>
    `${s.insult ? t("insult") : "—"} (${decimal(locale, s.insultScore, 2)}) · ${sentimentLabels[locale][s.sentiment as "positive"] ?? s.sentiment}${
      Object.keys(s.stance).length
        ? ` · ${Object.entries(s.stance)
            .map(([k, v]) => `${k}:${v}`)
            .join(", ")}`
        : ""
    }`;
  const metricRows: { key: "insult" | "sentiment" | "stance"; label: string }[] = [
    { key: "insult", label: t("insult") },
    { key: "sentiment", label: t("sentiment") },
    { key: "stance", label: t("stance") },
  ];
  const cell = (p: Prf, field: "precision" | "recall" | "f1") => decimal(locale, p[field]);
  return (
    <section className="stack">
      <h2>{t("draftChangesTitle")}</h2>
      {changes.length === 0 ? (
        <p className="empty">{t("noPendingChanges")}</p>
      ) : (
        <table className="data" data-testid="draft-changes">
          <thead>
            <tr>
              <th scope="col">{t("colTerm")}</th>
              <th scope="col">{t("publishedCol")}</th>
              <th scope="col">{t("draftCol")}</th>
              <th scope="col">{t("colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.key} data-testid="draft-change">
                <td>
                  <bdi>{(c.draft ?? c.published)?.term}</bdi>{" "}
                  <span className="badge">
                    {!c.published ? t("changeAdded") : !c.draft ? t("changeRemoved") : t("changeChanged")}
                  </span>
                </td>
                <td className="meta">
                  <bdi>{describe(locale, c.published)}</bdi>
                </td>
                <td className="meta">
                  <bdi>{describe(locale, c.draft)}</bdi>
                </td>
                <td>
                  {c.draft && (
                    <ActionForm action={revertEntryAction} hidden={{ key: c.key }} label={t("revert")} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link href="/admin/lexicon?view=draft&test=1" className="button" data-testid="test-draft">
          {t("testDraft")}
        </Link>
      </p>
      {result && (
        <div className="stack" data-testid="draft-test">
          <p className="meta">
            {t("testIntro", { count: formatNumber(locale, result.comments) })}{" "}
            {t("testTook", { seconds: decimal(locale, result.seconds, 2) })}
          </p>
          <table className="data" data-testid="draft-metrics">
            <caption>{t("metricsTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("metric")}</th>
                <th scope="col">{t("precision")}</th>
                <th scope="col">{t("recall")}</th>
                <th scope="col">{t("f1")}</th>
                <th scope="col">{t("answers")}</th>
              </tr>
            </thead>
            <tbody>
              {metricRows.flatMap(({ key, label }) => [
                <tr key={`${key}-p`} data-testid={`metric-${key}-published`}>
                  <th scope="row">
                    {label} · {t("publishedCol")} <bdi className="meta">{result.publishedVersion}</bdi>
                  </th>
                  <td className="num">{cell(result.published[key], "precision")}</td>
                  <td className="num">{cell(result.published[key], "recall")}</td>
                  <td className="num" data-testid="f1">
                    {cell(result.published[key], "f1")}
                  </td>
                  <td className="num">{formatNumber(locale, result.published[key].count)}</td>
                </tr>,
                <tr key={`${key}-d`} data-testid={`metric-${key}-draft`}>
                  <th scope="row">
                    {label} · {t("draftCol")} <bdi className="meta">{result.draftVersion}</bdi>
                  </th>
                  <td className="num">{cell(result.draft[key], "precision")}</td>
                  <td className="num">{cell(result.draft[key], "recall")}</td>
                  <td className="num" data-testid="f1">
                    {cell(result.draft[key], "f1")}
                  </td>
                  <td className="num">{formatNumber(locale, result.draft[key].count)}</td>
                </tr>,
              ])}
            </tbody>
          </table>
          <h3>{t("changedTitle", { count: formatNumber(locale, result.changes.length) })}</h3>
          <p className="meta">
            {t("newlyFlagged", { count: formatNumber(locale, result.newlyFlagged) })} ·{" "}
            {t("noLongerFlagged", { count: formatNumber(locale, result.noLongerFlagged) })}
          </p>
          {result.changes.length === 0 ? (
            <p className="empty">{t("noChanges")}</p>
          ) : (
            <ul className="comments" data-testid="changed-comments">
              {result.changes.slice(0, 500).map((c) => (
                <li key={c.id} className="comment" data-testid="changed-comment" data-kind={c.kind}>
                  <span className={`badge ${c.kind === "newly_flagged" ? "insult" : ""}`}>
                    {t(`kind_${c.kind}`)}
                  </span>{" "}
                  <Link href={`/moderation?queue=all&c=${c.id}`} data-testid="open-changed">
                    {t("open")} #{c.id}
                  </Link>
                  <p>
                    <bdi>{c.body.length > 400 ? `${c.body.slice(0, 400)}…` : c.body}</bdi>
                  </p>
                  <p className="meta">
                    {t("before")}: {summary(c.before)} → {t("after")}: {summary(c.after)} · {t("human")}:{" "}
                    {c.human.insult === null ? "—" : c.human.insult ? t("yes") : t("no")}
                  </p>
                  {c.termsAdded.length > 0 && (
                    <p className="meta">
                      <bdi>{t("termsAdded", { terms: c.termsAdded.join("، ") })}</bdi>
                    </p>
                  )}
                  {c.termsRemoved.length > 0 && (
                    <p className="meta">
                      <bdi>{t("termsRemoved", { terms: c.termsRemoved.join("، ") })}</bdi>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ActionForm action={publishAction} label={t("publish")} testId="publish-form" className="stack">
        <p className="meta">{t("publishHint")}</p>
        <label>
          {t("publishNote")}
          <input name="note" dir="auto" maxLength={2000} data-testid="publish-note" />
        </label>
      </ActionForm>
      {changes.length > 0 && (
        <ActionForm action={discardDraftAction} label={t("discard")} testId="discard-draft" />
      )}
    </section>
  );
}
