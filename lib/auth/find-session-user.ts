import "server-only";
import { getAuth } from "./auth-server.ts";
import { isRole } from "./permissions.ts";
import { requestProtocol } from "./request-origin.ts";
import type { SessionUser } from "./session-user.ts";

/**
 * The user whose session cookie these headers carry, or null: no cookie, a forged or expired
 * one, a deleted session, or a deactivated account. Reads the session row on every call.
 */
export async function findSessionUser(headers: Headers, url?: string): Promise<SessionUser | null> {
  if (!headers.get("cookie")) return null;
  const auth = getAuth(requestProtocol(headers, url));
  let lookup = headers;
  if (!headers.get("host") && url) {
    // better-auth derives its base URL from Host; a Request built without one still has its URL.
    lookup = new Headers(headers);
    lookup.set("host", new URL(url).host);
  }
  const session = await auth.api.getSession({ headers: lookup });
  if (!session) return null;
  const { user } = session;
  if (user.active !== true || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
