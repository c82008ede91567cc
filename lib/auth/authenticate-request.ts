import "server-only";
import { getDb } from "../db/client.ts";
import { hashApiToken } from "./api-token-hash.ts";
import { crossSiteRefusal } from "./cross-site-refusal.ts";
import { findSessionUser } from "./find-session-user.ts";
import { can, isTokenScope, type Permission, type TokenScope } from "./permissions.ts";
import type { Actor } from "./session-user.ts";

export type { Actor } from "./session-user.ts";

export interface AccessNeed {
  /** What a signed-in user (session cookie) must be allowed to do. */
  permission?: Permission;
  /** What an API token must be scoped for. Without it, tokens are refused when `permission` is set. */
  scope?: TokenScope;
  /** Also accept the token as `?key=<token>` (Perspective-compatible clients send it so). */
  allowQueryKey?: boolean;
}

/**
 * Why a request was refused, for routes that answer in another API's error vocabulary
 * (the Perspective-compatible routes tell a revoked token apart from an unknown one).
 */
export type RefusalReason =
  | "no_credentials"
  | "malformed_header"
  | "unknown_token"
  | "revoked_token"
  | "missing_scope"
  | "token_not_accepted"
  | "session_not_accepted"
  | "cross_site"
  | "no_session"
  | "role";

export type AuthenticationResult =
  | { ok: true; actor: Actor }
  | { ok: false; status: 401 | 403; message: string; reason: RefusalReason };

/** lastUsedAt is written at most once a minute per token: a busy token must not write on every call. */
const LAST_USED_PRECISION_MS = 60_000;

export function bearerToken(request: Request, allowQueryKey: boolean): string | null | { malformed: true } {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? { malformed: true };
  }
  if (allowQueryKey) {
    const key = new URL(request.url).searchParams.get("key");
    if (key) return key;
  }
  return null;
}

async function tokenActor(token: string, need: AccessNeed): Promise<AuthenticationResult> {
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, name: true, scopes: true, sourceId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row) return { ok: false, status: 401, message: "invalid API token", reason: "unknown_token" };
  if (row.revokedAt) {
    return { ok: false, status: 401, message: "this API token has been revoked", reason: "revoked_token" };
  }
  const scopes = row.scopes.filter(isTokenScope);
  if (need.scope && !scopes.includes(need.scope)) {
    return {
      ok: false,
      status: 403,
      message: `this API token lacks the '${need.scope}' scope`,
      reason: "missing_scope",
    };
  }
  if (!need.scope && need.permission) {
    return {
      ok: false,
      status: 403,
      message: "this endpoint needs a signed-in user, not an API token",
      reason: "token_not_accepted",
    };
  }
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    ok: true,
    actor: { kind: "token", tokenId: row.id, name: row.name, scopes, sourceId: row.sourceId },
  };
}

/**
 * For route handlers: who is calling, and may they? Accepts `Authorization: Bearer <token>`
 * (or `?key=` when allowed) or the session cookie. 401 = not authenticated (no or bad
 * credentials, revoked token); 403 = authenticated but not allowed (scope, role, cross-site).
 */
export async function authenticateRequest(request: Request, need: AccessNeed): Promise<AuthenticationResult> {
  const token = bearerToken(request, need.allowQueryKey === true);
  if (token !== null) {
    if (typeof token !== "string") {
      return {
        ok: false,
        status: 401,
        message: "the Authorization header must be 'Bearer <token>'",
        reason: "malformed_header",
      };
    }
    return tokenActor(token, need);
  }
  if (!request.headers.get("cookie")) {
    return {
      ok: false,
      status: 401,
      message: "authentication required: send Authorization: Bearer <token>, or sign in",
      reason: "no_credentials",
    };
  }
  const refusal = crossSiteRefusal(request);
  if (refusal) return { ok: false, status: 403, message: refusal, reason: "cross_site" };
  const user = await findSessionUser(request.headers, request.url);
  if (!user) {
    return {
      ok: false,
      status: 401,
      message: "not signed in (or the session has ended)",
      reason: "no_session",
    };
  }
  if (need.scope && !need.permission) {
    return {
      ok: false,
      status: 403,
      message: "this endpoint takes an API token, not a browser session",
      reason: "session_not_accepted",
    };
  }
  if (need.permission && !can(user.role, need.permission)) {
    return {
      ok: false,
      status: 403,
      message: `your role (${user.role}) does not allow ${need.permission}`,
      reason: "role",
    };
  }
  return { ok: true, actor: { kind: "user", user } };
}

/** The JSON response for a refused request. */
export function authenticationFailure(result: { status: 401 | 403; message: string }): Response {
  return Response.json(
    { error: result.message },
    {
      status: result.status,
      headers: {
        "Cache-Control": "no-store",
        ...(result.status === 401 ? { "WWW-Authenticate": 'Bearer realm="raqib"' } : {}),
      },
    },
  );
}
