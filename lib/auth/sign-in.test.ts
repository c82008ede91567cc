import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet } from "../../app/api/auth/[...all]/route.ts";
import { getDb } from "../db/client.ts";
import { cookieHeaderFrom, createTestUser, signInRequest, type TestUser } from "../testing/auth-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";

describe("sign-in through /api/auth", () => {
  let database: TestDatabase;
  let user: TestUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    user = await createTestUser("moderator", "Mona Moderator");
  });
  afterAll(async () => database.drop());

  it("signs in with the right password, sets an httpOnly SameSite=Lax cookie without Secure over http, and records the sign-in", async () => {
    const response = await signInRequest(user.email, user.password);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toMatchObject({ email: user.email, role: "moderator" });
    expect(body).not.toHaveProperty("token");
    const cookies = response.headers.getSetCookie();
    const sessionCookieLine = cookies.find((c) => c.startsWith("raqib.session_token="));
    expect(sessionCookieLine).toBeDefined();
    expect(sessionCookieLine).toMatch(/HttpOnly/i);
    expect(sessionCookieLine).toMatch(/SameSite=Lax/i);
    expect(sessionCookieLine).not.toMatch(/Secure/i);
    const events = await getDb().auditEvent.findMany({ where: { action: "sign_in", actorUserId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]?.ip).toBe("203.0.113.9");

    const sessionResponse = await authGet(
      new Request("http://raqib.test/api/auth/get-session", {
        headers: { cookie: cookieHeaderFrom(response), host: "raqib.test", "x-forwarded-proto": "http" },
      }),
    );
    const session = await sessionResponse.json();
    expect(session.user.email).toBe(user.email);
    expect(session.session).toBeDefined();
    expect(session.session).not.toHaveProperty("token");
  });
});
