import type { CommentStatus } from "./queue-params.ts";

/** Someone else changed the comment since this moderator loaded it: nothing was written. */
export class DecisionConflictError extends Error {
  constructor(
    readonly commentId: number,
    readonly current: { status: CommentStatus; version: number; decidedBy: string | null },
  ) {
    super(
      `comment ${commentId}: changed by someone else (now ${current.status}, version ${current.version})`,
    );
    this.name = "DecisionConflictError";
  }
}

export class ModerationInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly reason: "not_found" | "invalid" | "nothing_to_undo",
  ) {
    super(message);
    this.name = "ModerationInputError";
  }
}
