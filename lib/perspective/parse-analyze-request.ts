import { z } from "zod";
import { MAX_TEXT_LENGTH } from "../classifier/index.ts";
import { findUnstorableCharacter } from "../text/find-unstorable-character.ts";
import { type AttributeSpec, parseAttributeName, SUPPORTED_ATTRIBUTES } from "./attributes.ts";
import { isSupportedLanguage } from "./languages.ts";
import { PerspectiveError } from "./perspective-error.ts";

/** Perspective's AnalyzeCommentRequest; fields Raqib has no use for are accepted and ignored. */
const attributeParameters = z.looseObject({
  scoreType: z.string().optional(),
  scoreThreshold: z.number().min(0).max(1).optional(),
});

const textEntry = z.looseObject({ text: z.string().optional(), type: z.string().optional() });

export const analyzeRequestSchema = z.looseObject({
  comment: z.looseObject({ text: z.string(), type: z.string().optional() }),
  requestedAttributes: z.record(z.string(), attributeParameters.nullable()),
  languages: z.array(z.string()).optional(),
  doNotStore: z.boolean().optional(),
  spanAnnotations: z.boolean().optional(),
  clientToken: z.string().optional(),
  sessionId: z.string().optional(),
  communityId: z.string().optional(),
  context: z
    .looseObject({ entries: z.array(textEntry).optional() })
    .nullable()
    .optional(),
});

export interface RequestedAttribute {
  spec: AttributeSpec;
  scoreThreshold: number | null;
}

/** A validated analyze request, in the terms Raqib scores with. */
export interface AnalyzeRequest {
  text: string;
  attributes: RequestedAttribute[];
  languages: string[];
  doNotStore: boolean;
  spanAnnotations: boolean;
  clientToken: string | null;
  communityId: string | null;
}

/** "comment.text: Invalid input: expected string, received number" */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid request";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Checks the text the way Perspective does before scoring: present, not blank, not too long. */
export function checkCommentText(comment: { text: string; type?: string | undefined }): string {
  if (comment.type !== undefined && comment.type !== "PLAIN_TEXT") {
    throw new PerspectiveError(400, `comment.type: only PLAIN_TEXT is supported, got '${comment.type}'`);
  }
  if (comment.text.trim() === "") throw new PerspectiveError(400, "comment.text: Comment must be non-empty.");
  if (comment.text.length > MAX_TEXT_LENGTH) {
    throw new PerspectiveError(
      400,
      `comment.text: the comment is ${comment.text.length} characters long; the limit is ${MAX_TEXT_LENGTH}`,
    );
  }
  const bad = findUnstorableCharacter(comment.text);
  if (bad) throw new PerspectiveError(400, `comment.text: contains ${bad}`);
  return comment.text;
}

/** Refuses a request whose language hints are all languages Raqib does not score at all. */
export function checkLanguages(languages: readonly string[], attributeName: string): void {
  if (languages.length > 0 && !languages.some(isSupportedLanguage)) {
    throw new PerspectiveError(
      400,
      `Attribute ${attributeName} does not support request languages: ${languages.join(",")}. Raqib scores ar, fr and en.`,
    );
  }
}

/** Validates a parsed JSON body; throws PerspectiveError(400) naming the field at fault. */
export function parseAnalyzeRequest(body: unknown): AnalyzeRequest {
  const parsed = analyzeRequestSchema.safeParse(body);
  if (!parsed.success) throw new PerspectiveError(400, describeIssue(parsed.error));
  const request = parsed.data;
  const text = checkCommentText(request.comment);
  const entries = Object.entries(request.requestedAttributes);
  if (entries.length === 0) {
    throw new PerspectiveError(400, "requestedAttributes: request at least one attribute, e.g. TOXICITY");
  }
  const attributes: RequestedAttribute[] = entries.map(([name, parameters]) => {
    const spec = parseAttributeName(name);
    if (!spec) {
      throw new PerspectiveError(
        400,
        `requestedAttributes: unknown attribute '${name}'; Raqib answers ${SUPPORTED_ATTRIBUTES.join(", ")}`,
      );
    }
    const scoreType = parameters?.scoreType;
    if (scoreType !== undefined && scoreType !== "PROBABILITY" && scoreType !== "") {
      throw new PerspectiveError(
        400,
        `requestedAttributes.${name}.scoreType: only PROBABILITY is supported, got '${scoreType}'`,
      );
    }
    return { spec, scoreThreshold: parameters?.scoreThreshold ?? null };
  });
  const languages = request.languages ?? [];
  checkLanguages(languages, attributes[0]?.spec.name ?? "TOXICITY");
  return {
    text,
    attributes,
    languages,
    doNotStore: request.doNotStore ?? false,
    spanAnnotations: request.spanAnnotations ?? false,
    clientToken: request.clientToken ?? null,
    communityId: request.communityId?.trim() || null,
  };
}
