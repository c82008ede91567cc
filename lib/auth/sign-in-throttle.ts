import "server-only";
import { getDb } from "../db/client.ts";

/** Failed sign-ins allowed per email, and per client address, inside the window. */
export const SIGN_IN_LIMITS = { perEmail: 5, perIp: 20, windowMinutes: 15 } as const;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Brute-force brake, kept in the audit log itself so it holds across restarts and processes:
 * after 5 failed sign-ins for one email (or 20 from one address) in 15 minutes, further
 * attempts are refused until the oldest of those failures leaves the window.
 */
export async function checkSignInThrottle(email: string, ip: string | null): Promise<ThrottleDecision> {
  const db = getDb();
  const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;
  const since = new Date(Date.now() - windowMs);
  const failures = (where: { actorLabel: string } | { ip: string }, limit: number) =>
    db.auditEvent.findMany({
      where: { action: "sign_in_failed", createdAt: { gte: since }, ...where },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { createdAt: true },
    });
  const [byEmail, byIp] = await Promise.all([
    email ? failures({ actorLabel: email }, SIGN_IN_LIMITS.perEmail) : Promise.resolve([]),
    ip ? failures({ ip }, SIGN_IN_LIMITS.perIp) : Promise.resolve([]),
  ]);
  const blockedUntil = (rows: { createdAt: Date }[], limit: number): number => {
    if (rows.length < limit) return 0;
    const oldest = rows[limit - 1];
    return oldest ? oldest.createdAt.getTime() + windowMs : 0;
  };
  const until = Math.max(
    blockedUntil(byEmail, SIGN_IN_LIMITS.perEmail),
    blockedUntil(byIp, SIGN_IN_LIMITS.perIp),
  );
  if (until <= Date.now()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
}
