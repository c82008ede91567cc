import "server-only";
import { z } from "zod";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

/** The audit page's filters, parsed from the URL (bad values are dropped, not errors). */
export const auditFilterSchema = z.object({
  action: z
    .string()
    .regex(/^[a-z_]{1,50}$/)
    .optional()
    .catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

const auditEventSelect = {
  id: true,
  category: true,
  action: true,
  actorLabel: true,
  actorUserId: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  ip: true,
  userAgent: true,
  createdAt: true,
} satisfies Prisma.AuditEventSelect;

export type AuditEventRow = Omit<Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>, "id"> & {
  id: string;
  /** The target as people know it: a user's email, a token's name; null when it is gone or not ours. */
  targetLabel: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Security events, newest first, filtered by event, actor (email or label, partial) and day range (UTC). */
export async function listAuditEvents(
  filter: AuditFilter,
  pageSize = 50,
): Promise<{ data: AuditEventRow[]; count: number; page: number; pageSize: number }> {
  const where: Prisma.AuditEventWhereInput = { category: "security" };
  if (filter.action) where.action = filter.action;
  if (filter.actor) where.actorLabel = { contains: filter.actor, mode: "insensitive" };
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  const db = getDb();
  const [rows, count] = await Promise.all([
    db.auditEvent.findMany({
      where,
      select: auditEventSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
    }),
    db.auditEvent.count({ where }),
  ]);
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId as string)),
  ];
  const [users, tokens] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, email: true } }),
    db.apiToken.findMany({
      where: { id: { in: ids("api_token").filter((id) => UUID.test(id)) } },
      select: { id: true, name: true },
    }),
  ]);
  const labels = new Map<string, string>([
    ...users.map((u) => [`user:${u.id}`, u.email] as const),
    ...tokens.map((t) => [`api_token:${t.id}`, t.name] as const),
  ]);
  return {
    data: rows.map((row) => ({
      ...row,
      id: row.id.toString(),
      targetLabel: labels.get(`${row.targetType}:${row.targetId}`) ?? null,
    })),
    count,
    page: filter.page,
    pageSize,
  };
}
