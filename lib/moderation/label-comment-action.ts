"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actingUser } from "../auth/admin-actor.ts";
import { requireUser } from "../auth/require-user.ts";
import { STANCE_TARGETS } from "../classifier/index.ts";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import type { LabelActionResult } from "./action-result.ts";
import { labelComment } from "./label-comment.ts";
import { moderationErrorMessage } from "./moderation-messages.ts";

const side = z.enum(["favor", "against", "none"]).nullable();

const labelSchema = z.object({
  commentId: z.number().int().positive(),
  insult: z.boolean().nullable().optional(),
  sentiment: z.enum(["positive", "negative", "neutral"]).nullable().optional(),
  stance: z.partialRecord(z.enum(STANCE_TARGETS), side).optional(),
});

/** Sets the moderator's own labels on a comment (insult, sentiment, stance per target). */
export async function labelCommentAction(input: z.input<typeof labelSchema>): Promise<LabelActionResult> {
  const user = await requireUser("comments:decide");
  const locale = await getLocale();
  const parsed = labelSchema.safeParse(input);
  if (!parsed.success)
    return { status: "error", message: translate(locale, "errInvalid", { field: String(parsed.error.issues[0]?.path[0] ?? "input") }) };
  try {
    const { commentId, ...changes } = parsed.data;
    const label = await labelComment(commentId, changes, { userId: user.id, ...(await actingUser(user)) });
    revalidatePath("/moderation");
    return { status: "ok", label, message: translate(locale, "labelSaved") };
  } catch (error) {
    return { status: "error", message: moderationErrorMessage(locale, error) };
  }
}
