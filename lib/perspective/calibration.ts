import type { Calibration } from "./fit-calibration.ts";

/**
 * Fitted by `npx tsx bench/perspective/calibrate.ts` on bench/gold/dev.jsonl (200 comments);
 * calibrate.test.ts fails when these drift from a fresh fit. Held-out figures are in the README.
 */
export const CALIBRATION: Calibration = {
  toxicity: { a: 11.592, b: -4.484 },
  sentimentNegative: { a: 16.587, b: -2.342 },
  stance: { whenDetected: 0.955, whenNotDetected: 0.004 },
};
