/** A logistic curve p = 1 / (1 + e^−(a·x + b)) that turns a raw score into a probability. */
export interface PlattCurve {
  a: number;
  b: number;
}

export function applyPlatt(curve: PlattCurve, x: number): number {
  return 1 / (1 + Math.exp(-(curve.a * x + curve.b)));
}

/**
 * Fits a Platt curve by Newton's method on the log loss, with Platt's smoothed targets
 * ((N₊+1)/(N₊+2) for positives, 1/(N₋+2) for negatives). The smoothing keeps the fit finite
 * when the raw score separates the labels perfectly, which a lexicon score nearly does on its
 * own development set.
 */
export function fitPlatt(points: readonly { x: number; y: boolean }[]): PlattCurve {
  const positives = points.filter((p) => p.y).length;
  const negatives = points.length - positives;
  if (positives === 0 || negatives === 0) throw new Error("fitPlatt needs both positive and negative points");
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let a = 1;
  let b = Math.log((negatives + 1) / (positives + 1)) * -1;
  for (let iteration = 0; iteration < 100; iteration++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    for (const { x, y } of points) {
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const d = p - (y ? hi : lo);
      const w = p * (1 - p);
      gA += d * x;
      gB += d;
      hAA += w * x * x;
      hAB += w * x;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    const stepA = (hBB * gA - hAB * gB) / det;
    const stepB = (hAA * gB - hAB * gA) / det;
    a -= stepA;
    b -= stepB;
    if (Math.abs(stepA) < 1e-10 && Math.abs(stepB) < 1e-10) break;
  }
  return { a, b };
}
