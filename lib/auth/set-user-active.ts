import "server-only";
import { getDb } from "../db/client.ts";
import { type AuditActor, type AuditOrigin, recordSecurityEvent } from "./audit.ts";
import { AccountInputError } from "./errors.ts";

/**
 * Deactivates or reactivates a user. Deactivating deletes every session of theirs in the same
 * transaction, so an open browser is refused on its very next request.
 */
export async function setUserActive(
  userId: string,
  active: boolean,
  by: { actor: AuditActor; origin?: AuditOrigin },
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true, role: true } });
    if (!user) throw new AccountInputError("user: no such user", "user", "not_found");
    if (user.active === active) return;
    if (!active) {
      if (by.actor.userId === userId)
        throw new AccountInputError("user: you cannot deactivate yourself", "user", "self_deactivate");
      if (user.role === "admin") {
        const admins = await tx.user.count({ where: { role: "admin", active: true } });
        if (admins <= 1)
          throw new AccountInputError("user: this is the last active admin", "user", "last_admin");
      }
    }
    await tx.user.update({
      where: { id: userId },
      data: { active, deactivatedAt: active ? null : new Date() },
    });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await recordSecurityEvent(
      active ? "user_reactivated" : "user_deactivated",
      {
        actor: by.actor,
        target: { type: "user", id: userId },
        before: { active: user.active },
        after: { active },
        origin: by.origin,
      },
      tx,
    );
  });
}
