import "server-only";
import { authenticateRequest, authenticationFailure } from "../auth/authenticate-request.ts";
import {
  ClassifierInputError,
  type ClassifierResult,
  type CompiledLexicon,
  classify,
  MAX_TEXT_LENGTH,
} from "../classifier/index.ts";
import { RequestBodyError, readBodyCapped } from "../ingest/read-http-ingest.ts";
import { getPublishedLexicon } from "../lexicon/get-published-lexicon.ts";

export const MAX_CLASSIFY_ITEMS = 1_000;
/** 1,000 items of a few thousand characters each, with room for JSON escapes. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const noStore = { "Cache-Control": "no-store" };

function badRequest(error: string, errors?: { index: number; id?: unknown; reason: string }[]): Response {
  return Response.json(errors ? { error, errors } : { error }, { status: 400, headers: noStore });
}

function tryClassify(
  text: unknown,
  lexicon: CompiledLexicon,
): { result: ClassifierResult } | { reason: string } {
  if (typeof text !== "string") {
    return {
      reason: `text must be a string, got ${text === null ? "null" : Array.isArray(text) ? "an array" : typeof text}`,
    };
  }
  try {
    return { result: classify(text, lexicon) };
  } catch (error) {
    if (error instanceof ClassifierInputError) return { reason: error.message };
    throw error;
  }
}

/**
 * POST /api/v1/classify: `{"text": …}` → `{"result": …}`, or `{"items": [{"id", "text"}, …]}`
 * (at most 1,000) → `{"results": [{"id", …result}]}`. Signed-in users who may view comments
 * and API tokens with the `classify` scope. Bad input is a 400 naming the item and the reason.
 */
export async function handleClassifyRequest(request: Request): Promise<Response> {
  const auth = await authenticateRequest(request, { permission: "comments:view", scope: "classify" });
  if (!auth.ok) return authenticationFailure(auth);
  let body: unknown;
  try {
    const bytes = await readBodyCapped(request, MAX_BODY_BYTES);
    body = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    if (error instanceof RequestBodyError)
      return Response.json({ error: error.message }, { status: error.status, headers: noStore });
    return badRequest(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return badRequest('expected {"text": "…"} or {"items": [{"id": …, "text": "…"}]}');
  }
  const lexicon = (await getPublishedLexicon({ maxAgeMs: 2_000 })).layered.compiled;
  if ("text" in body) {
    const outcome = tryClassify(body.text, lexicon);
    if ("reason" in outcome) return badRequest(outcome.reason);
    return Response.json({ result: outcome.result }, { headers: noStore });
  }
  const items = (body as { items?: unknown }).items;
  if (!Array.isArray(items))
    return badRequest('expected {"text": "…"} or {"items": [{"id": …, "text": "…"}]}');
  if (items.length === 0) return badRequest("items is empty");
  if (items.length > MAX_CLASSIFY_ITEMS) {
    return badRequest(
      `items has ${items.length} entries, over the limit of ${MAX_CLASSIFY_ITEMS} per request`,
    );
  }
  const errors: { index: number; id?: unknown; reason: string }[] = [];
  const results: (ClassifierResult & { id: unknown })[] = [];
  items.forEach((item, index) => {
    if (typeof item !== "object" || item === null) {
      errors.push({ index, reason: "each item must be an object with id and text" });
      return;
    }
    const { id, text } = item as { id?: unknown; text?: unknown };
    const outcome = tryClassify(text, lexicon);
    if ("reason" in outcome) errors.push({ index, id, reason: outcome.reason });
    else results.push({ id, ...outcome.result });
  });
  if (errors.length > 0) return badRequest(`${errors.length} item(s) cannot be classified`, errors);
  return Response.json(
    { results, lexiconVersion: lexicon.version, maxTextLength: MAX_TEXT_LENGTH },
    { headers: noStore },
  );
}
