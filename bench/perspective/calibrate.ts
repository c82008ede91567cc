// Fits the Perspective-compatible probabilities on the development gold set and checks them on
// the held-out set: `npx tsx bench/perspective/calibrate.ts`. Paste the printed constants into
// lib/perspective/calibration.ts (a unit test fails until they agree with this fit).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseGoldJsonl } from "../../lib/eval/gold.ts";
import { CALIBRATION } from "../../lib/perspective/calibration.ts";
import {
  applyPlatt,
  calibrationData,
  fitCalibration,
  reportCalibration,
} from "../../lib/perspective/fit-calibration.ts";

const root = join(import.meta.dirname, "..", "..");
const load = (name: string) => parseGoldJsonl(readFileSync(join(root, "bench", "gold", name), "utf8"), name);
const dev = calibrationData(load("dev.jsonl"));
const heldout = calibrationData(load("heldout.jsonl"));
const fitted = fitCalibration(dev);

const r3 = (v: number) => Math.round(v * 1000) / 1000;
console.log("fitted on bench/gold/dev.jsonl:");
console.log(
  JSON.stringify(
    {
      toxicity: { a: r3(fitted.toxicity.a), b: r3(fitted.toxicity.b) },
      sentimentNegative: { a: r3(fitted.sentimentNegative.a), b: r3(fitted.sentimentNegative.b) },
      stance: {
        whenDetected: r3(fitted.stance.whenDetected),
        whenNotDetected: r3(fitted.stance.whenNotDetected),
      },
    },
    null,
    2,
  ),
);
console.log("insultScore → TOXICITY at a few points (runtime constants):");
for (const x of [0, 0.3, 0.4, 0.5, 0.6, 0.8, 0.95]) {
  console.log(`  ${x.toFixed(2)} → ${applyPlatt(CALIBRATION.toxicity, x).toFixed(3)}`);
}

const show = (label: string, report: ReturnType<typeof reportCalibration>) => {
  const at = report.at
    .map((t) => `>${t.threshold}: P ${t.precision.toFixed(3)} R ${t.recall.toFixed(3)} F1 ${t.f1.toFixed(3)}`)
    .join(" | ");
  console.log(
    `${label.padEnd(34)} n=${report.count} pos=${report.positives} logloss ${report.logLoss.toFixed(3)} brier ${report.brier.toFixed(3)} ECE ${report.ece.toFixed(3)} | ${at}`,
  );
};
const stanceP = (x: number) =>
  x === 1 ? CALIBRATION.stance.whenDetected : CALIBRATION.stance.whenNotDetected;
for (const [name, data] of [
  ["dev", dev],
  ["heldout", heldout],
] as const) {
  show(
    `${name} TOXICITY`,
    reportCalibration(data.toxicity, (x) => applyPlatt(CALIBRATION.toxicity, x)),
  );
  show(
    `${name} RAQIB_SENTIMENT_NEGATIVE`,
    reportCalibration(data.sentimentNegative, (x) => applyPlatt(CALIBRATION.sentimentNegative, x)),
  );
  show(`${name} RAQIB_STANCE_* (pooled)`, reportCalibration(data.stance, stanceP));
}
