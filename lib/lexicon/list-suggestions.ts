import "server-only";
import { getDraftLayer } from "./get-draft.ts";
import { compileLayer } from "./get-published-lexicon.ts";
import { loadLabelledComments } from "./load-labelled-comments.ts";
import { suggestTerms, type TermSuggestion } from "./suggest-terms.ts";

/** Suggestions from the human labels, leaving out every term the draft already has. */
export async function listSuggestions(): Promise<TermSuggestion[]> {
  const [comments, layer] = await Promise.all([loadLabelledComments(), getDraftLayer()]);
  const draft = compileLayer(layer);
  return suggestTerms(
    comments,
    draft.entries.filter((e) => e.origin !== "removed").map((e) => e.entry.term),
  );
}
