import "server-only";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

const tokenListSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  sourceId: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { email: true } },
} satisfies Prisma.ApiTokenSelect;

export type ApiTokenListItem = Prisma.ApiTokenGetPayload<{ select: typeof tokenListSelect }>;

/** Every token, live ones first, newest first. Never the hash. */
export async function listApiTokens(): Promise<ApiTokenListItem[]> {
  const rows = await getDb().apiToken.findMany({ select: tokenListSelect, orderBy: { createdAt: "desc" } });
  return rows.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}
