import "server-only";
import { getDb } from "../db/client.ts";
import { type AuditActor, type AuditOrigin, recordSecurityEvent } from "./audit.ts";
import { AccountInputError } from "./errors.ts";
import type { Role } from "./permissions.ts";

/** Changes a user's role. The last active admin cannot be demoted, so Raqib always has one. */
export async function changeUserRole(
  userId: string,
  role: Role,
  by: { actor: AuditActor; origin?: AuditOrigin },
): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, email: true } });
    if (!user) throw new AccountInputError("user: no such user", "user", "not_found");
    if (user.role === role) return;
    if (user.role === "admin") {
      const admins = await tx.user.count({ where: { role: "admin", active: true } });
      if (admins <= 1)
        throw new AccountInputError(
          "role: this is the last active admin; make someone else admin first",
          "role",
          "last_admin",
        );
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordSecurityEvent(
      "role_changed",
      {
        actor: by.actor,
        target: { type: "user", id: userId },
        before: { role: user.role },
        after: { role },
        origin: by.origin,
      },
      tx,
    );
  });
}
