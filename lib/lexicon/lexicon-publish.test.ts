import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../testing/fake-next.ts")).nextHeaders);
vi.mock("next/headers.js", async () => (await import("../testing/fake-next.ts")).nextHeaders);
vi.mock("next/cache", async () => (await import("../testing/fake-next.ts")).nextCache);

import { GET as exportLexicon } from "../../app/admin/lexicon/export/route.ts";
import { IDLE } from "../auth/action-state.ts";
import { classifierForStorage } from "../classification/classify-for-storage.ts";
import type { StoredRow } from "../classification/reclassify-comments.ts";
import { classify, defaultLexicon } from "../classifier/index.ts";
import { getDb } from "../db/client.ts";
import { ingestInputs } from "../ingest/ingest-inputs.ts";
import { seedsDir } from "../paths.ts";
import { createTestUser, sessionCookie, TEST_ORIGIN, type TestUser } from "../testing/auth-fixtures.ts";
import { outcome, setFakeRequest } from "../testing/fake-next.ts";
import { runCli } from "../testing/run-cli.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { editDraftEntry, importLexiconTsv } from "./edit-draft.ts";
import { getDraftLayer } from "./get-draft.ts";
import { getPublishedLexicon } from "./get-published-lexicon.ts";
import type { LayerEntry } from "./layer-entry.ts";
import { editEntryAction, proposeEntryAction, publishAction } from "./lexicon-actions.ts";
import { parseLexiconParams } from "./lexicon-params.ts";
import { listLexiconEntries } from "./list-lexicon-entries.ts";
import { decideProposal, listProposals } from "./proposals.ts";
import { publishDraft, rollBackLexicon } from "./publish-lexicon.ts";
import { resumePublicationJob } from "./resume-publication-job.ts";
import { runPublicationJob } from "./run-publication-job.ts";
import { testDraft } from "./test-draft.ts";

let database: TestDatabase;
let admin: TestUser;
let moderator: TestUser;
let analyst: TestUser;
const by = () => ({ actor: { userId: admin.id, label: admin.email } });

const noise: LayerEntry = {
  op: "set",
  term: "ضجيج",
  category: "insult",
  weight: 0.9,
  language: "ar",
  target: null,
  side: null,
  flags: "",
  note: "test entry",
};

/** A comment's stored results as re-classification reads them, with its lexicon version. */
interface Stored extends Omit<StoredRow, "body"> {
  lexicon_version: string | null;
}
const stored = () =>
  database.query<Stored>(
    `SELECT id, insult, insult_score, sentiment, sentiment_score, stance, matches, language, v.lexicon_version
       FROM comment c LEFT JOIN comment_classification v ON v.comment_id = c.id ORDER BY id`,
  );

async function as(user: TestUser): Promise<void> {
  setFakeRequest({ cookie: await sessionCookie(user), path: "/admin/lexicon" });
}

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await ingestInputs([seedsDir], { actor: "test", via: "cli", classify: classifierForStorage() });
  admin = await createTestUser("admin");
  moderator = await createTestUser("moderator");
  analyst = await createTestUser("analyst");
  // Human labels: the comment with الضجيج is an insult in the moderators' eyes, two others are not.
  const comments = await getDb().comment.findMany({
    orderBy: { id: "asc" },
    select: { id: true, body: true },
  });
  const noisy = comments.find((c) => c.body.includes("الضجيج"));
  for (const c of comments.slice(0, 4)) {
    await getDb().commentLabel.create({
      data: { commentId: c.id, userId: moderator.id, insult: c.id === noisy?.id, sentiment: "negative" },
    });
  }
  if (noisy && !comments.slice(0, 4).includes(noisy)) {
    await getDb().commentLabel.create({ data: { commentId: noisy.id, userId: moderator.id, insult: true } });
  }
});
afterAll(async () => database.drop());

describe("lexicon versions", () => {
  it("testing the draft shows the newly flagged comment and the metric change", async () => {
    await editDraftEntry(noise, by());
    const result = await testDraft();
    expect(result.publishedVersion).toBe(defaultLexicon().version);
    expect(result.draftVersion).not.toBe(result.publishedVersion);
    expect(result.newlyFlagged).toBe(1);
    const change = result.changes[0];
    expect(change?.kind).toBe("newly_flagged");
    expect(change?.body).toContain("الضجيج");
    expect(change?.termsAdded).toEqual(["ضجيج"]);
    expect(result.draft.insult.recall).toBeGreaterThan(result.published.insult.recall);
  });

  it("publish changes results and stores the new version on every comment; rollback restores them exactly", async () => {
    const before = await stored();
    const started: number[] = [];
    const publication = await publishDraft(by(), {
      note: "noise is an insult",
      startJob: (id) => started.push(id),
    });
    expect(started).toEqual([publication.publicationId]);
    expect((await getPublishedLexicon()).layered.compiled.version).toBe(publication.version);
    const version = await getDb().lexiconVersion.findUniqueOrThrow({
      where: { version: publication.version },
    });
    expect(version.createdByLabel).toBe(admin.email);
    const summary = await runPublicationJob(publication.publicationId);
    expect(summary).toMatchObject({ state: "succeeded", done: 9, total: 9 });

    const after = await stored();
    expect(after.every((c) => c.lexicon_version === publication.version)).toBe(true);
    const lexicon = (await getPublishedLexicon()).layered.compiled;
    for (const row of after) {
      const body = (await getDb().comment.findUniqueOrThrow({ where: { id: row.id } })).body;
      const expected = classify(body, lexicon);
      expect(row.insult).toBe(expected.insult);
      expect(row.matches).toEqual(JSON.parse(JSON.stringify(expected.matches)));
    }
    const noisy = after.find((c) => (c.matches as { term: string }[]).some((m) => m.term === "ضجيج"));
    expect(noisy?.insult).toBe(true);
    expect(before.find((c) => c.id === noisy?.id)?.insult).toBe(false);
    const row = await getDb().lexiconPublication.findUniqueOrThrow({
      where: { id: publication.publicationId },
    });
    expect(row).toMatchObject({ state: "succeeded", done: 9, note: "noise is an insult" });
    // The job counted each term's matches for the entry table.
    expect((row.termCounts as Record<string, number>)["ضجيج\tinsult\t"]).toBe(1);
    expect(
      await getDb().auditEvent.count({ where: { category: "lexicon", action: "lexicon_published" } }),
    ).toBe(1);

    // Roll back to the shipped files.
    const back = await rollBackLexicon(defaultLexicon().version, by(), { startJob: () => {} });
    expect(back.version).toBe(defaultLexicon().version);
    expect(await getDraftLayer()).toEqual([]);
    expect((await runPublicationJob(back.publicationId)).state).toBe("succeeded");
    expect(await stored()).toEqual(before);
  });

  it("a failed re-classification resumes where it stopped", async () => {
    await editDraftEntry(noise, by());
    const publication = await publishDraft(by(), { startJob: () => {} });
    let batches = 0;
    const failed = await runPublicationJob(publication.publicationId, {
      batchSize: 4,
      afterBatch: () => {
        batches += 1;
        if (batches === 1) throw new Error("the machine went away");
      },
    });
    expect(failed).toMatchObject({ state: "failed", done: 4, error: "the machine went away" });
    const row = await getDb().lexiconPublication.findUniqueOrThrow({
      where: { id: publication.publicationId },
    });
    expect(row.state).toBe("failed");
    expect(row.lastCommentId).toBeGreaterThan(0);
    const versions = await stored();
    // The recorded batch is on the new version; a batch written in parallel may be too.
    expect(versions.filter((c) => c.lexicon_version === publication.version).length).toBeGreaterThanOrEqual(
      4,
    );
    expect(versions.some((c) => c.lexicon_version !== publication.version)).toBe(true);

    // Resuming through the dashboard's path starts the job again; it continues after comment lastCommentId.
    const resumed: number[] = [];
    await resumePublicationJob(publication.publicationId, by(), (id) => resumed.push(id));
    expect(resumed).toEqual([publication.publicationId]);
    const again = await runPublicationJob(publication.publicationId, { batchSize: 4 });
    expect(again).toMatchObject({ state: "succeeded", done: 9, total: 9 });
    expect((await stored()).every((c) => c.lexicon_version === publication.version)).toBe(true);
  });

  it("raqib classify and raqib reclassify use the published version, or the one named", async () => {
    const published = (await getPublishedLexicon()).layered.compiled.version;
    const input = '{"id":1,"text":"هذا ضجيج"}\n';
    const env = { DATABASE_URL: database.url };
    const current = await runCli(["classify"], { env, stdin: input });
    expect(current.code).toBe(0);
    expect(JSON.parse(current.stdout)).toMatchObject({ lexiconVersion: published, insult: true });
    const files = await runCli(["classify", "--lexicon-version", defaultLexicon().version], {
      env,
      stdin: input,
    });
    expect(JSON.parse(files.stdout)).toMatchObject({
      lexiconVersion: defaultLexicon().version,
      insult: false,
    });
    const unknown = await runCli(["classify", "--lexicon-version", "abcdefabcdef"], { env, stdin: input });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--lexicon-version: lexicon version 'abcdefabcdef' does not exist/);
    const reclassify = await runCli(["reclassify", "--json", "--lexicon-version", "files"], { env });
    expect(JSON.parse(reclassify.stdout)).toMatchObject({
      lexiconVersion: defaultLexicon().version,
      reclassified: 9,
    });
    const back = await runCli(["reclassify", "--json"], { env });
    expect(JSON.parse(back.stdout)).toMatchObject({ lexiconVersion: published, reclassified: 9 });
  });
});

describe("entries, proposals and import", () => {
  it("lists entries with search that ignores diacritics and letter variants, with counts and precision", async () => {
    const page = await listLexiconEntries(parseLexiconParams({ q: "ضَجِيـــج" }));
    expect(page.data.map((r) => r.term)).toEqual(["ضجيج"]);
    expect(page.data[0]).toMatchObject({ origin: "added", matches: 1, judged: 1, precision: 1 });
    const donkey = await listLexiconEntries(parseLexiconParams({ q: "حمار", category: "insult" }));
    expect(donkey.data.find((r) => r.term === "حمار")?.exceptions).toContain("حمار وحشي");
    // Most-matched first unless the address says otherwise.
    const counts = donkey.data.map((r) => r.matches);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("a moderator's proposal reaches the admin and, accepted, the draft", async () => {
    await as(moderator);
    const state = await proposeEntryAction(
      IDLE,
      form({
        term: "بلطجية الاعلام",
        category: "insult",
        weight: "0.7",
        language: "ar",
        reason: "seen often",
      }),
    );
    expect(state).toMatchObject({ status: "ok" });
    const proposal = (await listProposals()).find((p) => p.entry.term === "بلطجية الاعلام");
    expect(proposal).toMatchObject({ state: "pending", reason: "seen often", proposedBy: moderator.email });
    await decideProposal(proposal?.id as number, true, by());
    expect((await getDraftLayer()).some((e) => e.term === "بلطجية الاعلام")).toBe(true);
    await expect(decideProposal(proposal?.id as number, false, by())).rejects.toThrow(/already accepted/);
  });

  it("the server refuses edits from analysts and moderators", async () => {
    await as(analyst);
    const entry = form({ term: "كلمة", category: "insult", weight: "0.5", language: "ar" });
    expect(await outcome(() => editEntryAction(IDLE, entry))).toBe("forbidden");
    expect(await outcome(() => proposeEntryAction(IDLE, entry))).toBe("forbidden");
    expect(await outcome(() => publishAction(IDLE, form({})))).toBe("forbidden");
    await as(moderator);
    expect(await outcome(() => editEntryAction(IDLE, entry))).toBe("forbidden");
    expect(await outcome(() => publishAction(IDLE, form({})))).toBe("forbidden");
    expect((await getDraftLayer()).some((e) => e.term === "كلمة")).toBe(false);
    await as(admin);
    const bad = await editEntryAction(
      IDLE,
      form({ term: "كلمة", category: "stance", weight: "0.5", language: "ar" }),
    );
    expect(bad.status).toBe("error");
    expect(bad.message).toMatch(/stance rows need a target/);
  });

  it("imports TSV into the draft, reporting each bad line", async () => {
    const summary = await importLexiconTsv(
      [
        "term\tcategory\tweight\tlanguage\ttarget\tside\tflags\tnote",
        "مهرج\tinsult\t0.6\tar\t\t\t\tclown",
        "حمار\tinsult\t0.6\tar\t\t\tliteral\tdonkey: the commonest Arabic insult for stupidity",
        "سيئ\tinsult\t2\tar\t\t\t\t",
      ].join("\n"),
      by(),
    );
    expect(summary.imported).toBe(1);
    expect(summary.unchanged).toBe(1);
    expect(summary.errors).toEqual([
      { line: 4, reason: expect.stringMatching(/weight '2' must be a number in \(0, 1\]/) },
    ]);
    expect((await getDraftLayer()).some((e) => e.term === "مهرج")).toBe(true);
    expect(
      await getDb().auditEvent.count({ where: { category: "lexicon", action: "lexicon_imported" } }),
    ).toBe(1);
  });
});

describe("TSV export", () => {
  const get = async (user: TestUser | null, version: string) =>
    exportLexicon(
      new Request(`${TEST_ORIGIN}/admin/lexicon/export?version=${version}`, {
        headers: user ? { cookie: await sessionCookie(user) } : {},
      }),
    );

  it("exports the published lexicon in the shipped format, the draft to admins only", async () => {
    const published = await get(analyst, "published");
    expect(published.status).toBe(200);
    const text = await published.text();
    expect(text.split("\n")[0]).toBe("term\tcategory\tweight\tlanguage\ttarget\tside\tflags\tnote");
    expect(text).toContain("ضجيج\tinsult\t0.9\tar");
    expect((await get(analyst, "draft")).status).toBe(403);
    const draft = await get(admin, "draft");
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain("مهرج\tinsult");
    expect((await get(admin, "nonsense")).status).toBe(400);
    expect((await get(admin, "abcdefabcdef")).status).toBe(404);
    expect((await get(null, "published")).status).toBe(401);
  });
});
