import type { MessageKey } from "../i18n/messages.ts";
import type { Role } from "./permissions.ts";

export const ROLE_LABEL = {
  admin: "roleAdmin",
  moderator: "roleModerator",
  analyst: "roleAnalyst",
} as const satisfies Record<Role, MessageKey>;
