import "server-only";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { commentScope } from "./comment-scope-sql.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { Period } from "./resolve-range.ts";
import type { AgreementItem } from "./shape-moderator-agreement.ts";

/**
 * Every (comment, question) that two or more moderators answered, with who said what (ordered
 * by moderator): the items kappa is computed over. Stance gives one item per comment and target.
 * Rows are few (only multiply-labelled comments); the kappa arithmetic is lib/analytics/kappa.ts.
 * The SQL of `getModeratorAgreement`, exported for the benchmark's EXPLAIN.
 */
export function moderatorAgreementSql(filters: AnalyticsFilters, period: Period | null): Prisma.Sql {
  const scope = commentScope(filters, period);
  return Prisma.sql`
    SELECT v."check", l.comment_id AS "commentId", v.target,
      array_agg(l.user_id ORDER BY l.user_id) AS "userIds",
      array_agg(u.name ORDER BY l.user_id) AS "userNames",
      array_agg(v.value ORDER BY l.user_id) AS "values"
    FROM comment_label l JOIN comment c ON c.id = l.comment_id ${scope.join}
    JOIN "user" u ON u.id = l.user_id
    CROSS JOIN LATERAL (
      SELECT 'insult'::text AS "check", NULL::text AS target, CASE WHEN l.insult THEN 'yes' ELSE 'no' END AS value
      WHERE l.insult IS NOT NULL
      UNION ALL
      SELECT 'sentiment', NULL, l.sentiment::text WHERE l.sentiment IS NOT NULL
      UNION ALL
      SELECT 'stance', h.key, h.value
      FROM jsonb_each_text(CASE WHEN jsonb_typeof(l.stance) = 'object' THEN l.stance END) AS h
    ) AS v
    WHERE ${scope.where}
      AND l.comment_id IN (SELECT comment_id FROM comment_label GROUP BY comment_id HAVING count(*) >= 2)
    GROUP BY v."check", l.comment_id, v.target
    HAVING count(*) >= 2
    ORDER BY 1, 2, 3`;
}

export async function getModeratorAgreement(
  filters: AnalyticsFilters,
  period: Period | null,
): Promise<AgreementItem[]> {
  return getDb().$queryRaw<AgreementItem[]>(moderatorAgreementSql(filters, period));
}
