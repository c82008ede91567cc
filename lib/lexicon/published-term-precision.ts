import "server-only";
import { ClassifierInputError } from "../classifier/errors.ts";
import { type CompiledLexicon, classify } from "../classifier/index.ts";
import { loadLabelledComments } from "./load-labelled-comments.ts";
import { type TermPrecision, termPrecision } from "./score-lexicon.ts";

const TTL_MS = 30_000;
let cached: { version: string; at: number; stats: Map<string, TermPrecision> } | undefined;

/**
 * Each term's precision against the human labels, under `lexicon` (the published one): the
 * labelled comments are classified again, so the figures hold for this version even while the
 * stored results are still being re-classified. Kept for 30 seconds.
 */
export async function publishedTermPrecision(lexicon: CompiledLexicon): Promise<Map<string, TermPrecision>> {
  if (cached && cached.version === lexicon.version && Date.now() - cached.at < TTL_MS) return cached.stats;
  const comments = await loadLabelledComments();
  const results = comments.map((c) => {
    try {
      return classify(c.body, lexicon);
    } catch (error) {
      if (error instanceof ClassifierInputError) return null;
      throw error;
    }
  });
  const stats = termPrecision(comments, results);
  cached = { version: lexicon.version, at: Date.now(), stats };
  return stats;
}
