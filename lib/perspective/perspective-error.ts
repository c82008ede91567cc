/** Google's canonical error codes that Perspective answers with, by HTTP status. */
const STATUS_NAMES = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
} as const;

export type PerspectiveErrorCode = keyof typeof STATUS_NAMES;

/** A refusal that the caller can act on, answered as `{"error": {code, message, status}}`. */
export class PerspectiveError extends Error {
  constructor(
    readonly code: PerspectiveErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "PerspectiveError";
  }

  get status(): string {
    return STATUS_NAMES[this.code];
  }
}

/** The JSON response Perspective clients parse (`error.message` is what perspective-api-client shows). */
export function perspectiveErrorResponse(error: PerspectiveError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, status: error.status } },
    { status: error.code, headers: { "Cache-Control": "no-store", ...error.headers } },
  );
}
