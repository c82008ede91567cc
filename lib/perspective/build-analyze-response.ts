import type { RequestedAttribute } from "./parse-analyze-request.ts";
import type { AttributeScore } from "./score-attributes.ts";

interface PerspectiveScore {
  value: number;
  type: "PROBABILITY";
}

export interface AnalyzeResponseBody {
  attributeScores: Record<
    string,
    { spanScores?: { begin: number; end: number; score: PerspectiveScore }[]; summaryScore: PerspectiveScore }
  >;
  languages: string[];
  detectedLanguages: string[];
  clientToken?: string;
}

/**
 * Perspective's AnalyzeCommentResponse. An attribute whose summary score is under its
 * scoreThreshold is left out, as Perspective leaves it out.
 */
export function buildAnalyzeResponse(input: {
  attributes: readonly RequestedAttribute[];
  scores: ReadonlyMap<string, AttributeScore>;
  spanAnnotations: boolean;
  scoredAs: string;
  detectedLanguages: string[];
  clientToken: string | null;
}): AnalyzeResponseBody {
  const attributeScores: AnalyzeResponseBody["attributeScores"] = {};
  for (const { spec, scoreThreshold } of input.attributes) {
    const score = input.scores.get(spec.name);
    if (!score) continue;
    if (scoreThreshold !== null && score.value < scoreThreshold) continue;
    attributeScores[spec.name] = {
      ...(input.spanAnnotations
        ? {
            spanScores: score.spans.map((span) => ({
              begin: span.begin,
              end: span.end,
              score: { value: span.value, type: "PROBABILITY" as const },
            })),
          }
        : {}),
      summaryScore: { value: score.value, type: "PROBABILITY" },
    };
  }
  return {
    attributeScores,
    languages: [input.scoredAs],
    detectedLanguages: input.detectedLanguages,
    ...(input.clientToken !== null ? { clientToken: input.clientToken } : {}),
  };
}
