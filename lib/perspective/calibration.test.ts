import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ABUSIVE_CATEGORIES, classify } from "../classifier/index.ts";
import { parseGoldJsonl } from "../eval/gold.ts";
import { CALIBRATION } from "./calibration.ts";
import { collectEvidence, combineEvidence } from "./collect-evidence.ts";
import { calibrationData, fitCalibration, reportCalibration } from "./fit-calibration.ts";
import { applyPlatt, fitPlatt } from "./platt.ts";
import { takeQuota } from "./take-quota.ts";

const gold = (name: string) =>
  parseGoldJsonl(readFileSync(join(import.meta.dirname, "..", "..", "bench", "gold", name), "utf8"), name);

describe("calibration", () => {
  const dev = calibrationData(gold("dev.jsonl"));

  it("runtime constants are the fit on the development gold (rerun bench/perspective/calibrate.ts when this fails)", () => {
    const fitted = fitCalibration(dev);
    expect(CALIBRATION.toxicity.a).toBeCloseTo(fitted.toxicity.a, 2);
    expect(CALIBRATION.toxicity.b).toBeCloseTo(fitted.toxicity.b, 2);
    expect(CALIBRATION.sentimentNegative.a).toBeCloseTo(fitted.sentimentNegative.a, 2);
    expect(CALIBRATION.sentimentNegative.b).toBeCloseTo(fitted.sentimentNegative.b, 2);
    expect(CALIBRATION.stance.whenDetected).toBeCloseTo(fitted.stance.whenDetected, 2);
    expect(CALIBRATION.stance.whenNotDetected).toBeCloseTo(fitted.stance.whenNotDetected, 2);
  });

  it("makes 0.5 a sensible threshold on the held-out gold, and probabilities rise with the evidence", () => {
    const heldout = calibrationData(gold("heldout.jsonl"));
    const report = reportCalibration(heldout.toxicity, (x) => applyPlatt(CALIBRATION.toxicity, x), [0.5]);
    expect(report.at[0]?.f1).toBeGreaterThan(0.9);
    expect(report.ece).toBeLessThan(0.1);
    expect(applyPlatt(CALIBRATION.toxicity, 0)).toBeLessThan(0.05);
    expect(applyPlatt(CALIBRATION.toxicity, 0.9)).toBeGreaterThan(0.95);
    expect(CALIBRATION.toxicity.a).toBeGreaterThan(0);
  });

  it("per-category evidence over all five categories is the classifier's own insultScore", () => {
    for (const item of gold("heldout.jsonl")) {
      const result = classify(item.text);
      expect(combineEvidence(collectEvidence(result), ABUSIVE_CATEGORIES), item.text).toBeCloseTo(
        result.insultScore,
        3,
      );
    }
  });

  it("fitPlatt recovers a known curve and stays finite on separable data", () => {
    const points = Array.from({ length: 2000 }, (_, i) => {
      const x = i / 2000;
      return { x, y: (i * 7919) % 1000 < 1000 * applyPlatt({ a: 6, b: -3 }, x) };
    });
    const fitted = fitPlatt(points);
    expect(fitted.a).toBeGreaterThan(4.5);
    expect(fitted.a).toBeLessThan(7.5);
    const separable = fitPlatt([
      { x: 0, y: false },
      { x: 0.1, y: false },
      { x: 0.9, y: true },
      { x: 1, y: true },
    ]);
    expect(Number.isFinite(separable.a) && Number.isFinite(separable.b)).toBe(true);
    expect(applyPlatt(separable, 0.5)).toBeGreaterThan(0.2);
    expect(applyPlatt(separable, 0.5)).toBeLessThan(0.8);
  });
});

describe("takeQuota", () => {
  it("grants the burst at once, then the rate per second, per key", () => {
    const limits = { rate: 10, burst: 3 };
    const t0 = 1_000_000;
    const key = `k-${t0}`;
    expect([1, 2, 3].map(() => takeQuota(key, limits, t0).ok)).toEqual([true, true, true]);
    expect(takeQuota(key, limits, t0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(takeQuota(`${key}-other`, limits, t0).ok).toBe(true);
    expect(takeQuota(key, limits, t0 + 100).ok).toBe(true);
    expect(takeQuota(key, limits, t0 + 100).ok).toBe(false);
    expect(takeQuota(key, { rate: 0, burst: 1 }, t0).ok).toBe(true);
  });
});
