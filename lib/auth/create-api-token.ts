import "server-only";
import { z } from "zod";
import { getDb } from "../db/client.ts";
import { generateApiToken, hashApiToken, TOKEN_PREFIX } from "./api-token-hash.ts";
import { type AuditActor, type AuditOrigin, recordSecurityEvent } from "./audit.ts";
import { AccountInputError } from "./errors.ts";
import { TOKEN_SCOPES, type TokenScope } from "./permissions.ts";

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, { error: "must not be empty" }).max(100, { error: "is too long" }),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { error: `must be among ${TOKEN_SCOPES.join(", ")}` }))
    .min(1, { error: `choose at least one of ${TOKEN_SCOPES.join(", ")}` }),
  sourceId: z.number().int().positive().nullable().optional(),
});

/**
 * Creates an API token and returns it. This is the only time the token exists in clear:
 * only its SHA-256 and first characters are stored.
 */
export async function createApiToken(
  input: { name: string; scopes: TokenScope[]; sourceId?: number | null },
  by: { actor: AuditActor; origin?: AuditOrigin },
): Promise<{ id: string; name: string; scopes: TokenScope[]; token: string }> {
  const parsed = newTokenSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "input");
    throw new AccountInputError(`${field}: ${issue?.message ?? "is invalid"}`, field);
  }
  const scopes = [...new Set(parsed.data.scopes)];
  const token = generateApiToken();
  const sourceId = parsed.data.sourceId ?? null;
  if (
    sourceId !== null &&
    !(await getDb().source.findUnique({ where: { id: sourceId }, select: { id: true } }))
  ) {
    throw new AccountInputError(`source: no source with id ${sourceId}`, "source", "not_found");
  }
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: parsed.data.name,
        scopes,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        sourceId,
        createdById: by.actor.userId ?? null,
      },
      select: { id: true, name: true },
    });
    await recordSecurityEvent(
      "token_created",
      {
        actor: by.actor,
        target: { type: "api_token", id: created.id },
        after: { name: created.name, scopes },
        origin: by.origin,
      },
      tx,
    );
    return created;
  });
  return { id: row.id, name: row.name, scopes, token };
}
