import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { createTestToken, createTestUser, type TestUser } from "../testing/auth-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { recordAuditEvent, recordSecurityEvent } from "./audit.ts";
import { changeUserRole } from "./change-user-role.ts";
import { auditFilterSchema, listAuditEvents } from "./list-audit-events.ts";

describe("the security log", () => {
  let database: TestDatabase;
  let user: TestUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    user = await createTestUser("analyst");
    await changeUserRole(user.id, "moderator", { actor: { label: "boss@example.org" } });
    await createTestToken(["export"]);
    await recordSecurityEvent("sign_in_failed", {
      actor: { label: "someone@example.org" },
      origin: { ip: "192.0.2.1" },
    });
    await recordAuditEvent({
      category: "moderation",
      action: "comment_labelled",
      target: { type: "comment", id: 7 },
    });
    await getDb().auditEvent.updateMany({
      where: { action: "sign_in_failed" },
      data: { createdAt: new Date("2026-01-02T10:00:00Z") },
    });
  });
  afterAll(async () => database.drop());

  const list = (query: Record<string, string>) => listAuditEvents(auditFilterSchema.parse(query));

  it("lists security events only, newest first, naming targets by email or token name", async () => {
    const all = await list({});
    expect(all.data.map((e) => e.action)).toEqual([
      "token_created",
      "role_changed",
      "user_created",
      "sign_in_failed",
    ]);
    expect(all.data.find((e) => e.action === "role_changed")).toMatchObject({
      targetLabel: user.email,
      before: { role: "analyst" },
      after: { role: "moderator" },
      actorLabel: "boss@example.org",
    });
    expect(all.data.find((e) => e.action === "token_created")?.targetLabel).toMatch(/^test-export-/);
  });

  it("filters by event, actor (part of it, any case) and day range; bad filters are ignored", async () => {
    expect((await list({ action: "role_changed" })).data).toHaveLength(1);
    expect((await list({ actor: "BOSS@" })).data.map((e) => e.action)).toEqual(["role_changed"]);
    expect((await list({ from: "2026-01-02", to: "2026-01-02" })).data.map((e) => e.action)).toEqual([
      "sign_in_failed",
    ]);
    expect((await list({ to: "2026-01-01" })).count).toBe(0);
    expect((await list({ action: "drop table;", from: "yesterday", page: "-3" })).count).toBe(4);
  });

  it("pages", async () => {
    const first = await listAuditEvents(auditFilterSchema.parse({}), 3);
    const second = await listAuditEvents(auditFilterSchema.parse({ page: "2" }), 3);
    expect(first).toMatchObject({ count: 4, page: 1, pageSize: 3 });
    expect(first.data).toHaveLength(3);
    expect(second.data).toHaveLength(1);
  });
});
