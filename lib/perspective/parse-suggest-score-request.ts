import { z } from "zod";
import { parseAttributeName, SUPPORTED_ATTRIBUTES } from "./attributes.ts";
import { checkCommentText, checkLanguages, describeIssue } from "./parse-analyze-request.ts";
import { PerspectiveError } from "./perspective-error.ts";

/** Perspective's SuggestCommentScoreRequest; context, sessionId and the like are accepted and ignored. */
const suggestScoreSchema = z.looseObject({
  comment: z.looseObject({ text: z.string(), type: z.string().optional() }),
  attributeScores: z.record(
    z.string(),
    z.looseObject({
      summaryScore: z.looseObject({ value: z.number().min(0).max(1), type: z.string().optional() }),
    }),
  ),
  languages: z.array(z.string()).optional(),
  clientToken: z.string().optional(),
  communityId: z.string().optional(),
  sessionId: z.string().optional(),
  context: z.unknown().optional(),
});

export interface SuggestScoreRequest {
  text: string;
  /** Attribute name → the score the client says is right. */
  scores: Record<string, number>;
  languages: string[];
  clientToken: string | null;
  communityId: string | null;
}

export function parseSuggestScoreRequest(body: unknown): SuggestScoreRequest {
  const parsed = suggestScoreSchema.safeParse(body);
  if (!parsed.success) throw new PerspectiveError(400, describeIssue(parsed.error));
  const request = parsed.data;
  const text = checkCommentText(request.comment);
  const entries = Object.entries(request.attributeScores);
  if (entries.length === 0)
    throw new PerspectiveError(400, "attributeScores: suggest at least one attribute's score");
  const scores: Record<string, number> = {};
  for (const [name, score] of entries) {
    if (!parseAttributeName(name)) {
      throw new PerspectiveError(
        400,
        `attributeScores: unknown attribute '${name}'; Raqib answers ${SUPPORTED_ATTRIBUTES.join(", ")}`,
      );
    }
    scores[name] = score.summaryScore.value;
  }
  const languages = request.languages ?? [];
  checkLanguages(languages, entries[0]?.[0] ?? "TOXICITY");
  return {
    text,
    scores,
    languages,
    clientToken: request.clientToken ?? null,
    communityId: request.communityId?.trim() || null,
  };
}
