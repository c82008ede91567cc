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

/** The input an escalation reason's problem is about. */
export type EscalationReasonField = "id" | "code" | "labelAr" | "labelEn" | "position" | "active";

export type EscalationReasonProblem =
  | "empty"
  | "too_long"
  | "format"
  | "not_integer"
  | "out_of_range"
  | "invalid"
  | "taken"
  | "not_found";

/**
 * An admin's escalation reason was refused: `field` and `problem` let the page say which input
 * and why in the reader's language; `value` is what was given (the code, the id) when the
 * message should repeat it.
 */
export class EscalationReasonInputError extends Error {
  constructor(
    readonly field: EscalationReasonField,
    readonly problem: EscalationReasonProblem,
    readonly value?: string,
  ) {
    super(`${field}: ${describeProblem(problem, value)}`);
    this.name = "EscalationReasonInputError";
  }
}

function describeProblem(problem: EscalationReasonProblem, value: string | undefined): string {
  switch (problem) {
    case "empty":
      return "must not be empty";
    case "too_long":
      return "is too long";
    case "format":
      return `'${value ?? ""}' is not 2 to 40 lowercase letters, digits or underscores`;
    case "not_integer":
      return "must be a whole number";
    case "out_of_range":
      return "is out of range";
    case "taken":
      return `the code '${value ?? ""}' is already used`;
    case "not_found":
      return `no escalation reason with id ${value ?? "?"}`;
    default:
      return "is invalid";
  }
}
