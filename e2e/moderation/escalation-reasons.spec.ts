import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures.ts";

function reasonRow(page: Page, code: string) {
  return page.locator(`[data-testid="reason-row"][data-code="${code}"]`);
}

async function setActive(page: Page, code: string, active: boolean) {
  const row = reasonRow(page, code);
  await row.getByLabel(`مفعَّل: ${code}`).setChecked(active);
  await row.getByRole("button", { name: `احفظ: ${code}` }).click();
  await expect(row.getByRole("status")).toHaveText("تم الحفظ.");
  await expect(row).toHaveAttribute("data-status", active ? "active" : "inactive");
}

test("an admin adds a reason and deactivates another; a moderator then escalates with the new list", async ({
  page,
  context,
  signInAs,
}) => {
  const code = `e2e_${Date.now().toString(36)}`;
  await signInAs("admin");
  await page.goto("/admin/escalation-reasons");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أسباب التصعيد");
  await expect(page.getByTestId("main-nav").getByRole("link", { name: "أسباب التصعيد" })).toHaveAttribute(
    "href",
    "/admin/escalation-reasons",
  );

  // A code the server refuses keeps what was typed and says which input and why.
  const form = page.getByTestId("add-reason-form");
  await form.getByLabel("الرمز").fill("spam");
  await form.getByLabel("الاسم بالعربية").fill("تشهير بشخص");
  await form.getByLabel("الاسم بالإنجليزية").fill("Defamation");
  await form.getByRole("button", { name: "أضف السبب" }).click();
  await expect(form.getByRole("alert")).toHaveText("الرمز «spam» مستخدم من قبل؛ اختر رمزًا آخر.");
  await expect(form.getByLabel("الاسم بالعربية")).toHaveValue("تشهير بشخص");

  await form.getByLabel("الرمز").fill(code);
  await form.getByRole("button", { name: "أضف السبب" }).click();
  await expect(form.getByRole("status")).toHaveText(`أُضيف السبب «${code}».`);
  await expect(form.getByLabel("الرمز")).toHaveValue("");
  const added = reasonRow(page, code);
  await expect(added.getByLabel(`الاسم بالعربية: ${code}`)).toHaveValue("تشهير بشخص");
  await expect(added.locator("code")).toHaveAttribute("dir", "ltr");
  // New reasons go to the end of the list.
  await expect(page.getByTestId("reason-row").last()).toHaveAttribute("data-code", code);

  await setActive(page, "other", false);
  await expect(reasonRow(page, "other").getByTestId("reason-inactive")).toBeVisible();

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);

  // The moderator's escalate list follows at once.
  await context.clearCookies();
  await signInAs("moderator");
  await page.goto("/moderation");
  const options = page.getByLabel("سبب التصعيد").locator("option");
  await expect(options).toContainText(["بدون سبب", "تشهير بشخص"]);
  expect(await options.allTextContents()).not.toContain("سبب آخر");
  expect((await options.allTextContents()).at(-1)).toBe("تشهير بشخص");

  // Leave the demo data as the other specs expect it.
  await context.clearCookies();
  await signInAs("admin");
  await page.goto("/admin/escalation-reasons");
  await setActive(page, "other", true);
});
