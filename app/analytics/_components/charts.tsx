import Link from "next/link";
import type { ReactNode } from "react";
import { type AnalyticsFilters, analyticsQuery, INSULT_SORTS } from "@/lib/analytics/filters.ts";
import { getClassifierVsHuman } from "@/lib/analytics/get-classifier-vs-human.ts";
import { getInsultRates, TOP_ARTICLES } from "@/lib/analytics/get-insult-rates.ts";
import { getLexiconTerms } from "@/lib/analytics/get-lexicon-terms.ts";
import { getModerationThroughput } from "@/lib/analytics/get-moderation-throughput.ts";
import { getModeratorAgreement } from "@/lib/analytics/get-moderator-agreement.ts";
import { getSentimentOverTime } from "@/lib/analytics/get-sentiment-over-time.ts";
import { getStanceByTarget } from "@/lib/analytics/get-stance-by-target.ts";
import type { ResolvedRange } from "@/lib/analytics/resolve-range.ts";
import { shapeClassifierScores, shapeConfusion } from "@/lib/analytics/shape-classifier-vs-human.ts";
import type { ShapeContext } from "@/lib/analytics/shape-context.ts";
import { shapeInsultRates } from "@/lib/analytics/shape-insult-rates.ts";
import { shapeLexiconCategories, shapeLexiconTerms } from "@/lib/analytics/shape-lexicon-terms.ts";
import { shapeModerationThroughput, shapeQueueAge } from "@/lib/analytics/shape-moderation-throughput.ts";
import {
  shapeAgreementOverall,
  shapeAgreementPairs,
  summariseAgreement,
} from "@/lib/analytics/shape-moderator-agreement.ts";
import { shapeSentimentOverTime } from "@/lib/analytics/shape-sentiment-over-time.ts";
import { shapeStanceBySource, shapeStanceOverTime } from "@/lib/analytics/shape-stance.ts";
import { STANCE_TARGETS } from "@/lib/classifier/index.ts";
import { categoryLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import type { Locale } from "@/lib/i18n/messages.ts";
import { LABEL_CHECKS, type LabelCheck, type LabelValue } from "@/lib/moderation/label-pairs-sql.ts";
import { ChartCard } from "./chart-card.tsx";

export interface ChartProps {
  filters: AnalyticsFilters;
  range: ResolvedRange;
  ctx: ShapeContext;
  locale: Locale;
}

/**
 * Runs one chart's query; if it fails, that chart says so (and the log has the detail) while
 * the rest of the dashboard still renders. Never an empty chart in place of an error.
 */
async function guarded(id: string, ctx: ShapeContext, render: () => Promise<ReactNode>): Promise<ReactNode> {
  try {
    return await render();
  } catch (error) {
    console.error(`analytics chart ${id} failed`, error);
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return (
      <section className="chart-card" role="alert" data-testid={`chart-${id}`}>
        <p className="chart-error">{ctx.t("error", { reason: reason ?? "" })}</p>
      </section>
    );
  }
}

const periodOf = (range: ResolvedRange) =>
  range.current ? { from: range.current.from, to: range.current.to } : {};

export function SentimentChart({ filters, range, ctx, locale }: ChartProps): Promise<ReactNode> {
  return guarded("SentimentChart", ctx, async () => {
    const [rows, previous] = await Promise.all([
      getSentimentOverTime(filters, range.current, range.unit, range.timeZone),
      range.previous ? getSentimentOverTime(filters, range.previous, range.unit, range.timeZone) : null,
    ]);
    return (
      <ChartCard
        id="sentiment"
        title={ctx.t("sentimentTitle")}
        spec={shapeSentimentOverTime(rows, previous, ctx)}
        emptyText={ctx.t("emptyNoClassified")}
        locale={locale}
        t={ctx.t}
      />
    );
  });
}

export function StanceCharts({ filters, range, ctx, locale }: ChartProps): Promise<ReactNode> {
  return guarded("StanceCharts", ctx, async () => {
    const { overTime, bySource } = await getStanceByTarget(
      filters,
      range.current,
      range.unit,
      range.timeZone,
    );
    const targetLabel = (target: string) =>
      (targetLabels[locale] as Record<string, string>)[target] ?? target;
    return (
      <>
        <ChartCard
          id="stance-time"
          title={ctx.t("stanceTimeTitle")}
          spec={shapeStanceOverTime(overTime, STANCE_TARGETS, targetLabel, ctx)}
          emptyText={ctx.t("emptyNoStance")}
          locale={locale}
          t={ctx.t}
        />
        <ChartCard
          id="stance-source"
          title={ctx.t("stanceSourceTitle")}
          spec={shapeStanceBySource(bySource, targetLabel, ctx, periodOf(range))}
          emptyText={ctx.t("emptyNoStance")}
          locale={locale}
          t={ctx.t}
        />
      </>
    );
  });
}

export function InsultCharts({ filters, range, ctx, locale }: ChartProps): Promise<ReactNode> {
  return guarded("InsultCharts", ctx, async () => {
    const { bySource, byArticle } = await getInsultRates(filters, range.current);
    const sortControls = (
      <p className="chart-controls">
        {ctx.t("sortBy")}:{" "}
        {INSULT_SORTS.map((sort) => (
          <Link
            key={sort}
            className="pill"
            href={`/analytics${analyticsQuery(filters, { insultSort: sort })}`}
            aria-current={filters.insultSort === sort ? "true" : undefined}
            scroll={false}
          >
            {ctx.t(`sort_${sort}`)}
          </Link>
        ))}
      </p>
    );
    return (
      <>
        <ChartCard
          id="insult-source"
          title={ctx.t("insultSourceTitle")}
          spec={shapeInsultRates(bySource, "source", filters.insultSort, ctx, periodOf(range))}
          emptyText={ctx.t("emptyNoClassified")}
          locale={locale}
          t={ctx.t}
          controls={sortControls}
        />
        <ChartCard
          id="insult-article"
          title={ctx.t("insultArticleTitle", { n: TOP_ARTICLES })}
          spec={shapeInsultRates(byArticle, "article", filters.insultSort, ctx, periodOf(range))}
          emptyText={ctx.t("emptyNoClassified")}
          locale={locale}
          t={ctx.t}
          controls={sortControls}
        />
      </>
    );
  });
}

export function LexiconCharts({ filters, range, ctx, locale }: ChartProps): Promise<ReactNode> {
  return guarded("LexiconCharts", ctx, async () => {
    const { terms, categories } = await getLexiconTerms(filters, range.current);
    const categoryLabel = (category: string) =>
      (categoryLabels[locale] as Record<string, string>)[category] ?? category;
    return (
      <>
        <ChartCard
          id="terms"
          title={ctx.t("termsTitle")}
          spec={shapeLexiconTerms(terms, categoryLabel, ctx, periodOf(range))}
          emptyText={ctx.t("emptyNoMatches")}
          locale={locale}
          t={ctx.t}
          note={ctx.t("precisionNote")}
        />
        <ChartCard
          id="categories"
          title={ctx.t("categoriesTitle")}
          spec={shapeLexiconCategories(categories, categoryLabel, ctx)}
          emptyText={ctx.t("emptyNoMatches")}
          locale={locale}
          t={ctx.t}
        />
      </>
    );
  });
}

export function ModerationCharts({ filters, range, ctx, locale }: ChartProps): Promise<ReactNode> {
  return guarded("ModerationCharts", ctx, async () => {
    const rows = await getModerationThroughput(filters, range.current, range.unit, range.timeZone);
    return (
      <>
        <ChartCard
          id="throughput"
          title={ctx.t("throughputTitle")}
          spec={shapeModerationThroughput(rows, ctx)}
          emptyText={ctx.t("emptyNoDecisions")}
          locale={locale}
          t={ctx.t}
          note={ctx.t("throughputNote")}
        />
        <ChartCard
          id="queue-age"
          title={ctx.t("queueAgeTitle")}
          spec={shapeQueueAge(rows, ctx)}
          emptyText={ctx.t("emptyNoDecisions")}
          locale={locale}
          t={ctx.t}
        />
      </>
    );
  });
}

/** How a check's answers read: insult yes/no and "no side" have their own words, the rest are shared. */
function labelsFor(ctx: ShapeContext) {
  const valueLabel = (value: LabelValue) =>
    value === "yes" || value === "no" || value === "none" ? ctx.t(`value_${value}`) : ctx.t(value);
  const checkLabel = (check: LabelCheck) => ctx.t(`check_${check}`);
  return { valueLabel, checkLabel };
}

export function ClassifierCharts({ filters, range, ctx, locale }: ChartProps): Promise<ReactNode> {
  return guarded("ClassifierCharts", ctx, async () => {
    const rows = await getClassifierVsHuman(filters, range.current, range.unit, range.timeZone);
    const { valueLabel, checkLabel } = labelsFor(ctx);
    return (
      <>
        {LABEL_CHECKS.map((check) => (
          <ChartCard
            key={check}
            id={`confusion-${check}`}
            title={ctx.t(`confusionTitle_${check}`)}
            spec={shapeConfusion(rows, check, valueLabel, ctx, periodOf(range))}
            emptyText={ctx.t("emptyNoLabels")}
            locale={locale}
            t={ctx.t}
            note={ctx.t("confusionNote")}
          />
        ))}
        <ChartCard
          id="classifier-scores"
          title={ctx.t("scoresTitle")}
          spec={shapeClassifierScores(rows, checkLabel, valueLabel, ctx)}
          emptyText={ctx.t("emptyNoLabels")}
          locale={locale}
          t={ctx.t}
        />
      </>
    );
  });
}

export function AgreementCharts({ filters, range, ctx, locale }: ChartProps): Promise<ReactNode> {
  return guarded("AgreementCharts", ctx, async () => {
    const { overall, pairs } = summariseAgreement(await getModeratorAgreement(filters, range.current));
    const { checkLabel } = labelsFor(ctx);
    return (
      <>
        <ChartCard
          id="agreement"
          title={ctx.t("agreementTitle")}
          spec={shapeAgreementOverall(overall, checkLabel, ctx)}
          emptyText={ctx.t("emptyNoAgreement")}
          locale={locale}
          t={ctx.t}
          note={ctx.t("kappaNote")}
        />
        <ChartCard
          id="agreement-pairs"
          title={ctx.t("agreementPairsTitle")}
          spec={shapeAgreementPairs(pairs, checkLabel, ctx)}
          emptyText={ctx.t("emptyNoAgreement")}
          locale={locale}
          t={ctx.t}
        />
      </>
    );
  });
}
