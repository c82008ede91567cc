import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import type { ImportedLabel } from "./read-label-columns.ts";

/** The user id an imported annotator is stored under in this database. */
export function importedAnnotatorId(annotator: string): string {
  return `imported:${annotator}`;
}

/**
 * Stores labels that came with imported rows. Annotators from another install become
 * placeholder users — id `imported:<annotator>`, email `<hash>@imported.raqib.invalid`, inactive,
 * so they can never sign in — one per distinct annotator, so per-annotator agreement survives
 * the move. A label already stored for (comment, annotator) is kept as it is (re-importing the
 * same export adds nothing).
 */
export async function storeImportedLabels(
  db: Pick<pg.Pool, "query">,
  items: { bodyHash: string; labels: ImportedLabel[] }[],
): Promise<number> {
  const flat = items.flatMap((item) => item.labels.map((label) => ({ bodyHash: item.bodyHash, label })));
  if (flat.length === 0) return 0;
  const annotators = new Map<string, ImportedLabel["role"]>();
  for (const { label } of flat)
    if (!annotators.has(label.annotator)) annotators.set(label.annotator, label.role);
  const names = [...annotators.keys()];
  await db.query(
    `INSERT INTO "user" (id, name, email, role, active, deactivated_at, created_at, updated_at)
     SELECT t.id, t.name, t.email, t.role::role, false, now(), now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, name, email, role)
     ON CONFLICT DO NOTHING`,
    [
      names.map(importedAnnotatorId),
      names.map((n) => `Imported annotator ${n}`.slice(0, 250)),
      names.map((n) => `${createHash("sha256").update(n).digest("hex").slice(0, 24)}@imported.raqib.invalid`),
      names.map((n) => annotators.get(n) ?? "moderator"),
    ],
  );
  const result = await db.query(
    `INSERT INTO comment_label (comment_id, user_id, insult, sentiment, stance, classifier_insult,
        classifier_insult_score, classifier_sentiment, classifier_stance, lexicon_version, created_at, updated_at)
     SELECT c.id, t.user_id, t.insult, t.sentiment::sentiment, t.stance::jsonb, c.insult, c.insult_score, c.sentiment,
        c.stance, v.lexicon_version, coalesce(t.labelled_at, now()), coalesce(t.labelled_at, now())
       FROM unnest($1::uuid[], $2::text[], $3::bool[], $4::text[], $5::text[], $6::timestamptz[])
         AS t(body_hash, user_id, insult, sentiment, stance, labelled_at)
       JOIN comment c ON c.body_hash = t.body_hash
       LEFT JOIN comment_classification v ON v.comment_id = c.id
     ON CONFLICT (comment_id, user_id) DO NOTHING`,
    [
      flat.map((f) => f.bodyHash),
      flat.map((f) => importedAnnotatorId(f.label.annotator)),
      flat.map((f) => f.label.insult),
      flat.map((f) => f.label.sentiment),
      flat.map((f) => JSON.stringify(f.label.stance)),
      flat.map((f) => f.label.labelledAt),
    ],
  );
  return result.rowCount ?? 0;
}
