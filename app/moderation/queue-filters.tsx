import { STANCE_TARGETS } from "@/lib/classifier/types.ts";
import { sentimentLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import { type Locale, type MessageKey, translate } from "@/lib/i18n/messages.ts";
import { LANGUAGES, type QueueParams, STATUSES } from "@/lib/moderation/queue-params.ts";

const STATUS_KEY = {
  pending: "statusPending",
  approved: "statusApproved",
  rejected: "statusRejected",
  escalated: "statusEscalated",
} as const satisfies Record<string, MessageKey>;

/** The filter form: a plain GET form, so the URL holds every filter and works without script. */
export function QueueFilters({
  params,
  locale,
  sources,
}: {
  params: QueueParams;
  locale: Locale;
  sources: { id: number; name: string }[];
}) {
  const t = (key: MessageKey) => translate(locale, key);
  const any = <option value="">{t("filterAny")}</option>;
  return (
    <form
      method="get"
      action="/moderation"
      className="filters"
      aria-label={t("filtersLabel")}
      data-testid="filters"
    >
      <input type="hidden" name="queue" value={params.queue} />
      {params.sort !== "id" && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir !== "desc" && <input type="hidden" name="dir" value={params.dir} />}
      {params.size && <input type="hidden" name="size" value={params.size} />}
      {params.tz && <input type="hidden" name="tz" value={params.tz} />}
      {/* A confusion-matrix cell opened from the dashboard stays selected while other filters change. */}
      {params.labelCheck && <input type="hidden" name="labelCheck" value={params.labelCheck} />}
      {params.humanSaid && <input type="hidden" name="humanSaid" value={params.humanSaid} />}
      {params.classifierSaid && <input type="hidden" name="classifierSaid" value={params.classifierSaid} />}
      <label className="search">
        {t("filterSearch")}
        <input type="search" name="q" defaultValue={params.q ?? ""} dir="auto" data-testid="filter-q" />
      </label>
      <label>
        {t("colStatus")}
        <select name="status" defaultValue={params.status ?? ""}>
          {any}
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEY[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filterInsult")}
        <select name="insult" defaultValue={params.insult ?? ""} data-testid="filter-insult">
          {any}
          <option value="yes">{t("yes")}</option>
          <option value="no">{t("no")}</option>
        </select>
      </label>
      <label>
        {t("filterScoreMin")}
        <input
          type="number"
          name="scoreMin"
          min={0}
          max={1}
          step={0.05}
          defaultValue={params.scoreMin ?? ""}
        />
      </label>
      <label>
        {t("filterScoreMax")}
        <input
          type="number"
          name="scoreMax"
          min={0}
          max={1}
          step={0.05}
          defaultValue={params.scoreMax ?? ""}
        />
      </label>
      <label>
        {t("filterSentiment")}
        <select name="sentiment" defaultValue={params.sentiment ?? ""}>
          {any}
          {(["positive", "negative", "neutral"] as const).map((s) => (
            <option key={s} value={s}>
              {sentimentLabels[locale][s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filterStanceTarget")}
        <select name="stanceTarget" defaultValue={params.stanceTarget ?? ""}>
          {any}
          {STANCE_TARGETS.map((s) => (
            <option key={s} value={s}>
              {targetLabels[locale][s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filterStanceSide")}
        <select name="stanceSide" defaultValue={params.stanceSide ?? ""}>
          {any}
          <option value="favor">{t("sideFavor")}</option>
          <option value="against">{t("sideAgainst")}</option>
        </select>
      </label>
      <label>
        {t("filterSource")}
        <select name="source" defaultValue={params.source ?? ""}>
          {any}
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filterArticle")}
        <input type="number" name="article" min={1} defaultValue={params.article ?? ""} />
      </label>
      <label>
        {t("filterLanguage")}
        <select name="language" defaultValue={params.language ?? ""}>
          {any}
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filterFrom")}
        {params.tz && (
          <span className="meta" data-testid="filter-tz">
            {" "}
            ({params.tz})
          </span>
        )}
        <input type="date" name="from" defaultValue={params.from ?? ""} />
      </label>
      <label>
        {t("filterTo")}
        <input type="date" name="to" defaultValue={params.to ?? ""} />
      </label>
      <label>
        {t("filterLabelled")}
        <select name="labelled" defaultValue={params.labelled ?? ""}>
          {any}
          <option value="yes">{t("yes")}</option>
          <option value="no">{t("no")}</option>
        </select>
      </label>
      <label>
        {t("filterLabelledBy")}
        <select name="labelledBy" defaultValue={params.labelledBy ?? ""}>
          {any}
          <option value="me">{t("labelledByMe")}</option>
          <option value="others">{t("labelledByOthers")}</option>
        </select>
      </label>
      <div className="filter-actions">
        <button type="submit" data-testid="apply-filters">
          {t("applyFilters")}
        </button>
        <a href={`/moderation?queue=${params.queue}`}>{t("clearFilters")}</a>
      </div>
    </form>
  );
}
