import "server-only";
import { getPool } from "../db/pool.ts";
import { computeConsensus } from "../moderation/compute-consensus.ts";
import type { StoredLabel } from "../moderation/label-comment.ts";
import type { LabelledComment } from "./labelled-comment.ts";

/**
 * Every comment with at least one human label, with the moderators' consensus per question
 * (a strict majority; ties count as unanswered). Comments none of whose questions has an
 * answer are left out.
 */
export async function loadLabelledComments(): Promise<LabelledComment[]> {
  const { rows } = await getPool().query<{ id: number; body: string; labels: StoredLabel[] }>(
    `SELECT c.id, c.body,
            json_agg(json_build_object('insult', l.insult, 'sentiment', l.sentiment, 'stance', coalesce(l.stance, '{}'::jsonb))) AS labels
       FROM comment_label l JOIN comment c ON c.id = l.comment_id
      GROUP BY c.id ORDER BY c.id`,
  );
  const out: LabelledComment[] = [];
  for (const row of rows) {
    const consensus = computeConsensus(row.labels);
    const stance: LabelledComment["stance"] = consensus.stance;
    if (consensus.insult === null && consensus.sentiment === null && Object.keys(stance).length === 0)
      continue;
    out.push({
      id: row.id,
      body: row.body,
      insult: consensus.insult,
      sentiment: consensus.sentiment,
      stance,
    });
  }
  return out;
}
