import type { StanceTarget } from "../classifier/index.ts";
import type { StanceLabel, StoredLabel } from "../moderation/label-comment.ts";
import { parseAttributeName } from "./attributes.ts";

/**
 * A client's suggested scores as a moderator's label: insult when any abuse attribute is
 * suggested (yes at 0.5 or more, else no); negative sentiment when RAQIB_SENTIMENT_NEGATIVE is
 * 0.5 or more (a low value says "not negative", which is no sentiment label); a stance side for
 * each RAQIB_STANCE_<TARGET>_<SIDE> at 0.5 or more. Null when the scores say nothing a label holds.
 */
export function labelFromCorrection(scores: Record<string, number>): StoredLabel | null {
  let insult: boolean | null = null;
  let sentiment: StoredLabel["sentiment"] = null;
  const stance: Partial<Record<StanceTarget, StanceLabel>> = {};
  for (const [name, value] of Object.entries(scores)) {
    const spec = parseAttributeName(name);
    if (!spec) continue;
    if (spec.kind === "abuse") insult = insult === true || value >= 0.5;
    else if (spec.kind === "sentiment") {
      if (value >= 0.5) sentiment = "negative";
    } else if (value >= 0.5) stance[spec.target] = spec.side;
  }
  if (insult === null && sentiment === null && Object.keys(stance).length === 0) return null;
  return { insult, sentiment, stance };
}
