import { type ClassifierResult, matchCounts, STANCE_TARGETS } from "../classifier/index.ts";
import type { LabelledComment } from "./labelled-comment.ts";

export type ChangeKind = "newly_flagged" | "no_longer_flagged" | "changed";

/** A labelled comment whose result differs between the published lexicon and the draft. */
export interface ResultChange {
  id: number;
  body: string;
  kind: ChangeKind;
  before: ResultSummary;
  after: ResultSummary;
  human: Pick<LabelledComment, "insult" | "sentiment" | "stance">;
  /** Terms that count only with the draft / only with the published lexicon. */
  termsAdded: string[];
  termsRemoved: string[];
}

export interface ResultSummary {
  insult: boolean;
  insultScore: number;
  sentiment: string;
  stance: Record<string, string>;
}

function summary(result: ClassifierResult | null): ResultSummary {
  return {
    insult: result?.insult ?? false,
    insultScore: result?.insultScore ?? 0,
    sentiment: result?.sentiment ?? "neutral",
    stance: { ...(result?.stance ?? {}) },
  };
}

function countedTerms(result: ClassifierResult | null): Set<string> {
  return new Set((result?.matches ?? []).filter(matchCounts).map((m) => m.term));
}

function sameStance(a: Record<string, string>, b: Record<string, string>): boolean {
  return STANCE_TARGETS.every((t) => a[t] === b[t]);
}

/**
 * The comments whose insult flag, sentiment or stance differs between two lexicons' results;
 * newly flagged and no longer flagged insults first, then other changes, each in id order.
 */
export function compareResults(
  comments: readonly LabelledComment[],
  before: readonly (ClassifierResult | null)[],
  after: readonly (ClassifierResult | null)[],
): ResultChange[] {
  const changes: ResultChange[] = [];
  comments.forEach((comment, i) => {
    const a = summary(before[i] ?? null);
    const b = summary(after[i] ?? null);
    if (a.insult === b.insult && a.sentiment === b.sentiment && sameStance(a.stance, b.stance)) return;
    const termsBefore = countedTerms(before[i] ?? null);
    const termsAfter = countedTerms(after[i] ?? null);
    changes.push({
      id: comment.id,
      body: comment.body,
      kind: !a.insult && b.insult ? "newly_flagged" : a.insult && !b.insult ? "no_longer_flagged" : "changed",
      before: a,
      after: b,
      human: { insult: comment.insult, sentiment: comment.sentiment, stance: comment.stance },
      termsAdded: [...termsAfter].filter((t) => !termsBefore.has(t)),
      termsRemoved: [...termsBefore].filter((t) => !termsAfter.has(t)),
    });
  });
  const order: Record<ChangeKind, number> = { newly_flagged: 0, no_longer_flagged: 1, changed: 2 };
  return changes.sort((x, y) => order[x.kind] - order[y.kind] || x.id - y.id);
}
