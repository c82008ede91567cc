import "server-only";
import { type AuditActor, type AuditOrigin, recordAuditEvent } from "../auth/audit.ts";
import { getDb } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { LexiconInputError } from "./errors.ts";
import { getPublishedLexicon, shippedFiles } from "./get-published-lexicon.ts";
import { entryKey, type LayerEntry, layerEntryFrom, normaliseFlags, sameLayerEntry } from "./layer-entry.ts";
import { layerLexicon, validateLayerEntry } from "./layer-lexicon.ts";
import { layerEntryOfRow } from "./layer-rows.ts";
import { parseLexiconTsvUpload, type TsvLineError } from "./lexicon-tsv.ts";

export interface Actor {
  actor: AuditActor;
  origin?: AuditOrigin;
}

type Tx = Prisma.TransactionClient;

function fileEntryFor(key: string) {
  return layerLexicon(shippedFiles(), []).entries.find((e) => e.key === key)?.entry;
}

function rowData(entry: LayerEntry, by: Actor) {
  return {
    op: entry.op,
    term: entry.term.trim(),
    category: entry.category.trim(),
    weight: entry.weight,
    language: entry.language.trim(),
    target: entry.target?.trim() || null,
    side: entry.side?.trim() || null,
    flags: normaliseFlags(entry.flags),
    note: entry.note.trim(),
    updatedById: by.actor.userId ?? null,
    updatedByLabel: by.actor.label ?? "unknown",
  };
}

async function audit(tx: Tx, by: Actor, action: string, key: string, before: unknown, after: unknown) {
  await recordAuditEvent(
    {
      category: "lexicon",
      action,
      actor: by.actor,
      origin: by.origin,
      target: { type: "lexicon_entry", id: key },
      before: (before ?? null) as Prisma.InputJsonValue | null,
      after: (after ?? null) as Prisma.InputJsonValue | null,
    },
    tx,
  );
}

/**
 * Writes one entry into the draft inside `tx`. A `set` identical to the shipped row leaves no
 * draft row (the files already say it); a `remove` of an entry that exists only in the draft
 * drops it from the draft. Returns what the draft now holds for the key (null: the file row).
 */
async function writeDraftEntry(tx: Tx, entry: LayerEntry, by: Actor): Promise<LayerEntry | null> {
  const problems = validateLayerEntry(entry, `'${entry.term}'`);
  if (entry.op === "set" && problems.length > 0)
    throw new LexiconInputError(problems.map((p) => `${p.location}: ${p.message}`).join("; "), "entry");
  const key = entryKey(entry);
  const fileEntry = fileEntryFor(key);
  const existing = await tx.lexiconDraftEntry.findUnique({ where: { key } });
  const before = existing ? layerEntryOfRow(existing) : null;
  let after: LayerEntry | null;
  if (entry.op === "remove") {
    if (!fileEntry && !existing)
      throw new LexiconInputError(`'${entry.term}' (${entry.category}) is not in the lexicon`, "term");
    after = fileEntry ? { ...layerEntryFrom(fileEntry, "remove") } : null;
  } else {
    after = fileEntry && sameLayerEntry(layerEntryFrom(fileEntry), entry) ? null : entry;
  }
  if (after) {
    await tx.lexiconDraftEntry.upsert({
      where: { key },
      create: { key, ...rowData(after, by) },
      update: rowData(after, by),
    });
  } else if (existing) {
    await tx.lexiconDraftEntry.delete({ where: { key } });
  }
  await audit(
    tx,
    by,
    entry.op === "remove" ? "lexicon_draft_remove" : "lexicon_draft_set",
    key,
    before,
    after,
  );
  return after;
}

/** Adds or changes (`set`) or removes (`remove`) one entry in the draft, with an audit row. */
export async function editDraftEntry(entry: LayerEntry, by: Actor): Promise<LayerEntry | null> {
  return getDb().$transaction((tx) => writeDraftEntry(tx, entry, by));
}

/** Undoes the draft's edit of one entry: it is the shipped row again (or gone, if it was added). */
export async function revertDraftEntry(key: string, by: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const existing = await tx.lexiconDraftEntry.findUnique({ where: { key } });
    if (!existing) throw new LexiconInputError(`the draft has no edit of '${key.split("\t")[0]}'`, "key");
    await tx.lexiconDraftEntry.delete({ where: { key } });
    await audit(tx, by, "lexicon_draft_revert", key, layerEntryOfRow(existing), null);
  });
}

/** Replaces the whole draft with a layer (the published one: discard; an older one: roll back). */
export async function replaceDraft(tx: Tx, layer: readonly LayerEntry[], by: Actor): Promise<void> {
  await tx.lexiconDraftEntry.deleteMany({});
  if (layer.length > 0) {
    await tx.lexiconDraftEntry.createMany({
      data: layer.map((e) => ({ key: entryKey(e), ...rowData(e, by) })),
    });
  }
}

/** Throws away every unpublished edit: the draft is the published layer again. */
export async function discardDraft(by: Actor): Promise<void> {
  const published = await getPublishedLexicon();
  await getDb().$transaction(async (tx) => {
    await replaceDraft(tx, published.layer, by);
    await recordAuditEvent(
      {
        category: "lexicon",
        action: "lexicon_draft_discarded",
        actor: by.actor,
        origin: by.origin,
        after: { entries: published.layer.length },
      },
      tx,
    );
  });
}

export interface ImportSummary {
  /** Lines written into the draft (new or changed entries). */
  imported: number;
  /** Lines that say what the lexicon already says. */
  unchanged: number;
  errors: TsvLineError[];
}

/**
 * Imports a lexicon TSV into the draft: every valid line is added or replaces the entry with
 * the same term, category and target; every bad line is reported with its number and reason.
 * With `atomic`, any bad line means nothing is imported.
 */
export async function importLexiconTsv(text: string, by: Actor, options: { atomic?: boolean } = {}) {
  const parsed = parseLexiconTsvUpload(text);
  const summary: ImportSummary = { imported: 0, unchanged: 0, errors: parsed.errors };
  if (options.atomic && parsed.errors.length > 0) return summary;
  const seen = new Map<string, number>();
  const entries = parsed.entries.filter((entry) => {
    const key = entryKey(entry);
    const first = seen.get(key);
    if (first !== undefined) {
      summary.errors.push({ line: entry.line, reason: `same term, category and target as line ${first}` });
      return false;
    }
    seen.set(key, entry.line);
    return true;
  });
  summary.errors.sort((a, b) => a.line - b.line);
  await getDb().$transaction(
    async (tx) => {
      const draft = new Map((await tx.lexiconDraftEntry.findMany()).map((r) => [r.key, layerEntryOfRow(r)]));
      const files = new Map(layerLexicon(shippedFiles(), []).entries.map((e) => [e.key, e.entry]));
      const data = [];
      for (const { line: _line, ...entry } of entries) {
        const key = entryKey(entry);
        const fileEntry = files.get(key);
        const current = draft.get(key) ?? (fileEntry ? layerEntryFrom(fileEntry) : undefined);
        if (current && sameLayerEntry(current, entry)) {
          summary.unchanged += 1;
          continue;
        }
        if (fileEntry && sameLayerEntry(layerEntryFrom(fileEntry), entry)) {
          // Back to the shipped row: the draft's edit goes.
          await tx.lexiconDraftEntry.deleteMany({ where: { key } });
        } else data.push({ key, ...rowData(entry, by) });
        summary.imported += 1;
      }
      if (data.length > 0) {
        await tx.lexiconDraftEntry.deleteMany({ where: { key: { in: data.map((d) => d.key) } } });
        await tx.lexiconDraftEntry.createMany({ data });
      }
      await recordAuditEvent(
        {
          category: "lexicon",
          action: "lexicon_imported",
          actor: by.actor,
          origin: by.origin,
          after: { imported: summary.imported, unchanged: summary.unchanged, errors: summary.errors.length },
        },
        tx,
      );
    },
    { timeout: 60_000 },
  );
  return summary;
}

export { writeDraftEntry };
