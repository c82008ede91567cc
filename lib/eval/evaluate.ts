import { classify as defaultClassify } from "../classifier/classify.ts";
import { ClassifierInputError } from "../classifier/errors.ts";
import {
  type ClassifierResult,
  type SentimentLabel,
  STANCE_TARGETS,
  type StanceTarget,
} from "../classifier/types.ts";
import type { GoldItem } from "./gold.ts";
import {
  type BinaryScores,
  binaryScores,
  type MulticlassScores,
  multiclassScores,
  type StanceLabel,
  type StanceScores,
  semevalStanceScores,
} from "./metrics.ts";
import type { OsactRow } from "./osact.ts";

export type ClassifyFn = (text: string) => ClassifierResult;

/** The quality bars of issue 5. */
export const QUALITY_TARGETS = {
  insultF1: 0.85,
  insultPrecision: 0.85,
  sentimentMacroF1: 0.65,
  stanceMacroF1: 0.65,
  osactOffensiveF1: 0.75,
} as const;

export interface ErrorCase {
  id: string;
  text: string;
  problem: string;
  /** Higher is worse: confident mistakes and opposite labels first. */
  severity: number;
  evidence: string[];
}

export interface GoldReport {
  count: number;
  /** Items the classifier refused (empty or too long); scored as "no insult, neutral, no stance". */
  refused: number;
  insult: BinaryScores;
  sentiment: MulticlassScores<SentimentLabel>;
  stance: {
    /** All (comment, target) pairs pooled, as SemEval does across targets. */
    overall: StanceScores;
    perTarget: Record<StanceTarget, StanceScores>;
  };
  targetsMet: { insult: boolean; sentiment: boolean; stance: boolean };
  worstErrors: ErrorCase[];
}

export interface OsactReport {
  split: string;
  count: number;
  refused: number;
  offensive: BinaryScores;
  targetMet: boolean;
  worstErrors: ErrorCase[];
}

const EMPTY_RESULT: Omit<ClassifierResult, "lexiconVersion"> = {
  insult: false,
  insultScore: 0,
  sentiment: "neutral",
  sentimentScore: 0,
  stance: {},
  language: "und",
  matches: [],
};

function safeClassify(
  classify: ClassifyFn,
  text: string,
): { result: Omit<ClassifierResult, "lexiconVersion">; refused: boolean } {
  try {
    return { result: classify(text), refused: false };
  } catch (error) {
    if (error instanceof ClassifierInputError) return { result: EMPTY_RESULT, refused: true };
    throw error;
  }
}

function evidence(result: Omit<ClassifierResult, "lexiconVersion">, text: string): string[] {
  return result.matches.map(
    (m) =>
      `${text.slice(m.start, m.end)}→${m.term} (${m.category}${m.target ? ` ${m.target} ${m.side ?? ""}` : ""}${m.rule ? `, ${m.rule}` : ""})`,
  );
}

/** Scores the classifier on hand-labelled comments. */
export function evaluateGold(
  items: GoldItem[],
  classify: ClassifyFn = defaultClassify,
  errorLimit = 10,
): GoldReport {
  const insultPairs: { gold: boolean; predicted: boolean }[] = [];
  const sentimentPairs: { gold: SentimentLabel; predicted: SentimentLabel }[] = [];
  const stancePairs = new Map<StanceTarget, { gold: StanceLabel; predicted: StanceLabel }[]>(
    STANCE_TARGETS.map((t) => [t, []]),
  );
  const errors: ErrorCase[] = [];
  let refused = 0;
  for (const item of items) {
    const { result, refused: wasRefused } = safeClassify(classify, item.text);
    if (wasRefused) refused++;
    insultPairs.push({ gold: item.insult, predicted: result.insult });
    sentimentPairs.push({ gold: item.sentiment, predicted: result.sentiment });
    const problems: string[] = [];
    let severity = 0;
    if (item.insult !== result.insult) {
      problems.push(`insult: gold ${item.insult}, got ${result.insult} (score ${result.insultScore})`);
      severity += item.insult ? 1 + (1 - result.insultScore) : 1 + result.insultScore;
    }
    if (item.sentiment !== result.sentiment) {
      problems.push(`sentiment: gold ${item.sentiment}, got ${result.sentiment} (${result.sentimentScore})`);
      severity += item.sentiment !== "neutral" && result.sentiment !== "neutral" ? 1.5 : 0.5;
    }
    for (const target of STANCE_TARGETS) {
      const gold: StanceLabel = item.stance[target] ?? "none";
      const predicted: StanceLabel = result.stance[target] ?? "none";
      stancePairs.get(target)?.push({ gold, predicted });
      if (gold !== predicted) {
        problems.push(`stance ${target}: gold ${gold}, got ${predicted}`);
        severity += gold !== "none" && predicted !== "none" ? 1.5 : 0.5;
      }
    }
    if (problems.length > 0) {
      errors.push({
        id: item.id,
        text: item.text,
        problem: problems.join("; "),
        severity,
        evidence: evidence(result, item.text),
      });
    }
  }
  const perTarget = {} as Record<StanceTarget, StanceScores>;
  for (const target of STANCE_TARGETS) perTarget[target] = semevalStanceScores(stancePairs.get(target) ?? []);
  const overall = semevalStanceScores([...stancePairs.values()].flat());
  const insult = binaryScores(insultPairs);
  const sentiment = multiclassScores(sentimentPairs, ["positive", "negative", "neutral"] as const);
  return {
    count: items.length,
    refused,
    insult,
    sentiment,
    stance: { overall, perTarget },
    targetsMet: {
      insult: insult.f1 >= QUALITY_TARGETS.insultF1 && insult.precision >= QUALITY_TARGETS.insultPrecision,
      sentiment: sentiment.macroF1 >= QUALITY_TARGETS.sentimentMacroF1,
      stance: overall.macroF1 >= QUALITY_TARGETS.stanceMacroF1,
    },
    worstErrors: errors.sort((a, b) => b.severity - a.severity).slice(0, errorLimit),
  };
}

/** Offensive-class precision, recall and F1 on OSACT rows (one split). */
export function evaluateOsact(
  rows: OsactRow[],
  split: string,
  classify: ClassifyFn = defaultClassify,
  errorLimit = 10,
): OsactReport {
  const pairs: { gold: boolean; predicted: boolean }[] = [];
  const errors: ErrorCase[] = [];
  let refused = 0;
  for (const row of rows) {
    const { result, refused: wasRefused } = safeClassify(classify, row.text);
    if (wasRefused) refused++;
    pairs.push({ gold: row.offensive, predicted: result.insult });
    if (row.offensive !== result.insult) {
      errors.push({
        id: row.id,
        text: row.text,
        problem: `offensive: gold ${row.offensive}, got ${result.insult} (score ${result.insultScore})`,
        severity: row.offensive ? 1 - result.insultScore : result.insultScore,
        evidence: evidence(result, row.text),
      });
    }
  }
  const offensive = binaryScores(pairs);
  return {
    split,
    count: rows.length,
    refused,
    offensive,
    targetMet: offensive.f1 >= QUALITY_TARGETS.osactOffensiveF1,
    worstErrors: errors.sort((a, b) => b.severity - a.severity).slice(0, errorLimit),
  };
}

const pct = (x: number) => x.toFixed(3);
const mark = (met: boolean) => (met ? "met" : "MISSED");

function binaryLine(label: string, s: BinaryScores): string {
  return `${label}: P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, tn ${s.tn})`;
}

function errorLines(errors: ErrorCase[]): string[] {
  if (errors.length === 0) return [];
  const lines = ["", `Worst errors (${errors.length}):`];
  for (const e of errors) {
    const text = e.text.length > 140 ? `${e.text.slice(0, 140)}…` : e.text;
    lines.push(`  ${e.id}  ${text.replaceAll("\n", " ")}`, `    ${e.problem}`);
    if (e.evidence.length > 0) lines.push(`    matches: ${e.evidence.join(", ")}`);
  }
  return lines;
}

export function formatGoldReport(report: GoldReport, name: string): string {
  const t = QUALITY_TARGETS;
  const s = report.sentiment;
  const lines = [
    `${name}: ${report.count} comments${report.refused ? ` (${report.refused} refused as bad input)` : ""}`,
    `${binaryLine("Insult", report.insult)}  target F1 ≥ ${t.insultF1} with P ≥ ${t.insultPrecision}: ${mark(report.targetsMet.insult)}`,
    `Sentiment: accuracy ${pct(s.accuracy)}  macro-F1 ${pct(s.macroF1)}  (F1 positive ${pct(s.perClass.positive.f1)}, negative ${pct(s.perClass.negative.f1)}, neutral ${pct(s.perClass.neutral.f1)})  target ≥ ${t.sentimentMacroF1}: ${mark(report.targetsMet.sentiment)}`,
    `Stance (SemEval macro-F1 = mean of FAVOR and AGAINST F1):`,
  ];
  for (const target of STANCE_TARGETS) {
    const st = report.stance.perTarget[target];
    lines.push(
      `  ${target.padEnd(18)} ${pct(st.macroF1)}  (F1 favor ${pct(st.favor.f1)}, against ${pct(st.against.f1)})`,
    );
  }
  const o = report.stance.overall;
  lines.push(
    `  ${"overall".padEnd(18)} ${pct(o.macroF1)}  (F1 favor ${pct(o.favor.f1)}, against ${pct(o.against.f1)})  target ≥ ${t.stanceMacroF1}: ${mark(report.targetsMet.stance)}`,
  );
  return [...lines, ...errorLines(report.worstErrors)].join("\n");
}

export function formatOsactReport(report: OsactReport, name: string): string {
  return [
    `${name} (OSACT 2020, ${report.split} split): ${report.count} tweets${report.refused ? ` (${report.refused} refused as bad input)` : ""}`,
    `${binaryLine("Offensive", report.offensive)}  target F1 ≥ ${QUALITY_TARGETS.osactOffensiveF1}: ${mark(report.targetMet)}`,
    ...errorLines(report.worstErrors),
  ].join("\n");
}
