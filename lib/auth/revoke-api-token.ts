import "server-only";
import { getDb } from "../db/client.ts";
import { type AuditActor, type AuditOrigin, recordSecurityEvent } from "./audit.ts";
import { AccountInputError } from "./errors.ts";
import { forgetVerifiedTokens } from "./verified-token-cache.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Revokes a token: from now on every request with it gets 401. Revoking twice is a no-op. */
export async function revokeApiToken(
  id: string,
  by: { actor: AuditActor; origin?: AuditOrigin },
): Promise<void> {
  if (!UUID.test(id)) throw new AccountInputError(`token: '${id}' is not a token id`, "token");
  await getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { name: true, revokedAt: true } });
    if (!token) throw new AccountInputError(`token: no token with id ${id}`, "token", "not_found");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordSecurityEvent(
      "token_revoked",
      { actor: by.actor, target: { type: "api_token", id }, before: { name: token.name }, origin: by.origin },
      tx,
    );
  });
  forgetVerifiedTokens();
}
