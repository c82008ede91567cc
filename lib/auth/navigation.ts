import type { MessageKey } from "../i18n/messages.ts";
import { can, type Permission, type Role } from "./permissions.ts";

export interface NavItem {
  href: string;
  label: MessageKey;
  permission: Permission;
}

/**
 * The header's links, each shown to the roles whose permissions include its `permission`.
 * A new page adds one entry here; nothing else decides who sees a link.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/moderation", label: "navModeration", permission: "comments:view" },
  { href: "/articles", label: "navArticles", permission: "comments:view" },
  { href: "/analytics", label: "navAnalytics", permission: "charts:view" },
  { href: "/admin/lexicon", label: "navLexicon", permission: "comments:view" },
  { href: "/admin/users", label: "navUsers", permission: "users:manage" },
  { href: "/admin/tokens", label: "navTokens", permission: "users:manage" },
  { href: "/admin/audit", label: "navAudit", permission: "users:manage" },
  { href: "/admin/ingest", label: "navIngest", permission: "users:manage" },
  { href: "/admin/export", label: "navExport", permission: "export" },
  { href: "/admin/escalation-reasons", label: "navEscalationReasons", permission: "users:manage" },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
