import "server-only";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { LABEL_CHECKS, LABEL_PAIRS_SQL } from "../moderation/label-pairs-sql.ts";
import { bucketBoundsSql, commentScope, localBucketSql } from "./comment-scope-sql.ts";
import type { AnalyticsFilters } from "./filters.ts";
import type { BucketUnit, Period } from "./resolve-range.ts";
import type { LabelPairRow } from "./shape-classifier-vs-human.ts";

/**
 * Moderators' labels against the classifier's output stored with them, counted per question
 * (insult, sentiment, stance), comment-date bucket in the user's zone, human answer and
 * classifier answer. The pairs come from the same SQL the moderation queue filters a
 * confusion-matrix cell with (lib/moderation/label-pairs-sql.ts).
 * The SQL of `getClassifierVsHuman`, exported for the benchmark's EXPLAIN.
 */
export function classifierVsHumanSql(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Prisma.Sql {
  const scope = commentScope(filters, period);
  const pairs = Prisma.raw(
    LABEL_CHECKS.map(
      (check) => `SELECT '${check}'::text AS "check", p.* FROM (${LABEL_PAIRS_SQL[check]}) AS p`,
    ).join(" UNION ALL "),
  );
  const bucket = localBucketSql(unit, timeZone);
  return Prisma.sql`
    SELECT p."check", ${bucketBoundsSql(Prisma.sql`p.bucket`, period, unit, timeZone)}, p.human, p.classifier,
      count(*)::int AS count
    FROM (
      SELECT lp."check", ${bucket} AS bucket, lp.human, lp.classifier
      FROM comment_label l JOIN comment c ON c.id = l.comment_id ${scope.join}
      CROSS JOIN LATERAL (${pairs}) AS lp
      WHERE ${scope.where}
    ) AS p
    GROUP BY p."check", p.bucket, p.human, p.classifier
    ORDER BY p.bucket, 1, 4, 5`;
}

export async function getClassifierVsHuman(
  filters: AnalyticsFilters,
  period: Period | null,
  unit: BucketUnit,
  timeZone: string,
): Promise<LabelPairRow[]> {
  return getDb().$queryRaw<LabelPairRow[]>(classifierVsHumanSql(filters, period, unit, timeZone));
}
