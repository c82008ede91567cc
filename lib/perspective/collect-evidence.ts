import {
  ABUSIVE_CATEGORIES,
  type ClassifierMatch,
  type ClassifierResult,
  type CompiledLexicon,
  defaultLexicon,
  matchCounts,
} from "../classifier/index.ts";
import type { AbusiveCategory } from "./attributes.ts";

/** decide.ts boosts a term addressed to someone (يا حمار) by this factor, capped at 0.99. */
const VOCATIVE_BOOST = 1.5;
const MAX_TERM_WEIGHT = 0.99;

/** One counted abusive or negative match with the weight the classifier gave it. */
export interface AbuseEvidence {
  match: ClassifierMatch;
  category: AbusiveCategory | "negative";
  weight: number;
}

const weightTables = new WeakMap<CompiledLexicon, Map<string, number>>();

function weightTable(lexicon: CompiledLexicon): Map<string, number> {
  let table = weightTables.get(lexicon);
  if (!table) {
    table = new Map(lexicon.entries.map((e) => [`${e.category}\u0000${e.term}`, e.weight]));
    weightTables.set(lexicon, table);
  }
  return table;
}

function isAbusive(category: string): category is AbusiveCategory {
  return (ABUSIVE_CATEGORIES as readonly string[]).includes(category);
}

/**
 * The abusive and negative matches that count as the writer's own words (not negated, quoted,
 * reported or literal), each with its lexicon weight as decide.ts applies it.
 */
export function collectEvidence(
  result: ClassifierResult,
  lexicon: CompiledLexicon = defaultLexicon(),
): AbuseEvidence[] {
  const weights = weightTable(lexicon);
  const evidence: AbuseEvidence[] = [];
  for (const match of result.matches) {
    if (!(isAbusive(match.category) || match.category === "negative") || !matchCounts(match)) continue;
    const base = weights.get(`${match.category}\u0000${match.term}`);
    if (base === undefined) continue;
    const weight = Math.min(MAX_TERM_WEIGHT, base * (match.rule === "vocative" ? VOCATIVE_BOOST : 1));
    evidence.push({ match, category: match.category as AbusiveCategory | "negative", weight });
  }
  return evidence;
}

/**
 * How strongly the evidence in some categories says "abusive": 1 − Π(1 − weight), each term
 * once at its strongest — the classifier's insultScore restricted to those categories.
 */
export function combineEvidence(
  evidence: readonly AbuseEvidence[],
  categories: readonly AbusiveCategory[],
): number {
  const strongest = new Map<string, number>();
  for (const e of evidence) {
    if (e.category === "negative" || !categories.includes(e.category)) continue;
    const key = e.match.term;
    strongest.set(key, Math.max(strongest.get(key) ?? 0, e.weight));
  }
  let none = 1;
  for (const weight of strongest.values()) none *= 1 - weight;
  return Math.round((1 - none) * 1000) / 1000;
}
