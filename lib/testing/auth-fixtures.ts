import { randomBytes } from "node:crypto";
import { POST as authPost } from "../../app/api/auth/[...all]/route.ts";
import { createApiToken } from "../auth/create-api-token.ts";
import { createUser } from "../auth/create-user.ts";
import { generatePassword } from "../auth/password-rules.ts";
import type { Role, TokenScope } from "../auth/permissions.ts";
import { revokeApiToken } from "../auth/revoke-api-token.ts";

export const TEST_ORIGIN = "http://raqib.test";

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

/** A user with a random email and password, made the way the admin page and CLI make them. */
export async function createTestUser(role: Role, name = `Test ${role}`): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.org`;
  const password = generatePassword();
  const { id } = await createUser({ email, name, role, password }, { actor: { label: "test" } });
  return { id, email, password, role };
}

/** POST /api/auth/sign-in/email through the real route handler, as a browser on TEST_ORIGIN would. */
export async function signInRequest(
  email: string,
  password: string,
  options: { origin?: string; ip?: string; protocol?: "http" | "https" } = {},
): Promise<Response> {
  const protocol = options.protocol ?? "http";
  return authPost(
    new Request(`${protocol}://raqib.test/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: options.origin ?? `${protocol}://raqib.test`,
        host: "raqib.test",
        "x-forwarded-proto": protocol,
        "x-forwarded-for": options.ip ?? "203.0.113.9",
        "user-agent": "vitest",
      },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The `Cookie` header a browser would send after this response. */
export function cookieHeaderFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => pair && !pair.endsWith("="))
    .join("; ");
}

/** Signs in and returns the session's Cookie header. */
export async function sessionCookie(user: Pick<TestUser, "email" | "password">): Promise<string> {
  const response = await signInRequest(user.email, user.password);
  if (response.status !== 200) throw new Error(`sign-in failed for ${user.email}: ${response.status}`);
  return cookieHeaderFrom(response);
}

export async function createTestToken(scopes: TokenScope[], options: { revoked?: boolean } = {}) {
  const created = await createApiToken(
    { name: `test-${scopes.join("-")}-${randomBytes(3).toString("hex")}`, scopes },
    { actor: { label: "test" } },
  );
  if (options.revoked) await revokeApiToken(created.id, { actor: { label: "test" } });
  return created;
}
