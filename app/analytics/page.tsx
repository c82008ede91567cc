import { Suspense } from "react";
import { parseAnalyticsFilters, type SearchParams } from "@/lib/analytics/filters.ts";
import { getTimeZone, TIME_ZONE_COOKIE } from "@/lib/analytics/get-time-zone.ts";
import { listFilterOptions } from "@/lib/analytics/list-filter-options.ts";
import { resolveRange } from "@/lib/analytics/resolve-range.ts";
import type { ShapeContext } from "@/lib/analytics/shape-context.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { analyticsText } from "@/lib/i18n/analytics-messages.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { intlLocale } from "@/lib/i18n/messages.ts";
import {
  AgreementCharts,
  type ChartProps,
  ClassifierCharts,
  InsultCharts,
  LexiconCharts,
  ModerationCharts,
  SentimentChart,
  StanceCharts,
} from "./_components/charts.tsx";
import { FilterBar } from "./_components/filter-bar.tsx";
import { TimeZoneSync } from "./_components/time-zone-sync.tsx";

/** The analytics dashboard: the filter bar, then each chart streaming in on its own. */
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("charts:view");
  const [params, locale, timeZone] = await Promise.all([searchParams, getLocale(), getTimeZone()]);
  const t = analyticsText(locale);
  const filters = parseAnalyticsFilters(params);
  const range = resolveRange(filters, new Date(), timeZone);
  const options = await listFilterOptions();
  const ctx: ShapeContext = {
    intlLocale: intlLocale(locale),
    timeZone,
    unit: range.unit,
    t,
    base: {
      timeZone,
      source: filters.source,
      article: filters.article,
      language: filters.language,
      status: filters.status,
    },
  };
  const props: ChartProps = { filters, range, ctx, locale };
  const loading = (
    <p className="chart-card chart-loading" aria-busy="true">
      {t("loading")}
    </p>
  );
  return (
    <>
      <TimeZoneSync cookieName={TIME_ZONE_COOKIE} serverZone={timeZone} />
      <h1>{t("title")}</h1>
      <p className="analytics-intro">{t("intro")}</p>
      <FilterBar filters={filters} range={range} options={options} locale={locale} t={t} />
      {filters.labels === "human" && (
        // Until the moderation workspace stores labels, every chart counts the classifier's.
        <p className="analytics-hint" role="status">
          {t("labelsHumanUnavailable")}
        </p>
      )}
      <p className="analytics-hint">{t("drillHint")}</p>
      <div className="analytics-grid">
        <Suspense fallback={loading}>
          <SentimentChart {...props} />
        </Suspense>
        <Suspense fallback={loading}>
          <StanceCharts {...props} />
        </Suspense>
        <Suspense fallback={loading}>
          <InsultCharts {...props} />
        </Suspense>
        <Suspense fallback={loading}>
          <LexiconCharts {...props} />
        </Suspense>
        <Suspense fallback={loading}>
          <ModerationCharts {...props} />
        </Suspense>
        <Suspense fallback={loading}>
          <ClassifierCharts {...props} />
        </Suspense>
        <Suspense fallback={loading}>
          <AgreementCharts {...props} />
        </Suspense>
      </div>
    </>
  );
}
