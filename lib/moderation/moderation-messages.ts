import "server-only";
import { type Locale, type MessageKey, translate } from "../i18n/messages.ts";
import type { ConflictedComment } from "./decide-comments.ts";
import { ModerationInputError } from "./errors.ts";
import type { CommentStatus } from "./queue-params.ts";

export const STATUS_KEY: Record<CommentStatus, MessageKey> = {
  pending: "statusPending",
  approved: "statusApproved",
  rejected: "statusRejected",
  escalated: "statusEscalated",
};

/** "Someone else changed comment 12 first: it is now rejected (version 3), decided by …". */
export function conflictMessage(locale: Locale, conflict: ConflictedComment): string {
  return translate(locale, "conflict", {
    id: conflict.id,
    status: translate(locale, STATUS_KEY[conflict.status]),
    version: conflict.version,
    by: conflict.decidedBy ? translate(locale, "conflictBy", { name: conflict.decidedBy }) : "",
  });
}

/** A failed write as the moderator reads it; the detail goes to the log. */
export function moderationErrorMessage(locale: Locale, error: unknown): string {
  if (error instanceof ModerationInputError) return translate(locale, "actionFailed", { reason: error.message });
  console.error("moderation write failed:", error);
  return translate(locale, "actionFailed", { reason: error instanceof Error ? error.name : "error" });
}
