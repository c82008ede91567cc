import type { ClassifierResult, CompiledLexicon } from "../classifier/index.ts";
import { ATTRIBUTE_CATEGORIES, type AttributeSpec } from "./attributes.ts";
import { CALIBRATION } from "./calibration.ts";
import { type AbuseEvidence, collectEvidence, combineEvidence } from "./collect-evidence.ts";
import type { Calibration } from "./fit-calibration.ts";
import { applyPlatt } from "./platt.ts";

export interface SpanScore {
  /** UTF-16 code unit offsets into comment.text, end exclusive. */
  begin: number;
  end: number;
  value: number;
}

export interface AttributeScore {
  value: number;
  spans: SpanScore[];
}

/** decide.ts: an abusive term adds −0.8 × its weight to the sentiment sum. */
const ABUSE_SENTIMENT = 0.8;

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Scores one requested attribute from a classifier result (see README "Attribute mapping"). */
export function scoreAttribute(
  spec: AttributeSpec,
  result: ClassifierResult,
  evidence: readonly AbuseEvidence[],
  calibration: Calibration = CALIBRATION,
): AttributeScore {
  if (spec.kind === "abuse") {
    const categories = ATTRIBUTE_CATEGORIES[spec.name];
    const raw = spec.name === "TOXICITY" ? result.insultScore : combineEvidence(evidence, categories);
    return {
      value: round(applyPlatt(calibration.toxicity, raw)),
      spans: evidence
        .filter((e) => e.category !== "negative" && categories.includes(e.category))
        .map((e) => ({
          begin: e.match.start,
          end: e.match.end,
          value: round(applyPlatt(calibration.toxicity, e.weight)),
        })),
    };
  }
  if (spec.kind === "sentiment") {
    // A span's own contribution s to the sentiment sum, on the classifier's s / (|s| + 1) scale.
    const spans = evidence.map((e) => {
      const s = e.category === "negative" ? e.weight : ABUSE_SENTIMENT * e.weight;
      return {
        begin: e.match.start,
        end: e.match.end,
        value: round(applyPlatt(calibration.sentimentNegative, s / (s + 1))),
      };
    });
    return { value: round(applyPlatt(calibration.sentimentNegative, -result.sentimentScore)), spans };
  }
  const detected = result.stance[spec.target] === spec.side;
  return {
    value: detected ? calibration.stance.whenDetected : calibration.stance.whenNotDetected,
    spans: detected
      ? result.matches
          .filter((m) => m.target === spec.target && (m.side === undefined || m.side === spec.side))
          .filter(
            (m) =>
              m.rule === undefined ||
              m.rule === "mention" ||
              m.rule === "scare-quotes" ||
              m.rule === "so-called",
          )
          .map((m) => ({ begin: m.start, end: m.end, value: calibration.stance.whenDetected }))
      : [],
  };
}

/** Scores every requested attribute; the evidence is gathered once per comment. */
export function scoreAttributes(
  specs: readonly AttributeSpec[],
  result: ClassifierResult,
  lexicon?: CompiledLexicon,
): Map<string, AttributeScore> {
  const evidence = collectEvidence(result, lexicon);
  return new Map(specs.map((spec) => [spec.name, scoreAttribute(spec, result, evidence)]));
}
