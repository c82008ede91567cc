/**
 * Agreement between moderators beyond chance. Labels are any strings (e.g. "insult" / "not").
 */

/** Cohen's kappa for two raters who labelled the same items; `pairs[i]` = [rater A, rater B]. */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agreed = 0;
  for (const [x, y] of pairs) {
    if (x === y) agreed++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [label, count] of a) expected += (count / n) * ((b.get(label) ?? 0) / n);
  // Both raters used one and the same label throughout: agreement is total but chance is too.
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}

/**
 * Fleiss' kappa. Each item is the list of labels it received (at least two raters each; items
 * with fewer are ignored). Raters per item may vary (the Fleiss–Cuzick generalisation of P_i).
 */
export function fleissKappa(items: readonly (readonly string[])[]): number | null {
  const rated = items.filter((labels) => labels.length >= 2);
  if (rated.length === 0) return null;
  const totals = new Map<string, number>();
  let assignments = 0;
  let agreementSum = 0;
  for (const labels of rated) {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    const m = labels.length;
    let pairsAgreeing = 0;
    for (const [label, count] of counts) {
      pairsAgreeing += count * (count - 1);
      totals.set(label, (totals.get(label) ?? 0) + count);
    }
    agreementSum += pairsAgreeing / (m * (m - 1));
    assignments += m;
  }
  const observed = agreementSum / rated.length;
  let expected = 0;
  for (const count of totals.values()) expected += (count / assignments) ** 2;
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}
