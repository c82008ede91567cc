"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "../auth/action-state.ts";
import { actingUser } from "../auth/admin-actor.ts";
import { requireUser } from "../auth/require-user.ts";
import { LEXICON_CATEGORIES, LEXICON_FLAGS, LEXICON_LANGUAGES, STANCE_TARGETS } from "../classifier/types.ts";
import { getLocale } from "../i18n/get-locale.ts";
import { lexiconText } from "../i18n/lexicon-messages.ts";
import { translate } from "../i18n/messages.ts";
import { discardDraft, editDraftEntry, importLexiconTsv, revertDraftEntry } from "./edit-draft.ts";
import { LexiconInputError } from "./errors.ts";
import type { LayerEntry } from "./layer-entry.ts";
import { MAX_TSV_BYTES } from "./lexicon-tsv.ts";
import { decideProposal, proposeEntry } from "./proposals.ts";
import { publishDraft, rollBackLexicon } from "./publish-lexicon.ts";
import { resumePublicationJob } from "./resume-publication-job.ts";

const PAGE = "/admin/lexicon";

const entrySchema = z.object({
  op: z.enum(["set", "remove"]).default("set"),
  term: z.string().trim().min(1).max(200),
  category: z.enum(LEXICON_CATEGORIES),
  weight: z.coerce.number().positive().max(3),
  language: z.enum(LEXICON_LANGUAGES),
  target: z.enum(STANCE_TARGETS).nullable(),
  side: z.enum(["favor", "against"]).nullable(),
  flags: z.array(z.enum(LEXICON_FLAGS)),
  note: z.string().max(500),
});

type EntryParse = { success: true; data: LayerEntry } | { success: false; field: string };

function entryFrom(formData: FormData): EntryParse {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  };
  const parsed = entrySchema.safeParse({
    op: text("op") ?? "set",
    term: text("term") ?? "",
    category: text("category"),
    weight: text("weight") ?? (text("op") === "remove" ? "1" : ""),
    language: text("language") ?? "ar",
    target: text("target"),
    side: text("side"),
    flags: formData.getAll("flags").filter((f) => typeof f === "string" && f !== ""),
    note: text("note") ?? "",
  });
  if (!parsed.success) return { success: false, field: String(parsed.error.issues[0]?.path[0] ?? "entry") };
  return { success: true, data: { ...parsed.data, flags: parsed.data.flags.join(",") } };
}

function fieldsOf(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of ["term", "category", "weight", "language", "target", "side", "note", "reason"]) {
    const value = formData.get(name);
    if (typeof value === "string") fields[name] = value.slice(0, 500);
  }
  return fields;
}

async function failure(error: unknown, fields?: Record<string, string>): Promise<ActionState> {
  const locale = await getLocale();
  if (error instanceof LexiconInputError)
    return {
      status: "error",
      message: lexiconText(locale)("lexActionFailed", { reason: error.message }),
      fields,
    };
  console.error("lexicon write failed:", error);
  return {
    status: "error",
    message: lexiconText(locale)("lexActionFailed", {
      reason: error instanceof Error ? error.name : "error",
    }),
    fields,
  };
}

async function invalid(field: string, fields?: Record<string, string>): Promise<ActionState> {
  return { status: "error", message: translate(await getLocale(), "errInvalid", { field }), fields };
}

/** Admins add, change or remove an entry in the draft. */
export async function editEntryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("lexicon:manage");
  const fields = fieldsOf(formData);
  const parsed = entryFrom(formData);
  if (!parsed.success) return invalid(parsed.field, fields);
  try {
    await editDraftEntry(parsed.data, await actingUser(admin));
  } catch (error) {
    return failure(error, fields);
  }
  revalidatePath(PAGE);
  return {
    status: "ok",
    message: lexiconText(await getLocale())(
      parsed.data.op === "remove" ? "lexEntryRemoved" : "lexEntrySaved",
      {
        term: parsed.data.term,
      },
    ),
  };
}

/** Admins undo the draft's edit of one entry. */
export async function revertEntryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("lexicon:manage");
  const key = formData.get("key");
  if (typeof key !== "string" || key === "" || key.length > 600) return invalid("key");
  try {
    await revertDraftEntry(key, await actingUser(admin));
  } catch (error) {
    return failure(error);
  }
  revalidatePath(PAGE);
  return { status: "ok", message: lexiconText(await getLocale())("lexEntryReverted") };
}

/** Admins throw the draft away: it is the published lexicon again. */
export async function discardDraftAction(_previous: ActionState, _formData: FormData): Promise<ActionState> {
  const admin = await requireUser("lexicon:manage");
  try {
    await discardDraft(await actingUser(admin));
  } catch (error) {
    return failure(error);
  }
  revalidatePath(PAGE);
  return { status: "ok", message: lexiconText(await getLocale())("lexDraftDiscarded") };
}

/** Admins publish the draft as a new version; re-classification starts in the background. */
export async function publishAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("lexicon:manage");
  const note = String(formData.get("note") ?? "").slice(0, 2_000);
  let version: string;
  try {
    version = (await publishDraft(await actingUser(admin), { note })).version;
  } catch (error) {
    return failure(error, { note });
  }
  revalidatePath(PAGE);
  return { status: "ok", message: lexiconText(await getLocale())("lexPublished", { version }) };
}

/** Admins publish an earlier version again. */
export async function rollBackAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("lexicon:manage");
  const version = formData.get("version");
  if (typeof version !== "string" || !/^[0-9a-f]{12}$/.test(version)) return invalid("version");
  try {
    await rollBackLexicon(version, await actingUser(admin), {
      note: String(formData.get("note") ?? "").slice(0, 2_000),
    });
  } catch (error) {
    return failure(error);
  }
  revalidatePath(PAGE);
  return { status: "ok", message: lexiconText(await getLocale())("lexRolledBack", { version }) };
}

/** Admins restart a failed or stalled re-classification; it resumes where it stopped. */
export async function resumeJobAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("lexicon:manage");
  const id = Number(formData.get("publication"));
  if (!Number.isInteger(id) || id <= 0) return invalid("publication");
  try {
    await resumePublicationJob(id, await actingUser(admin));
  } catch (error) {
    return failure(error);
  }
  revalidatePath(PAGE);
  return { status: "ok", message: lexiconText(await getLocale())("lexJobResumed") };
}

/** Moderators (and admins) propose an entry for an admin to accept. */
export async function proposeEntryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser("lexicon:propose");
  const fields = fieldsOf(formData);
  const parsed = entryFrom(formData);
  if (!parsed.success) return invalid(parsed.field, fields);
  try {
    await proposeEntry(parsed.data, String(formData.get("reason") ?? ""), await actingUser(user));
  } catch (error) {
    return failure(error, fields);
  }
  revalidatePath(PAGE);
  return { status: "ok", message: lexiconText(await getLocale())("lexProposed", { term: parsed.data.term }) };
}

/** Admins accept a proposal into the draft, or decline it. */
export async function decideProposalAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("lexicon:manage");
  const id = Number(formData.get("proposal"));
  const decision = formData.get("decision");
  if (!Number.isInteger(id) || id <= 0) return invalid("proposal");
  if (decision !== "accept" && decision !== "decline") return invalid("decision");
  try {
    await decideProposal(id, decision === "accept", await actingUser(admin));
  } catch (error) {
    return failure(error);
  }
  revalidatePath(PAGE);
  return {
    status: "ok",
    message: lexiconText(await getLocale())(
      decision === "accept" ? "lexProposalAccepted" : "lexProposalDeclined",
    ),
  };
}

/** Admins import a TSV file into the draft; each bad line is reported with its number. */
export async function importTsvAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireUser("lexicon:manage");
  const locale = await getLocale();
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) return invalid("file");
  if (file.size > MAX_TSV_BYTES)
    return {
      status: "error",
      message: lexiconText(locale)("lexImportTooLarge", { max: `${MAX_TSV_BYTES / 1024 / 1024} MB` }),
    };
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await file.arrayBuffer());
  try {
    const summary = await importLexiconTsv(text, await actingUser(admin), {
      atomic: formData.get("atomic") === "on",
    });
    revalidatePath(PAGE);
    const message = lexiconText(locale)("lexImported", {
      imported: summary.imported,
      unchanged: summary.unchanged,
      errors: summary.errors.length,
    });
    const lines = summary.errors
      .slice(0, 200)
      .map((e) => lexiconText(locale)("lexImportLineError", { line: e.line, reason: e.reason }));
    return {
      status: summary.errors.length > 0 ? "error" : "ok",
      message: [message, ...lines].join("\n"),
    };
  } catch (error) {
    return failure(error);
  }
}
