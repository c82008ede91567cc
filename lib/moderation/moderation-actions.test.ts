import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../testing/fake-next.ts")).nextHeaders);
vi.mock("next/headers.js", async () => (await import("../testing/fake-next.ts")).nextHeaders);
vi.mock("next/cache", async () => (await import("../testing/fake-next.ts")).nextCache);

import ModerationPage from "../../app/moderation/page.tsx";
import { classifierForStorage } from "../classification/classify-for-storage.ts";
import { getDb } from "../db/client.ts";
import { ingestInputs } from "../ingest/ingest-inputs.ts";
import { seedsDir } from "../paths.ts";
import { createTestUser, sessionCookie, type TestUser } from "../testing/auth-fixtures.ts";
import { outcome, setFakeRequest } from "../testing/fake-next.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { decideComments } from "./decide-comments.ts";
import { decideCommentsAction } from "./decide-comments-action.ts";
import { getCommentDetail } from "./get-comment-detail.ts";
import { labelCommentAction } from "./label-comment-action.ts";
import { undoDecisionsAction } from "./undo-decisions-action.ts";

let database: TestDatabase;
let moderator: TestUser;
let second: TestUser;
let analyst: TestUser;
const cookies = new Map<string, string>();

async function as(user: TestUser): Promise<void> {
  let cookie = cookies.get(user.id);
  if (!cookie) {
    cookie = await sessionCookie(user);
    cookies.set(user.id, cookie);
  }
  setFakeRequest({ cookie, path: "/moderation" });
}

async function comment(index: number) {
  return getDb()
    .comment.findMany({ orderBy: { id: "asc" }, skip: index, take: 1 })
    .then((c) => c[0] as NonNullable<(typeof c)[0]>);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await ingestInputs([seedsDir], { actor: "test", via: "cli", classify: classifierForStorage() });
  moderator = await createTestUser("moderator", "Mona");
  second = await createTestUser("moderator", "Sami");
  analyst = await createTestUser("analyst", "Ali");
});
afterAll(async () => database.drop());

describe("moderation actions", () => {
  it("lets an analyst look at the queue but not decide or label", async () => {
    await as(analyst);
    expect(await outcome(() => ModerationPage({ searchParams: Promise.resolve({ queue: "all" }) }))).toBe(
      "ok",
    );
    const c = await comment(0);
    expect(
      await outcome(() =>
        decideCommentsAction({ decision: "reject", comments: [{ id: c.id, version: c.version }] }),
      ),
    ).toBe("forbidden");
    expect(await outcome(() => labelCommentAction({ commentId: c.id, insult: true }))).toBe("forbidden");
    expect(await outcome(() => undoDecisionsAction({ comments: [{ id: c.id, version: 2 }] }))).toBe(
      "forbidden",
    );
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("pending");
    expect(await getDb().auditEvent.count({ where: { category: "moderation" } })).toBe(0);
  });

  it("refuses bad input by name before writing", async () => {
    await as(moderator);
    const result = await decideCommentsAction({
      decision: "delete" as "reject",
      comments: [{ id: 1, version: 1 }],
    });
    expect(result).toEqual({ status: "error", message: "قيمة غير صالحة: decision" });
  });

  it("rejects a comment: status, version, decision row and audit row with before and after", async () => {
    await as(moderator);
    const c = await comment(0);
    const result = await decideCommentsAction({
      decision: "reject",
      comments: [{ id: c.id, version: c.version }],
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.decided).toEqual([
      { id: c.id, fromStatus: "pending", status: "rejected", version: c.version + 1 },
    ]);
    expect(result.conflicts).toEqual([]);
    const after = await getDb().comment.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.status).toBe("rejected");
    expect(after.version).toBe(c.version + 1);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { targetType: "comment", targetId: String(c.id) },
    });
    expect(audit).toMatchObject({
      category: "moderation",
      action: "comment_rejected",
      actorUserId: moderator.id,
      actorLabel: moderator.email,
      before: { status: "pending", version: c.version },
      after: { status: "rejected", version: c.version + 1 },
    });
    const detail = await getCommentDetail(c.id, moderator.id);
    expect(detail?.decisions.map((d) => [d.userName, d.fromStatus, d.toStatus])).toEqual([
      ["Mona", "pending", "rejected"],
    ]);
  });

  it("undoes the moderator's own last decision, and only while nobody changed the comment", async () => {
    await as(moderator);
    const c = await comment(1);
    const decided = await decideCommentsAction({
      decision: "approve",
      comments: [{ id: c.id, version: c.version }],
    });
    if (decided.status !== "ok") throw new Error(decided.message);
    const version = decided.decided[0]?.version as number;
    // Someone else cannot undo it.
    await as(second);
    const foreign = await undoDecisionsAction({ comments: [{ id: c.id, version }] });
    expect(foreign.status === "ok" && foreign.decided).toEqual([]);
    await as(moderator);
    const undone = await undoDecisionsAction({ comments: [{ id: c.id, version }] });
    expect(undone.status === "ok" && undone.decided).toEqual([
      { id: c.id, fromStatus: "approved", status: "pending", version: version + 1 },
    ]);
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("pending");
    // A second undo has nothing to undo.
    const again = await undoDecisionsAction({ comments: [{ id: c.id, version: version + 1 }] });
    expect(again.status === "ok" && again.decided).toEqual([]);
    expect(
      await getDb().auditEvent.count({
        where: { action: "comment_decision_undone", targetId: String(c.id) },
      }),
    ).toBe(1);
  });

  it("two moderators deciding the same comment at once: one decision, one conflict naming the current state", async () => {
    const c = await comment(2);
    const seen = { id: c.id, version: c.version };
    const [first, other] = await Promise.all([
      decideComments([seen], "approve", { userId: moderator.id, actor: { userId: moderator.id } }),
      decideComments([seen], "reject", { userId: second.id, actor: { userId: second.id } }),
    ]);
    const outcomes = [first, other];
    expect(outcomes.map((o) => o.decided.length).sort()).toEqual([0, 1]);
    const loser = outcomes.find((o) => o.decided.length === 0);
    const winner = outcomes.find((o) => o.decided.length === 1);
    const stored = await getDb().comment.findUniqueOrThrow({ where: { id: c.id } });
    expect(loser?.conflicts).toEqual([
      {
        id: c.id,
        status: stored.status,
        version: c.version + 1,
        decidedBy: winner === first ? "Mona" : "Sami",
      },
    ]);
    expect(await getDb().commentDecision.count({ where: { commentId: c.id } })).toBe(1);
    // Through the action the loser reads a clear message.
    await as(moderator);
    const late = await decideCommentsAction({ decision: "escalate", comments: [seen] });
    expect(late.status).toBe("ok");
    if (late.status !== "ok") return;
    expect(late.decided).toEqual([]);
    expect(late.conflictMessages[0]).toContain(`${c.id}`);
    expect(late.conflictMessages[0]).toMatch(/لم يُكتب قرارك/);
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe(stored.status);
  });

  it("stores each moderator's labels separately with the classifier's output, and the consensus", async () => {
    const c = await comment(3);
    await as(moderator);
    const first = await labelCommentAction({
      commentId: c.id,
      insult: true,
      sentiment: "negative",
      stance: { russia: "against" },
    });
    expect(first).toMatchObject({
      status: "ok",
      label: { insult: true, sentiment: "negative", stance: { russia: "against" } },
    });
    await labelCommentAction({ commentId: c.id, stance: { russia: null, usa: "favor" } });
    await as(second);
    await labelCommentAction({ commentId: c.id, insult: true, sentiment: "neutral" });
    const rows = await getDb().commentLabel.findMany({ where: { commentId: c.id }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      userId: moderator.id,
      insult: true,
      sentiment: "negative",
      stance: { usa: "favor" },
      classifierInsult: c.insult,
      classifierSentiment: c.sentiment,
      lexiconVersion: (await getDb().commentClassification.findUnique({ where: { commentId: c.id } }))
        ?.lexiconVersion,
    });
    const detail = await getCommentDetail(c.id, moderator.id);
    expect(detail?.myLabel).toEqual({ insult: true, sentiment: "negative", stance: { usa: "favor" } });
    expect(detail?.consensus).toMatchObject({
      labellers: 2,
      insult: true,
      sentiment: null,
      unanimous: false,
    });
    const audits = await getDb().auditEvent.findMany({
      where: { action: "comment_labelled", targetId: String(c.id) },
      orderBy: { id: "asc" },
    });
    expect(audits).toHaveLength(3);
    expect(audits[1]?.before).toMatchObject({ stance: { russia: "against" } });
    expect(audits[1]?.after).toMatchObject({ stance: { usa: "favor" } });
  });

  it("bulk decisions write the current ones and report the stale ones", async () => {
    await as(moderator);
    const a = await comment(4);
    const b = await comment(5);
    const result = await decideCommentsAction({
      decision: "approve",
      comments: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version + 5 },
      ],
    });
    expect(result.status === "ok" && result.decided.map((d) => d.id)).toEqual([a.id]);
    expect(result.status === "ok" && result.conflicts.map((d) => d.id)).toEqual([b.id]);
  });
});
