"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actingUser } from "../auth/admin-actor.ts";
import { requireUser } from "../auth/require-user.ts";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import type { ModerationActionResult } from "./action-result.ts";
import { conflictMessage, moderationErrorMessage } from "./moderation-messages.ts";
import { undoDecisions } from "./undo-decisions.ts";

const undoSchema = z.object({
  comments: z
    .array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() }))
    .min(1)
    .max(1000),
});

/** Undoes the moderator's last decision on the comments it named, if nobody changed them since. */
export async function undoDecisionsAction(input: z.input<typeof undoSchema>): Promise<ModerationActionResult> {
  const user = await requireUser("comments:decide");
  const locale = await getLocale();
  const parsed = undoSchema.safeParse(input);
  if (!parsed.success) return { status: "error", message: translate(locale, "errInvalid", { field: "comments" }) };
  try {
    const outcome = await undoDecisions(parsed.data.comments, { userId: user.id, ...(await actingUser(user)) });
    revalidatePath("/moderation");
    return {
      status: "ok",
      ...outcome,
      conflictMessages: outcome.conflicts.map((c) => conflictMessage(locale, c)),
      message:
        outcome.decided.length === 0
          ? translate(locale, "nothingToUndo")
          : translate(locale, "undone", { count: outcome.decided.length }),
    };
  } catch (error) {
    return { status: "error", message: moderationErrorMessage(locale, error) };
  }
}
