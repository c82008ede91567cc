import type { SentimentLabel, StanceTarget } from "../classifier/index.ts";

/** A comment with the moderators' consensus (one human answer per question, or null). */
export interface LabelledComment {
  id: number;
  body: string;
  insult: boolean | null;
  sentiment: SentimentLabel | null;
  stance: Partial<Record<StanceTarget, "favor" | "against" | "none">>;
}
