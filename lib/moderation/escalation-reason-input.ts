import { z } from "zod";
import {
  type EscalationReasonField,
  EscalationReasonInputError,
  type EscalationReasonProblem,
} from "./errors.ts";

export const REASON_CODE_PATTERN = /^[a-z0-9_]{2,40}$/;
export const REASON_LABEL_MAX = 100;
export const REASON_POSITION_MAX = 9999;

// Each check's error is a problem code (not prose): the page words it in the reader's language.
const label = z
  .string({ error: "empty" })
  .trim()
  .min(1, { error: "empty" })
  .max(REASON_LABEL_MAX, { error: "too_long" });

const position = z
  .number({ error: "not_integer" })
  .int({ error: "not_integer" })
  .min(0, { error: "out_of_range" })
  .max(REASON_POSITION_MAX, { error: "out_of_range" });

/** A reason an admin adds. Without a position it goes to the end of the list. */
export const newEscalationReasonSchema = z.object({
  code: z
    .string({ error: "empty" })
    .trim()
    .min(1, { error: "empty", abort: true })
    .regex(REASON_CODE_PATTERN, { error: "format" }),
  labelAr: label,
  labelEn: label,
  position: position.optional(),
});

/** An admin's edit of a reason. The code stays as it was: exports and the audit log refer to it. */
export const escalationReasonChangesSchema = z.object({
  id: z.number({ error: "not_found" }).int({ error: "not_found" }).positive({ error: "not_found" }),
  labelAr: label,
  labelEn: label,
  position,
  active: z.boolean({ error: "invalid" }),
});

export type NewEscalationReason = z.input<typeof newEscalationReasonSchema>;
export type EscalationReasonChanges = z.input<typeof escalationReasonChangesSchema>;

const FIELDS: readonly EscalationReasonField[] = ["id", "code", "labelAr", "labelEn", "position", "active"];
const PROBLEMS: readonly EscalationReasonProblem[] = [
  "empty",
  "too_long",
  "format",
  "not_integer",
  "out_of_range",
  "invalid",
  "not_found",
];

/** The first problem zod found, as the error the page words for the reader. */
export function escalationReasonInputError(error: z.ZodError, input: unknown): EscalationReasonInputError {
  const issue = error.issues[0];
  const key = issue?.path[0];
  const field = FIELDS.find((f) => f === key) ?? "id";
  const problem = PROBLEMS.find((p) => p === issue?.message) ?? "invalid";
  const given = (input as Record<string, unknown> | null)?.[field];
  return new EscalationReasonInputError(
    field,
    problem,
    typeof given === "string" || (typeof given === "number" && Number.isFinite(given))
      ? String(given)
      : undefined,
  );
}
