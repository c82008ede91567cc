import Link from "next/link";
import {
  type AnalyticsFilters,
  analyticsQuery,
  MODERATION_STATUSES,
  RANGE_PRESETS,
} from "@/lib/analytics/filters.ts";
import type { FilterOptions } from "@/lib/analytics/list-filter-options.ts";
import type { ResolvedRange } from "@/lib/analytics/resolve-range.ts";
import { addDays } from "@/lib/analytics/time-zone.ts";
import type { AnalyticsMessageKey, AnalyticsText } from "@/lib/i18n/analytics-messages.ts";
import { type Locale, translate } from "@/lib/i18n/messages.ts";

const PRESET_LABEL: Record<(typeof RANGE_PRESETS)[number], AnalyticsMessageKey> = {
  today: "rangeToday",
  "7d": "range7d",
  "30d": "range30d",
  "12m": "range12m",
  all: "rangeAll",
  custom: "rangeCustom",
};

const STATUS_LABEL = {
  pending: "statusPending",
  approved: "statusApproved",
  rejected: "statusRejected",
  escalated: "statusEscalated",
} as const;

interface FilterBarProps {
  filters: AnalyticsFilters;
  range: ResolvedRange;
  options: FilterOptions;
  locale: Locale;
  t: AnalyticsText;
}

/**
 * The shared filter bar. Plain links and a GET form: the URL is the state, so every view can
 * be bookmarked and shared, and it works before JavaScript loads.
 */
export function FilterBar({ filters, range, options, locale, t }: FilterBarProps) {
  const current = range.current;
  const href = (change: Partial<AnalyticsFilters>) => `/analytics${analyticsQuery(filters, change)}`;
  return (
    <section className="analytics-filters" aria-label={t("filters")}>
      <nav aria-label={t("range")} className="range-presets" data-testid="range-presets">
        {RANGE_PRESETS.filter((preset) => preset !== "custom").map((preset) => (
          <Link
            key={preset}
            className="pill"
            href={href({ range: preset, from: undefined, to: undefined })}
            aria-current={filters.range === preset ? "page" : undefined}
          >
            {t(PRESET_LABEL[preset])}
          </Link>
        ))}
        {filters.range === "all" ? (
          <span className="compare-toggle" aria-disabled="true" title={t("compareUnavailable")}>
            {t("compare")} — {t("compareUnavailable")}
          </span>
        ) : (
          <Link
            href={href({ compare: !filters.compare })}
            className="pill compare-toggle"
            role="switch"
            aria-checked={filters.compare}
            data-testid="compare-toggle"
          >
            {t("compare")}
          </Link>
        )}
      </nav>
      <form method="get" action="/analytics" className="filter-form">
        <label>
          {t("range")}
          <select name="range" defaultValue={filters.range}>
            {RANGE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t(PRESET_LABEL[preset])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("from")}
          <input type="date" name="from" defaultValue={filters.from ?? current?.fromDay ?? ""} />
        </label>
        <label>
          {t("to")}
          <input
            type="date"
            name="to"
            defaultValue={filters.to ?? (current ? addDays(current.toDay, -1) : "")}
          />
        </label>
        <label>
          {t("source")}
          <select name="source" defaultValue={filters.source?.toString() ?? ""}>
            <option value="">{t("any")}</option>
            {options.sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("article")}
          <input
            type="number"
            name="article"
            min={1}
            defaultValue={filters.article ?? ""}
            inputMode="numeric"
          />
        </label>
        <label>
          {t("language")}
          <select name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("any")}</option>
            {options.languages.map((language) => (
              <option key={language} value={language}>
                {language}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("status")}
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("any")}</option>
            {MODERATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {translate(locale, STATUS_LABEL[status])}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="label-source">
          <legend>{t("labels")}</legend>
          <label>
            <input type="radio" name="labels" value="classifier" defaultChecked />
            {t("labelsClassifier")}
          </label>
          <label>
            <input type="radio" name="labels" value="human" disabled aria-describedby="labels-human-note" />
            {t("labelsHuman")}
          </label>
          <small id="labels-human-note">{t("labelsHumanUnavailable")}</small>
        </fieldset>
        {filters.compare && <input type="hidden" name="compare" value="1" />}
        {filters.insultSort !== "rate" && (
          <input type="hidden" name="insultSort" value={filters.insultSort} />
        )}
        <button type="submit">{t("apply")}</button>
        <Link href="/analytics">{t("reset")}</Link>
      </form>
      <p className="analytics-zone">{t("timeZoneNote", { zone: range.timeZone })}</p>
    </section>
  );
}
