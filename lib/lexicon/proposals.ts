import "server-only";
import { recordAuditEvent } from "../auth/audit.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { type Actor, writeDraftEntry } from "./edit-draft.ts";
import { LexiconInputError } from "./errors.ts";
import { type LayerEntry, normaliseFlags } from "./layer-entry.ts";
import { validateLayerEntry } from "./layer-lexicon.ts";
import { layerEntryOfRow } from "./layer-rows.ts";

export interface ProposalRow {
  id: number;
  entry: LayerEntry;
  reason: string;
  state: "pending" | "accepted" | "declined";
  proposedBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** A moderator proposes an entry (or the removal of one); an admin decides later. */
export async function proposeEntry(entry: LayerEntry, reason: string, by: Actor): Promise<number> {
  const problems = entry.op === "set" ? validateLayerEntry(entry, `'${entry.term}'`) : [];
  if (entry.term.trim() === "") problems.push({ location: "term", message: "term is empty" });
  if (problems.length > 0)
    throw new LexiconInputError(problems.map((p) => `${p.location}: ${p.message}`).join("; "), "entry");
  return getDb().$transaction(async (tx) => {
    const row = await tx.lexiconProposal.create({
      data: {
        op: entry.op,
        term: entry.term.trim(),
        category: entry.category,
        weight: entry.weight,
        language: entry.language,
        target: entry.target || null,
        side: entry.side || null,
        flags: normaliseFlags(entry.flags),
        note: entry.note.trim(),
        reason: reason.trim().slice(0, 2_000),
        proposedById: by.actor.userId ?? null,
        proposedByLabel: by.actor.label ?? "unknown",
      },
    });
    await recordAuditEvent(
      {
        category: "lexicon",
        action: "lexicon_proposed",
        actor: by.actor,
        origin: by.origin,
        target: { type: "lexicon_proposal", id: row.id },
        after: { ...entry, reason } as unknown as Prisma.InputJsonValue,
      },
      tx,
    );
    return row.id;
  });
}

/** An admin accepts a pending proposal (its entry goes into the draft) or declines it. */
export async function decideProposal(id: number, accept: boolean, by: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const proposal = await tx.lexiconProposal.findUnique({ where: { id } });
    if (!proposal) throw new LexiconInputError(`proposal ${id} does not exist`, "id");
    if (proposal.state !== "pending")
      throw new LexiconInputError(`proposal ${id} was already ${proposal.state}`, "id");
    if (accept) await writeDraftEntry(tx, layerEntryOfRow(proposal), by);
    await tx.lexiconProposal.update({
      where: { id },
      data: {
        state: accept ? "accepted" : "declined",
        decidedById: by.actor.userId ?? null,
        decidedByLabel: by.actor.label ?? "unknown",
        decidedAt: new Date(),
      },
    });
    await recordAuditEvent(
      {
        category: "lexicon",
        action: accept ? "lexicon_proposal_accepted" : "lexicon_proposal_declined",
        actor: by.actor,
        origin: by.origin,
        target: { type: "lexicon_proposal", id },
      },
      tx,
    );
  });
}

/** Proposals, pending first, newest first; a moderator sees only their own (`proposedById`). */
export async function listProposals(filter: { proposedById?: string } = {}): Promise<ProposalRow[]> {
  const rows = await getDb().lexiconProposal.findMany({
    where: filter.proposedById ? { proposedById: filter.proposedById } : {},
    orderBy: [{ state: "asc" }, { createdAt: "desc" }],
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    entry: layerEntryOfRow(r),
    reason: r.reason,
    state: r.state,
    proposedBy: r.proposedByLabel,
    createdAt: r.createdAt,
    decidedBy: r.decidedByLabel,
    decidedAt: r.decidedAt,
  }));
}
