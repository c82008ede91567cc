import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../testing/fake-next.ts")).nextHeaders);
vi.mock("next/headers.js", async () => (await import("../testing/fake-next.ts")).nextHeaders);
vi.mock("next/cache", async () => (await import("../testing/fake-next.ts")).nextCache);

import EscalationReasonsPage from "../../app/admin/escalation-reasons/page.tsx";
import { type ActionState, IDLE } from "../auth/action-state.ts";
import { getDb } from "../db/client.ts";
import { createTestUser, sessionCookie, type TestUser } from "../testing/auth-fixtures.ts";
import { outcome, setFakeRequest } from "../testing/fake-next.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { createEscalationReason } from "./create-escalation-reason.ts";
import { createEscalationReasonAction } from "./create-escalation-reason-action.ts";
import { decideComments } from "./decide-comments.ts";
import { EscalationReasonInputError } from "./errors.ts";
import { getCommentDetail } from "./get-comment-detail.ts";
import { listAllEscalationReasons } from "./list-all-escalation-reasons.ts";
import { listEscalationReasons } from "./list-escalation-reasons.ts";
import { updateEscalationReasonAction } from "./update-escalation-reason-action.ts";

let database: TestDatabase;
let admin: TestUser;
let moderator: TestUser;
let analyst: TestUser;
const cookies = new Map<string, string>();

async function as(user: TestUser | null, locale: "ar" | "en" = "ar"): Promise<void> {
  let cookie = user ? cookies.get(user.id) : undefined;
  if (user && !cookie) {
    cookie = await sessionCookie(user);
    cookies.set(user.id, cookie);
  }
  const withLocale = [cookie, locale === "en" ? "raqib-locale=en" : null].filter(Boolean).join("; ");
  setFakeRequest({ cookie: withLocale || null, path: "/admin/escalation-reasons" });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

async function reason(code: string) {
  return getDb().escalationReason.findUniqueOrThrow({ where: { code } });
}

/** The row form as the page submits it: the checkbox is sent only when ticked. */
function rowForm(
  row: { id: number; labelAr: string; labelEn: string; position: number; active: boolean },
  changes: Partial<Record<"labelAr" | "labelEn" | "position", string>> & { active?: boolean } = {},
): FormData {
  const fields: Record<string, string> = {
    id: String(row.id),
    labelAr: changes.labelAr ?? row.labelAr,
    labelEn: changes.labelEn ?? row.labelEn,
    position: changes.position ?? String(row.position),
  };
  if (changes.active ?? row.active) fields.active = "true";
  return form(fields);
}

async function counts() {
  const db = getDb();
  const [reasons, audit] = await Promise.all([
    db.escalationReason.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { reasons, audit };
}

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createTestUser("admin", "Amal");
  moderator = await createTestUser("moderator", "Mona");
  analyst = await createTestUser("analyst", "Ali");
});
afterAll(async () => database.drop());

describe("escalation reasons (admin page)", () => {
  it("lists every reason, active or not, in the configured order, with how many decisions cite it", async () => {
    expect(
      (await listAllEscalationReasons()).map((r) => [r.code, r.position, r.active, r.decisionCount]),
    ).toEqual([
      ["legal", 1, true, 0],
      ["threat", 2, true, 0],
      ["unsure", 3, true, 0],
      ["spam", 4, true, 0],
      ["other", 5, true, 0],
    ]);
    await as(admin);
    expect(await outcome(() => EscalationReasonsPage())).toBe("ok");
  });

  it("an admin adds a reason: trimmed, active, at the end of the list, with an audit row; moderators get it", async () => {
    await as(admin);
    const state = await createEscalationReasonAction(
      IDLE,
      form({
        code: " doxxing ",
        labelAr: "  نشر معلومات شخصية ",
        labelEn: "Personal data (doxxing)",
        position: "",
      }),
    );
    expect(state).toEqual({ status: "ok", message: "أُضيف السبب «doxxing»." });
    const row = await reason("doxxing");
    expect(row).toMatchObject({
      labelAr: "نشر معلومات شخصية",
      labelEn: "Personal data (doxxing)",
      position: 6,
      active: true,
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "escalation_reason_created", targetId: String(row.id) },
    });
    expect(audit).toMatchObject({
      category: "moderation",
      actorUserId: admin.id,
      actorLabel: admin.email,
      targetType: "escalation_reason",
      before: null,
      after: {
        code: "doxxing",
        labelAr: "نشر معلومات شخصية",
        labelEn: "Personal data (doxxing)",
        position: 6,
        active: true,
      },
    });
    expect((await listEscalationReasons()).at(-1)).toEqual({
      id: row.id,
      code: "doxxing",
      labelAr: "نشر معلومات شخصية",
      labelEn: "Personal data (doxxing)",
    });
  });

  it("puts a reason with a position where it says", async () => {
    await as(admin, "en");
    const state = await createEscalationReasonAction(
      IDLE,
      form({ code: "hate_speech_2", labelAr: "خطاب كراهية", labelEn: "Hate speech", position: "0" }),
    );
    expect(state).toEqual({ status: "ok", message: "Added the reason “hate_speech_2”." });
    expect((await listEscalationReasons())[0]?.code).toBe("hate_speech_2");
  });

  it("an admin edits labels and position; the audit row has before and after; saving no change writes nothing", async () => {
    await as(admin);
    const before = await reason("unsure");
    const state = await updateEscalationReasonAction(
      IDLE,
      rowForm(before, { labelEn: "  Unsure: second opinion ", position: "10" }),
    );
    expect(state).toEqual({ status: "ok", message: "تم الحفظ." });
    const after = await reason("unsure");
    expect(after).toMatchObject({ labelEn: "Unsure: second opinion", position: 10, active: true });
    expect((await listEscalationReasons()).at(-1)?.code).toBe("unsure");
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "escalation_reason_updated", targetId: String(before.id) },
    });
    expect(audit).toMatchObject({
      category: "moderation",
      actorUserId: admin.id,
      targetType: "escalation_reason",
      before: { code: "unsure", labelEn: "Unsure, needs a second opinion", position: 3, active: true },
      after: { code: "unsure", labelEn: "Unsure: second opinion", position: 10, active: true },
    });

    const unchanged = await updateEscalationReasonAction(IDLE, rowForm(after));
    expect(unchanged).toEqual({ status: "ok", message: "لا تغيير لحفظه." });
    expect(
      await getDb().auditEvent.count({
        where: { action: "escalation_reason_updated", targetId: String(before.id) },
      }),
    ).toBe(1);
  });

  it("deactivating hides a reason from moderators but past decisions keep it; reactivating brings it back", async () => {
    const spam = await reason("spam");
    const article = await getDb().article.create({
      data: { title: "مقال", body: "نص", contentHash: randomBytes(16).toString("hex") },
    });
    const comment = await getDb().comment.create({
      data: {
        articleId: article.id,
        position: 1,
        body: "اشترِ الآن",
        bodyHash: randomUUID(),
      },
    });
    const by = { userId: moderator.id, actor: { userId: moderator.id } };
    const escalated = await decideComments([{ id: comment.id, version: comment.version }], "escalate", by, {
      escalationReasonId: spam.id,
    });
    expect(escalated.decided).toHaveLength(1);

    await as(admin);
    expect(await updateEscalationReasonAction(IDLE, rowForm(spam, { active: false }))).toEqual({
      status: "ok",
      message: "تم الحفظ.",
    });
    expect((await listEscalationReasons()).map((r) => r.code)).not.toContain("spam");
    expect((await listAllEscalationReasons()).find((r) => r.code === "spam")).toMatchObject({
      active: false,
      decisionCount: 1,
    });
    expect(
      await getDb().auditEvent.findFirstOrThrow({
        where: { action: "escalation_reason_updated", targetId: String(spam.id) },
      }),
    ).toMatchObject({ before: { active: true }, after: { active: false } });
    const detail = await getCommentDetail(comment.id, moderator.id);
    expect(detail?.decisions.map((d) => d.reason)).toEqual([
      { labelAr: spam.labelAr, labelEn: spam.labelEn },
    ]);
    // Moderators can no longer pick it.
    const current = await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    await expect(
      decideComments([{ id: comment.id, version: current.version }], "escalate", by, {
        escalationReasonId: spam.id,
      }),
    ).rejects.toThrow("reason: no such escalation reason");

    await updateEscalationReasonAction(IDLE, rowForm(spam, { active: true }));
    expect((await listEscalationReasons()).map((r) => r.code)).toContain("spam");
  });

  it("refuses a code already used, by name, in the admin's language, writing nothing", async () => {
    const before = await counts();
    await as(admin);
    expect(
      await createEscalationReasonAction(
        IDLE,
        form({ code: "spam", labelAr: "مزعج", labelEn: "Spam again" }),
      ),
    ).toEqual({ status: "error", message: "الرمز «spam» مستخدم من قبل؛ اختر رمزًا آخر." });
    await as(admin, "en");
    expect(
      await createEscalationReasonAction(
        IDLE,
        form({ code: "spam", labelAr: "مزعج", labelEn: "Spam again" }),
      ),
    ).toEqual({ status: "error", message: "The code “spam” is already used; choose another." });
    expect(await counts()).toEqual(before);
  });

  it("two admins adding the same code at once: one reason, one 'already used'", async () => {
    const by = { actor: { userId: admin.id, label: admin.email } };
    const input = { code: "race", labelAr: "سباق", labelEn: "Race" };
    const results = await Promise.allSettled([
      createEscalationReason(input, by),
      createEscalationReason(input, by),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(EscalationReasonInputError);
    expect((refused.reason as Error).message).toBe("code: the code 'race' is already used");
    expect(await getDb().escalationReason.count({ where: { code: "race" } })).toBe(1);
    expect(
      await getDb().auditEvent.count({
        where: { action: "escalation_reason_created", after: { path: ["code"], equals: "race" } },
      }),
    ).toBe(1);
  });

  const valid = { code: "new_reason", labelAr: "سبب جديد", labelEn: "New reason", position: "" };
  const FORMAT = "غير مقبول؛ استعمل حروفًا لاتينية صغيرة وأرقامًا و _ فقط، من 2 إلى 40 محرفًا.";
  it.each([
    [{ code: "Spam" }, `الرمز: «Spam» ${FORMAT}`],
    [{ code: "a" }, `الرمز: «a» ${FORMAT}`],
    [{ code: "x".repeat(41) }, `الرمز: «${"x".repeat(41)}» ${FORMAT}`],
    [{ code: "no-dash" }, `الرمز: «no-dash» ${FORMAT}`],
    [{ code: " " }, "الرمز: لا يمكن أن يكون فارغًا."],
    [{ labelAr: "   " }, "الاسم بالعربية: لا يمكن أن يكون فارغًا."],
    [{ labelEn: "x".repeat(101) }, "الاسم بالإنجليزية: أطول من 100 محرف."],
    [{ position: "-1" }, "الترتيب: يجب أن يكون عددًا صحيحًا من 0 إلى 9999."],
    [{ position: "1.5" }, "الترتيب: يجب أن يكون عددًا صحيحًا من 0 إلى 9999."],
    [{ position: "ثلاثة" }, "الترتيب: يجب أن يكون عددًا صحيحًا من 0 إلى 9999."],
    [{ position: "10000" }, "الترتيب: يجب أن يكون عددًا صحيحًا من 0 إلى 9999."],
  ])("refuses a new reason with %j: names the field and the reason", async (bad, message) => {
    const before = await counts();
    await as(admin);
    expect(await createEscalationReasonAction(IDLE, form({ ...valid, ...bad }))).toEqual({
      status: "error",
      message,
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a bad edit by name, in English too, writing nothing", async () => {
    const legal = await reason("legal");
    const before = await counts();
    await as(admin, "en");
    const refused = async (fields: FormData) =>
      (await updateEscalationReasonAction(IDLE, fields)) as ActionState;
    expect(await refused(rowForm(legal, { labelEn: " " }))).toEqual({
      status: "error",
      message: "English label: must not be empty.",
    });
    expect(await refused(rowForm(legal, { position: "" }))).toEqual({
      status: "error",
      message: "Position: must be a whole number from 0 to 9999.",
    });
    expect(await refused(rowForm({ ...legal, id: 987654 }))).toEqual({
      status: "error",
      message: "There is no escalation reason with id 987654; reload the page.",
    });
    expect(await refused(form({ id: "abc", labelAr: "x", labelEn: "y", position: "1" }))).toEqual({
      status: "error",
      message: "There is no escalation reason with id ?; reload the page.",
    });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["moderator", "forbidden"],
    ["analyst", "forbidden"],
    ["nobody", "redirect:/sign-in?next=%2Fadmin%2Fescalation-reasons"],
  ] as const)("refuses the %s on the server before writing anything", async (who, expected) => {
    const legal = await reason("legal");
    await as(who === "moderator" ? moderator : who === "analyst" ? analyst : null);
    const before = await counts();
    expect(await outcome(() => EscalationReasonsPage())).toBe(expected);
    expect(
      await outcome(() =>
        createEscalationReasonAction(IDLE, form({ code: `by_${who}`, labelAr: "سبب", labelEn: "Reason" })),
      ),
    ).toBe(expected);
    expect(
      await outcome(() =>
        updateEscalationReasonAction(IDLE, rowForm(legal, { active: false, labelEn: "Hacked" })),
      ),
    ).toBe(expected);
    expect(await counts()).toEqual(before);
  });
});
