import Link from "next/link";
import type { StanceTarget } from "@/lib/classifier/types.ts";
import { sideLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import { lexiconText } from "@/lib/i18n/lexicon-messages.ts";
import type { Locale } from "@/lib/i18n/messages.ts";
import { editEntryAction } from "@/lib/lexicon/lexicon-actions.ts";
import { listSuggestions } from "@/lib/lexicon/list-suggestions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatNumber, percent } from "./shared.ts";

/** Terms the human labels suggest, each addable to the draft in one click. */
export async function SuggestionsView({ locale }: { locale: Locale }) {
  const t = lexiconText(locale);
  const suggestions = await listSuggestions();
  return (
    <section className="stack">
      <p className="meta">{t("suggestionsIntro")}</p>
      {suggestions.length === 0 ? (
        <p className="empty">{t("noSuggestions")}</p>
      ) : (
        <table className="data" data-testid="suggestions">
          <thead>
            <tr>
              <th scope="col">{t("colTerm")}</th>
              <th scope="col">{t("colSuggestedAs")}</th>
              <th scope="col">{t("colPrecision")}</th>
              <th scope="col">{t("colCount")}</th>
              <th scope="col">{t("colExamples")}</th>
              <th scope="col">{t("colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {suggestions.map((s) => {
              const [side, target] = s.suggestedAs === "insult" ? [null, null] : s.suggestedAs.split(":");
              const as =
                s.suggestedAs === "insult"
                  ? t("insult")
                  : `${sideLabels[locale][side as "favor"]} · ${targetLabels[locale][target as StanceTarget]}`;
              return (
                <tr key={`${s.suggestedAs}-${s.term}`} data-testid="suggestion">
                  <td>
                    <bdi>{s.term}</bdi>
                  </td>
                  <td>{as}</td>
                  <td className="num">{percent(locale, s.precision)}</td>
                  <td className="num">
                    {formatNumber(locale, s.positives)} / {formatNumber(locale, s.occurrences)}
                  </td>
                  <td>
                    {s.examples.map((e) => (
                      <Link
                        key={e.id}
                        href={`/moderation?queue=all&c=${e.id}`}
                        className="pill"
                        title={e.body.slice(0, 200)}
                      >
                        #{e.id}
                      </Link>
                    ))}
                  </td>
                  <td>
                    <ActionForm
                      action={editEntryAction}
                      label={t("addToDraft")}
                      testId="add-suggestion"
                      hidden={{
                        term: s.term,
                        category: s.suggestedAs === "insult" ? "insult" : "stance",
                        weight: "0.6",
                        language: "ar",
                        target: target ?? "",
                        side: side ?? "",
                        note: `suggested: ${s.positives}/${s.occurrences} labelled comments`,
                      }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
