import { STANCE_TARGETS, type StanceTarget } from "../classifier/types.ts";
import type { StanceLabel, StoredLabel } from "./label-comment.ts";

export interface Consensus {
  /** How many moderators labelled the comment. */
  labellers: number;
  /** The majority's answer; null when nobody answered or the answers tie. */
  insult: boolean | null;
  sentiment: StoredLabel["sentiment"];
  stance: Partial<Record<StanceTarget, StanceLabel>>;
  /** True when every moderator who answered a question gave the same answer. */
  unanimous: boolean;
}

function majority<T>(values: T[]): { value: T | null; unanimous: boolean } {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || (second && second[1] === top[1])) return { value: null, unanimous: counts.size <= 1 };
  return { value: top[0], unanimous: counts.size === 1 };
}

/** The moderators' consensus on a comment: a strict majority per question, ties left open. */
export function computeConsensus(labels: StoredLabel[]): Consensus {
  const insult = majority(labels.flatMap((l) => (l.insult === null ? [] : [l.insult])));
  const sentiment = majority(labels.flatMap((l) => (l.sentiment === null ? [] : [l.sentiment])));
  let unanimous = insult.unanimous && sentiment.unanimous;
  const stance: Consensus["stance"] = {};
  for (const target of STANCE_TARGETS) {
    const m = majority(labels.flatMap((l) => (l.stance[target] ? [l.stance[target] as StanceLabel] : [])));
    if (m.value) stance[target] = m.value;
    unanimous &&= m.unanimous;
  }
  return { labellers: labels.length, insult: insult.value, sentiment: sentiment.value, stance, unanimous };
}
