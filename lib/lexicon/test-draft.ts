import "server-only";
import { ClassifierInputError } from "../classifier/errors.ts";
import { type ClassifierResult, type CompiledLexicon, classify } from "../classifier/index.ts";
import { compareResults, type ResultChange } from "./compare-results.ts";
import { getDraftLayer } from "./get-draft.ts";
import { compileLayer, getPublishedLexicon } from "./get-published-lexicon.ts";
import type { LabelledComment } from "./labelled-comment.ts";
import { loadLabelledComments } from "./load-labelled-comments.ts";
import { type LexiconScores, scoreLexicon } from "./score-lexicon.ts";

export interface DraftTest {
  publishedVersion: string;
  draftVersion: string;
  comments: number;
  published: LexiconScores;
  draft: LexiconScores;
  changes: ResultChange[];
  newlyFlagged: number;
  noLongerFlagged: number;
  seconds: number;
}

function classifyAll(
  comments: readonly LabelledComment[],
  lexicon: CompiledLexicon,
): (ClassifierResult | null)[] {
  return comments.map((comment) => {
    try {
      return classify(comment.body, lexicon);
    } catch (error) {
      if (error instanceof ClassifierInputError) return null;
      throw error;
    }
  });
}

/** The comparison itself, for any two lexicons and labelled comments (also what the bench times). */
export function compareLexiconsOn(
  comments: readonly LabelledComment[],
  published: CompiledLexicon,
  draft: CompiledLexicon,
): Omit<DraftTest, "seconds"> {
  const before = classifyAll(comments, published);
  const after = published.version === draft.version ? before : classifyAll(comments, draft);
  const changes = compareResults(comments, before, after);
  return {
    publishedVersion: published.version,
    draftVersion: draft.version,
    comments: comments.length,
    published: scoreLexicon(comments, before),
    draft: scoreLexicon(comments, after),
    changes,
    newlyFlagged: changes.filter((c) => c.kind === "newly_flagged").length,
    noLongerFlagged: changes.filter((c) => c.kind === "no_longer_flagged").length,
  };
}

/**
 * "Test draft": runs the draft and the published lexicon over every human-labelled comment and
 * returns both sets of scores and the comments whose result would change.
 */
export async function testDraft(): Promise<DraftTest> {
  const started = performance.now();
  const [comments, published, layer] = await Promise.all([
    loadLabelledComments(),
    getPublishedLexicon(),
    getDraftLayer(),
  ]);
  const draft = compileLayer(layer);
  return {
    ...compareLexiconsOn(comments, published.layered.compiled, draft.compiled),
    seconds: (performance.now() - started) / 1000,
  };
}
