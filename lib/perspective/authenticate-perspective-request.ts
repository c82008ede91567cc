import "server-only";
import { hashApiToken } from "../auth/api-token-hash.ts";
import { type Actor, authenticateRequest, bearerToken } from "../auth/authenticate-request.ts";
import { recallVerifiedToken, rememberVerifiedToken } from "../auth/verified-token-cache.ts";
import { currentDatabaseUrl } from "../db/client.ts";
import { PerspectiveError } from "./perspective-error.ts";
import { takeQuota } from "./take-quota.ts";

export type TokenActor = Extract<Actor, { kind: "token" }>;

/**
 * Who is calling, in Perspective's terms: `?key=` or `Authorization: Bearer`, a token with the
 * `classify` scope, within its per-second quota. No or unknown key → 401 UNAUTHENTICATED;
 * revoked token, missing scope or a browser session → 403 PERMISSION_DENIED; over quota → 429.
 */
export async function authenticatePerspectiveRequest(request: Request): Promise<TokenActor> {
  const actor = await verifiedActor(request);
  const quota = takeQuota(actor.tokenId);
  if (!quota.ok) {
    throw new PerspectiveError(
      429,
      "Quota exceeded for this API key's requests per second; retry after a moment.",
      {
        "Retry-After": String(quota.retryAfterSeconds),
      },
    );
  }
  return actor;
}

/**
 * The token's actor, from the short in-process memory when it was verified a moment ago: the
 * analyze API is called once per comment, and a database round trip per call would cost more
 * than scoring the comment.
 */
async function verifiedActor(request: Request): Promise<TokenActor> {
  const token = bearerToken(request, true);
  const cacheKey = typeof token === "string" ? `${currentDatabaseUrl()}\u0000${hashApiToken(token)}` : null;
  const remembered = cacheKey ? recallVerifiedToken(cacheKey) : null;
  if (remembered) return remembered;
  const result = await authenticateRequest(request, { scope: "classify", allowQueryKey: true });
  if (!result.ok) {
    switch (result.reason) {
      case "no_credentials":
        throw new PerspectiveError(
          401,
          "The request is missing a valid API key: pass ?key=<Raqib API token>.",
        );
      case "malformed_header":
      case "unknown_token":
      case "no_session":
        throw new PerspectiveError(401, "API key not valid. Please pass a valid Raqib API token.");
      case "revoked_token":
        throw new PerspectiveError(403, "This API key has been revoked.");
      case "missing_scope":
        throw new PerspectiveError(
          403,
          "This API key lacks the 'classify' scope that comments:analyze needs.",
        );
      default:
        throw new PerspectiveError(403, `Permission denied: ${result.message}`);
    }
  }
  const { actor } = result;
  if (actor.kind !== "token")
    throw new PerspectiveError(403, "This API takes an API key, not a browser session.");
  if (cacheKey) rememberVerifiedToken(cacheKey, actor);
  return actor;
}
