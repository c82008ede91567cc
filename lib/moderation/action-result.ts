import type { ConflictedComment, DecidedComment } from "./decide-comments.ts";
import type { StoredLabel } from "./label-comment.ts";

/** What a moderation server action hands back to the workspace. Messages are in the reader's language. */
export type ModerationActionResult =
  | {
      status: "ok";
      decided: DecidedComment[];
      conflicts: ConflictedComment[];
      /** One message per conflict, naming the comment and its current state. */
      conflictMessages: string[];
      message: string;
    }
  | { status: "error"; message: string };

export type LabelActionResult = { status: "ok"; label: StoredLabel; message: string } | { status: "error"; message: string };
