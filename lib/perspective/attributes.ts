import {
  ABUSIVE_CATEGORIES,
  STANCE_TARGETS,
  type StanceSide,
  type StanceTarget,
} from "../classifier/index.ts";

export type AbusiveCategory = (typeof ABUSIVE_CATEGORIES)[number];

/** Perspective's production attributes that Raqib answers, in Perspective's own names. */
export const ABUSE_ATTRIBUTES = [
  "TOXICITY",
  "SEVERE_TOXICITY",
  "INSULT",
  "PROFANITY",
  "IDENTITY_ATTACK",
  "THREAT",
] as const;
export type AbuseAttribute = (typeof ABUSE_ATTRIBUTES)[number];

/**
 * Which lexicon categories are evidence for which Perspective attribute. TOXICITY takes all
 * five (it is the classifier's insultScore); SEVERE_TOXICITY only the categories Perspective's
 * definition ("very hateful, aggressive") covers: slurs, sectarian abuse, threats, profanity.
 */
export const ATTRIBUTE_CATEGORIES: Record<AbuseAttribute, readonly AbusiveCategory[]> = {
  TOXICITY: ABUSIVE_CATEGORIES,
  SEVERE_TOXICITY: ["dehumanising", "sectarian", "threat", "profanity"],
  INSULT: ["insult", "dehumanising"],
  PROFANITY: ["profanity"],
  IDENTITY_ATTACK: ["sectarian", "dehumanising"],
  THREAT: ["threat"],
};

export const SENTIMENT_NEGATIVE_ATTRIBUTE = "RAQIB_SENTIMENT_NEGATIVE";

/** What a requested attribute name asks for. */
export type AttributeSpec =
  | { kind: "abuse"; name: AbuseAttribute }
  | { kind: "sentiment"; name: typeof SENTIMENT_NEGATIVE_ATTRIBUTE }
  | { kind: "stance"; name: string; target: StanceTarget; side: StanceSide };

/** `RAQIB_STANCE_SYRIAN_GOVERNMENT_AGAINST` for (syrian_government, against). */
export function stanceAttributeName(target: StanceTarget, side: StanceSide): string {
  return `RAQIB_STANCE_${target.toUpperCase()}_${side.toUpperCase()}`;
}

const KNOWN = new Map<string, AttributeSpec>([
  ...ABUSE_ATTRIBUTES.map((name) => [name, { kind: "abuse", name }] as [string, AttributeSpec]),
  [SENTIMENT_NEGATIVE_ATTRIBUTE, { kind: "sentiment", name: SENTIMENT_NEGATIVE_ATTRIBUTE }],
  ...STANCE_TARGETS.flatMap((target) =>
    (["favor", "against"] as const).map((side): [string, AttributeSpec] => {
      const name = stanceAttributeName(target, side);
      return [name, { kind: "stance", name, target, side }];
    }),
  ),
]);

/** Every attribute name Raqib answers, for error messages and docs. */
export const SUPPORTED_ATTRIBUTES: readonly string[] = [...KNOWN.keys()];

/** The attribute a name asks for, or null when Raqib does not know it. Names are upper case, as Perspective's. */
export function parseAttributeName(name: string): AttributeSpec | null {
  return KNOWN.get(name) ?? null;
}
