import "server-only";
import { ClassifierInputError, classify } from "../classifier/index.ts";
import { getPublishedLexicon } from "../lexicon/get-published-lexicon.ts";
import { authenticatePerspectiveRequest } from "./authenticate-perspective-request.ts";
import { buildAnalyzeResponse } from "./build-analyze-response.ts";
import { resolveLanguages } from "./languages.ts";
import { parseAnalyzeRequest } from "./parse-analyze-request.ts";
import { parseSuggestScoreRequest } from "./parse-suggest-score-request.ts";
import { PerspectiveError, perspectiveErrorResponse } from "./perspective-error.ts";
import { readJsonBody } from "./read-json-body.ts";
import { recordClientCorrection } from "./record-client-correction.ts";
import { scoreAttributes } from "./score-attributes.ts";
import { storeAnalyzedComment } from "./store-analyzed-comment.ts";

const NO_STORE = { "Cache-Control": "no-store" };

/** POST comments:analyze — score a comment, and file it for moderation unless doNotStore. */
export async function analyzeComment(request: Request): Promise<Response> {
  const actor = await authenticatePerspectiveRequest(request);
  const parsed = parseAnalyzeRequest(await readJsonBody(request));
  const lexicon = (await getPublishedLexicon({ maxAgeMs: 2_000 })).layered.compiled;
  const result = classify(parsed.text, lexicon);
  const languages = resolveLanguages(parsed.languages, result.language);
  const scores = scoreAttributes(
    parsed.attributes.map((a) => a.spec),
    result,
    lexicon,
  );
  if (!parsed.doNotStore) {
    await storeAnalyzedComment({
      actor,
      text: parsed.text,
      communityId: parsed.communityId,
      classification: result,
    });
  }
  const body = buildAnalyzeResponse({
    attributes: parsed.attributes,
    scores,
    spanAnnotations: parsed.spanAnnotations,
    scoredAs: languages.scoredAs,
    detectedLanguages: languages.detectedLanguages,
    clientToken: parsed.clientToken,
  });
  return Response.json(body, { headers: NO_STORE });
}

/** POST comments:suggestscore — keep a client's correction, linked to the stored comment when there is one. */
export async function suggestCommentScore(request: Request): Promise<Response> {
  const actor = await authenticatePerspectiveRequest(request);
  const parsed = parseSuggestScoreRequest(await readJsonBody(request));
  const language = classify(parsed.text).language;
  await recordClientCorrection({
    actor,
    text: parsed.text,
    language,
    scores: parsed.scores,
    clientToken: parsed.clientToken,
    communityId: parsed.communityId,
  });
  const languages = resolveLanguages(parsed.languages, language);
  return Response.json(
    {
      detectedLanguages: languages.detectedLanguages,
      requestedLanguages: parsed.languages,
      ...(parsed.clientToken !== null ? { clientToken: parsed.clientToken } : {}),
    },
    { headers: NO_STORE },
  );
}

const ACTIONS: Record<string, (request: Request) => Promise<Response>> = {
  "comments:analyze": analyzeComment,
  "comments:suggestscore": suggestCommentScore,
};

/**
 * Runs `/v1alpha1/<action>` and answers every failure in Perspective's error shape. Unexpected
 * errors are logged by name and stack only: a comment's text never reaches a log.
 */
export async function handlePerspectiveRequest(action: string, request: Request): Promise<Response> {
  const handler = ACTIONS[action];
  try {
    if (!handler) {
      throw new PerspectiveError(
        404,
        `Unknown method '${action}': Raqib answers comments:analyze and comments:suggestscore`,
      );
    }
    return await handler(request);
  } catch (error) {
    if (error instanceof PerspectiveError) return perspectiveErrorResponse(error);
    if (error instanceof ClassifierInputError)
      return perspectiveErrorResponse(new PerspectiveError(400, error.message));
    console.error(
      `perspective ${action}: unexpected ${error instanceof Error ? `${error.name}\n${error.stack ?? ""}` : "error"}`,
    );
    return perspectiveErrorResponse(
      new PerspectiveError(500, "Internal error; the server log has the details."),
    );
  }
}
