import { describe, expect, it } from "vitest";
import { NAV_ITEMS, navItemsFor } from "./navigation.ts";
import { can, PERMISSIONS, type Permission, ROLES } from "./permissions.ts";

// The table, written out by hand so that a change to PERMISSIONS has to change this too.
const TABLE: Record<Permission, Record<(typeof ROLES)[number], boolean>> = {
  "comments:view": { analyst: true, moderator: true, admin: true },
  "comments:decide": { analyst: false, moderator: true, admin: true },
  "charts:view": { analyst: true, moderator: true, admin: true },
  export: { analyst: false, moderator: false, admin: true },
  "lexicon:propose": { analyst: false, moderator: true, admin: true },
  "lexicon:manage": { analyst: false, moderator: false, admin: true },
  "users:manage": { analyst: false, moderator: false, admin: true },
};

describe("the permission table", () => {
  it.each(ROLES)("gives %s exactly the issue's permissions", (role) => {
    for (const [permission, roles] of Object.entries(TABLE)) {
      expect(can(role, permission as Permission), `${role} ${permission}`).toBe(roles[role]);
    }
    expect(PERMISSIONS[role]).toHaveLength(Object.values(TABLE).filter((roles) => roles[role]).length);
  });

  it("shows each role the links its permissions allow, and admins all of them", () => {
    expect(navItemsFor("analyst").map((i) => i.href)).toEqual([
      "/moderation",
      "/articles",
      "/analytics",
      "/admin/lexicon",
    ]);
    expect(navItemsFor("moderator").map((i) => i.href)).toEqual([
      "/moderation",
      "/articles",
      "/analytics",
      "/admin/lexicon",
    ]);
    expect(navItemsFor("admin").map((i) => i.href)).toEqual(NAV_ITEMS.map((i) => i.href));
    expect(navItemsFor("admin").map((i) => i.href)).toEqual([
      "/moderation",
      "/articles",
      "/analytics",
      "/admin/lexicon",
      "/admin/users",
      "/admin/tokens",
      "/admin/audit",
      "/admin/ingest",
      "/admin/export",
      "/admin/escalation-reasons",
    ]);
  });
});
