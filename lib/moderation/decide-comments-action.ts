"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actingUser } from "../auth/admin-actor.ts";
import { requireUser } from "../auth/require-user.ts";
import { getLocale } from "../i18n/get-locale.ts";
import { translate } from "../i18n/messages.ts";
import type { ModerationActionResult } from "./action-result.ts";
import { DECISIONS, decideComments } from "./decide-comments.ts";
import { conflictMessage, moderationErrorMessage } from "./moderation-messages.ts";

const versioned = z.object({ id: z.number().int().positive(), version: z.number().int().positive() });

const decideSchema = z.object({
  decision: z.enum(DECISIONS),
  comments: z.array(versioned).min(1).max(1000),
  escalationReasonId: z.number().int().positive().nullable().optional(),
});

/** Approve, reject or escalate one or many comments (the keyboard, the buttons, bulk actions). */
export async function decideCommentsAction(input: z.input<typeof decideSchema>): Promise<ModerationActionResult> {
  const user = await requireUser("comments:decide");
  const locale = await getLocale();
  const parsed = decideSchema.safeParse(input);
  if (!parsed.success)
    return { status: "error", message: translate(locale, "errInvalid", { field: String(parsed.error.issues[0]?.path[0] ?? "input") }) };
  try {
    const by = { userId: user.id, ...(await actingUser(user)) };
    const outcome = await decideComments(parsed.data.comments, parsed.data.decision, by, {
      escalationReasonId: parsed.data.escalationReasonId ?? null,
    });
    revalidatePath("/moderation");
    return {
      status: "ok",
      ...outcome,
      conflictMessages: outcome.conflicts.map((c) => conflictMessage(locale, c)),
      message: translate(locale, "decided", {
        action: translate(locale, parsed.data.decision),
        count: outcome.decided.length,
      }),
    };
  } catch (error) {
    return { status: "error", message: moderationErrorMessage(locale, error) };
  }
}
