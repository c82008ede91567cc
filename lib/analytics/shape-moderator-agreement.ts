import type { LabelCheck } from "../moderation/label-pairs-sql.ts";
import { type ChartSpec, OKABE_ITO, percentOf } from "./chart-spec.ts";
import { cohenKappa, fleissKappa } from "./kappa.ts";
import type { ShapeContext } from "./shape-context.ts";

/** One comment (and target, for stance) that two or more moderators answered on one question. */
export interface AgreementItem {
  check: LabelCheck;
  commentId: number;
  target: string | null;
  /** Moderators, in one fixed order; `userNames` and `values` align with it. */
  userIds: string[];
  userNames: string[];
  values: string[];
}

export interface AgreementSummary {
  check: LabelCheck;
  items: number;
  /** Share of moderator pairs on an item that gave the same answer. */
  observed: number | null;
  fleiss: number | null;
}

export interface PairAgreement {
  check: LabelCheck;
  a: string;
  b: string;
  items: number;
  observed: number | null;
  cohen: number | null;
}

const CHECKS: LabelCheck[] = ["insult", "sentiment", "stance"];
const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** Fleiss' kappa per question over all items, and Cohen's kappa for every pair of moderators. */
export function summariseAgreement(items: readonly AgreementItem[]): {
  overall: AgreementSummary[];
  pairs: PairAgreement[];
} {
  const overall = CHECKS.map((check) => {
    const mine = items.filter((item) => item.check === check);
    let agreeing = 0;
    let pairs = 0;
    for (const item of mine) {
      for (let i = 0; i < item.values.length; i++)
        for (let j = i + 1; j < item.values.length; j++) {
          pairs++;
          if (item.values[i] === item.values[j]) agreeing++;
        }
    }
    return {
      check,
      items: mine.length,
      observed: pairs === 0 ? null : agreeing / pairs,
      fleiss: round(fleissKappa(mine.map((item) => item.values))),
    };
  });
  const byPair = new Map<string, { check: LabelCheck; a: string; b: string; answers: [string, string][] }>();
  for (const item of items) {
    for (let i = 0; i < item.userIds.length; i++)
      for (let j = i + 1; j < item.userIds.length; j++) {
        const key = `${item.check}|${item.userIds[i]}|${item.userIds[j]}`;
        const entry = byPair.get(key) ?? {
          check: item.check,
          a: item.userNames[i] ?? "",
          b: item.userNames[j] ?? "",
          answers: [],
        };
        entry.answers.push([item.values[i] ?? "", item.values[j] ?? ""]);
        byPair.set(key, entry);
      }
  }
  const pairs = [...byPair.values()]
    .map(({ check, a, b, answers }) => ({
      check,
      a,
      b,
      items: answers.length,
      observed: answers.filter(([x, y]) => x === y).length / answers.length,
      cohen: round(cohenKappa(answers)),
    }))
    .sort(
      (x, y) =>
        CHECKS.indexOf(x.check) - CHECKS.indexOf(y.check) || y.items - x.items || x.a.localeCompare(y.a),
    );
  return { overall, pairs };
}

/** Bars of Fleiss' kappa per question; the table adds items and observed agreement. */
export function shapeAgreementOverall(
  summary: readonly AgreementSummary[],
  checkLabel: (check: LabelCheck) => string,
  ctx: ShapeContext,
): ChartSpec {
  const { t } = ctx;
  return {
    type: "bar",
    labels: summary.map((s) => checkLabel(s.check)),
    datasets: [
      { label: t("kappa"), data: summary.map((s) => s.fleiss), colour: OKABE_ITO.blue, kind: "bar" },
    ],
    stacked: false,
    horizontal: false,
    valueAxis: t("unitKappa"),
    categoryAxis: t("label"),
    percent: false,
    table: {
      columns: [t("label"), t("items"), t("observedAgreement"), t("kappa")],
      rows: summary.map((s) => [
        checkLabel(s.check),
        s.items,
        s.observed === null ? null : percentOf(s.observed * 1000, 1000),
        s.fleiss,
      ]),
    },
    tableHrefs: summary.map(() => [null, null, null, null]),
    empty: summary.every((s) => s.items === 0),
  };
}

/** Horizontal bars of Cohen's kappa for each pair of moderators and question. */
export function shapeAgreementPairs(
  pairs: readonly PairAgreement[],
  checkLabel: (check: LabelCheck) => string,
  ctx: ShapeContext,
): ChartSpec {
  const { t } = ctx;
  const name = (p: PairAgreement) => `${p.a} · ${p.b} · ${checkLabel(p.check)}`;
  return {
    type: "bar",
    labels: pairs.map(name),
    datasets: [{ label: t("kappa"), data: pairs.map((p) => p.cohen), colour: OKABE_ITO.orange, kind: "bar" }],
    stacked: false,
    horizontal: true,
    valueAxis: t("unitKappa"),
    categoryAxis: t("pair"),
    percent: false,
    table: {
      columns: [t("pair"), t("label"), t("items"), t("observedAgreement"), t("kappa")],
      rows: pairs.map((p) => [
        `${p.a} · ${p.b}`,
        checkLabel(p.check),
        p.items,
        p.observed === null ? null : percentOf(p.observed * 1000, 1000),
        p.cohen,
      ]),
    },
    tableHrefs: pairs.map(() => [null, null, null, null, null]),
    empty: pairs.length === 0,
  };
}
