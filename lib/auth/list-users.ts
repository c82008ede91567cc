import "server-only";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

const userListSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  deactivatedAt: true,
  createdAt: true,
  sessions: { select: { updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 },
} satisfies Prisma.UserSelect;

export type UserListItem = Omit<Prisma.UserGetPayload<{ select: typeof userListSelect }>, "sessions"> & {
  lastSeenAt: Date | null;
};

/** Every user, admins first, then by email. */
export async function listUsers(): Promise<UserListItem[]> {
  const rows = await getDb().user.findMany({
    select: userListSelect,
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
  return rows.map(({ sessions, ...user }) => ({ ...user, lastSeenAt: sessions[0]?.updatedAt ?? null }));
}
