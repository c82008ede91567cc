/**
 * Who may do what. Every check in Raqib — pages, server actions, route handlers, navigation —
 * reads this one table. Pure data: safe to import from client components and the CLI.
 */
export type Role = "admin" | "moderator" | "analyst";

export type Permission =
  | "comments:view"
  | "comments:decide"
  | "charts:view"
  | "export"
  | "lexicon:propose"
  | "lexicon:manage"
  | "users:manage";

/** What an API token may be used for; tokens carry scopes, never roles. */
export type TokenScope = "ingest" | "classify" | "export";

export const ROLES = ["admin", "moderator", "analyst"] as const satisfies readonly Role[];
export const TOKEN_SCOPES = ["ingest", "classify", "export"] as const satisfies readonly TokenScope[];

export const PERMISSIONS: Record<Role, readonly Permission[]> = {
  analyst: ["comments:view", "charts:view"],
  moderator: ["comments:view", "comments:decide", "charts:view", "lexicon:propose"],
  admin: [
    "comments:view",
    "comments:decide",
    "charts:view",
    "export",
    "lexicon:propose",
    "lexicon:manage",
    "users:manage",
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === "string" && (TOKEN_SCOPES as readonly string[]).includes(value);
}
