import { PerspectiveError } from "./perspective-error.ts";

/** Generous for one comment (the classifier takes 100,000 characters), small enough to refuse floods. */
export const MAX_BODY_BYTES = 1_000_000;

/** The request body as JSON; malformed or oversized bodies are the caller's error (400), never a 500. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    throw new PerspectiveError(400, `the request body is over ${MAX_BODY_BYTES} bytes`);
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES)
    throw new PerspectiveError(400, `the request body is over ${MAX_BODY_BYTES} bytes`);
  if (text.trim() === "") throw new PerspectiveError(400, "the request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch (error) {
    // SyntaxError messages name the position, never the content around it in a way we log.
    throw new PerspectiveError(
      400,
      `Invalid JSON payload received: ${error instanceof Error ? error.message : "unparseable"}`,
    );
  }
}
