import { type ClassifierResult, classify, STANCE_TARGETS } from "../classifier/index.ts";
import type { GoldItem } from "../eval/gold.ts";
import { applyPlatt, fitPlatt, type PlattCurve } from "./platt.ts";

/** The fitted constants that turn classifier output into Perspective probabilities. */
export interface Calibration {
  /** insultScore → P(abusive): TOXICITY, and every abuse attribute on its own categories' evidence. */
  toxicity: PlattCurve;
  /** −sentimentScore → P(negative tone): RAQIB_SENTIMENT_NEGATIVE. */
  sentimentNegative: PlattCurve;
  /** P(the writer takes that side | the classifier says so / does not), pooled over targets and sides. */
  stance: { whenDetected: number; whenNotDetected: number };
}

export interface CalibrationPoint {
  x: number;
  y: boolean;
}

export interface CalibrationData {
  toxicity: CalibrationPoint[];
  sentimentNegative: CalibrationPoint[];
  stance: CalibrationPoint[];
}

/** Classifies gold comments and pairs each raw score with its human label. */
export function calibrationData(items: readonly GoldItem[]): CalibrationData {
  const data: CalibrationData = { toxicity: [], sentimentNegative: [], stance: [] };
  for (const item of items) {
    const result: ClassifierResult = classify(item.text);
    data.toxicity.push({ x: result.insultScore, y: item.insult });
    data.sentimentNegative.push({ x: -result.sentimentScore, y: item.sentiment === "negative" });
    for (const target of STANCE_TARGETS) {
      for (const side of ["favor", "against"] as const) {
        data.stance.push({ x: result.stance[target] === side ? 1 : 0, y: item.stance[target] === side });
      }
    }
  }
  return data;
}

function laplace(points: readonly CalibrationPoint[], detected: boolean): number {
  const cell = points.filter((p) => (p.x === 1) === detected);
  return (cell.filter((p) => p.y).length + 1) / (cell.length + 2);
}

/** Fits all three calibrations on one labelled set (the development gold). */
export function fitCalibration(data: CalibrationData): Calibration {
  return {
    toxicity: fitPlatt(data.toxicity),
    sentimentNegative: fitPlatt(data.sentimentNegative),
    stance: { whenDetected: laplace(data.stance, true), whenNotDetected: laplace(data.stance, false) },
  };
}

export interface CalibrationReport {
  count: number;
  positives: number;
  logLoss: number;
  brier: number;
  /** Expected calibration error over ten equal-width probability bins. */
  ece: number;
  /** Precision, recall and F1 when "flagged" means probability > threshold (Coral's comparison). */
  at: { threshold: number; precision: number; recall: number; f1: number }[];
}

/** How well probabilities p(x) match the labels, and what flagging at a few thresholds does. */
export function reportCalibration(
  points: readonly CalibrationPoint[],
  probability: (x: number) => number,
  thresholds: readonly number[] = [0.5, 0.8],
): CalibrationReport {
  let logLoss = 0;
  let brier = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, y: 0 }));
  for (const { x, y } of points) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, probability(x)));
    logLoss -= y ? Math.log(p) : Math.log(1 - p);
    brier += (p - (y ? 1 : 0)) ** 2;
    const bin = bins[Math.min(9, Math.floor(p * 10))];
    if (bin) {
      bin.n++;
      bin.p += p;
      bin.y += y ? 1 : 0;
    }
  }
  const n = points.length;
  const ece = bins.reduce((sum, bin) => sum + (bin.n === 0 ? 0 : Math.abs(bin.p - bin.y)), 0) / n;
  const at = thresholds.map((threshold) => {
    const flagged = points.filter((pt) => probability(pt.x) > threshold);
    const tp = flagged.filter((pt) => pt.y).length;
    const positives = points.filter((pt) => pt.y).length;
    const precision = flagged.length === 0 ? 1 : tp / flagged.length;
    const recall = positives === 0 ? 1 : tp / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { threshold, precision, recall, f1 };
  });
  return {
    count: n,
    positives: points.filter((p) => p.y).length,
    logLoss: logLoss / n,
    brier: brier / n,
    ece,
    at,
  };
}

export { applyPlatt };
