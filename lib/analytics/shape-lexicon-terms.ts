import { type ChartSpec, OKABE_ITO, percentOf } from "./chart-spec.ts";
import { queueHref } from "./queue-href.ts";
import type { ShapeContext } from "./shape-context.ts";

export interface LexiconTermRow {
  term: string;
  category: string;
  /** Counted matches (suppressed ones — negated, quoted, reported, literal — left out). */
  matches: number;
  /** Comments with at least one counted match of the term. */
  comments: number;
  /** Of those, comments the classifier flagged as insults. */
  flagged: number;
  /** Moderators' insult answers (yes or no) on comments the term matched. */
  humanAnswers: number;
  /** Of those answers, the ones saying insult: the term's precision according to humans. */
  humanInsults: number;
}

export interface LexiconCategoryRow {
  category: string;
  matches: number;
  /** Comments with each term, summed over the category's terms (a comment with two terms counts twice). */
  termComments: number;
}

/** Horizontal bars of the most frequent terms, with the share of their comments flagged as insults. */
export function shapeLexiconTerms(
  rows: readonly LexiconTermRow[],
  categoryLabel: (category: string) => string,
  ctx: ShapeContext,
  period: { from?: Date; to?: Date },
): ChartSpec {
  const { t } = ctx;
  const href = (row: LexiconTermRow) => queueHref({ ...ctx.base, ...period, search: row.term });
  return {
    type: "bar",
    labels: rows.map((row) => `${row.term} (${categoryLabel(row.category)})`),
    datasets: [
      {
        label: t("matches"),
        data: rows.map((row) => row.matches),
        colour: OKABE_ITO.blue,
        kind: "bar",
        hrefs: rows.map(href),
      },
    ],
    stacked: false,
    horizontal: true,
    valueAxis: t("unitMatches"),
    categoryAxis: t("term"),
    percent: false,
    table: {
      columns: [
        t("term"),
        t("category"),
        t("matches"),
        t("commentsWithTerm"),
        t("flaggedShare"),
        t("humanAnswers"),
        t("humanPrecision"),
      ],
      rows: rows.map((row) => [
        row.term,
        categoryLabel(row.category),
        row.matches,
        row.comments,
        percentOf(row.flagged, row.comments),
        row.humanAnswers,
        percentOf(row.humanInsults, row.humanAnswers),
      ]),
    },
    tableHrefs: rows.map((row) => [null, null, null, href(row), null, null, null]),
    empty: rows.length === 0,
  };
}

/** Bars of counted matches per lexicon category. */
export function shapeLexiconCategories(
  rows: readonly LexiconCategoryRow[],
  categoryLabel: (category: string) => string,
  ctx: ShapeContext,
): ChartSpec {
  const { t } = ctx;
  const sorted = [...rows].sort((a, b) => b.matches - a.matches || a.category.localeCompare(b.category));
  return {
    type: "bar",
    labels: sorted.map((row) => categoryLabel(row.category)),
    datasets: [
      {
        label: t("matches"),
        data: sorted.map((row) => row.matches),
        colour: OKABE_ITO.reddishPurple,
        kind: "bar",
      },
    ],
    stacked: false,
    horizontal: true,
    valueAxis: t("unitMatches"),
    categoryAxis: t("category"),
    percent: false,
    table: {
      columns: [t("category"), t("matches"), t("termComments")],
      rows: sorted.map((row) => [categoryLabel(row.category), row.matches, row.termComments]),
    },
    tableHrefs: sorted.map(() => [null, null, null]),
    empty: sorted.length === 0,
  };
}
