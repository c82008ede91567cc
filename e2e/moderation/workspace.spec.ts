import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demoAccount, expect, test } from "../fixtures.ts";

async function count(page: Page, queue: string): Promise<number> {
  const text = (await page.getByTestId(`count-${queue}`).textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("moderation workspace", () => {
  test("a moderator filters the flagged queue, labels, rejects and undoes with the keyboard only", async ({
    page,
    signInAs,
  }) => {
    await signInAs("moderator");
    await page.goto("/moderation");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByTestId("queue-flagged")).toHaveAttribute("aria-current", "page");
    const flaggedUnfiltered = await count(page, "flagged");

    await page.getByTestId("filter-insult").selectOption("yes");
    await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/insult=yes/);
    // Counts follow the filters.
    const flaggedBefore = await count(page, "flagged");
    const rejectedBefore = await count(page, "rejected");
    expect(flaggedBefore).toBeGreaterThan(0);
    expect(flaggedBefore).toBeLessThanOrEqual(flaggedUnfiltered);
    const rows = page.getByTestId("queue-table").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const firstId = await rows.first().getAttribute("data-row-id");

    // Keyboard only from here: open, label, reject.
    await page.locator("body").press("Enter");
    await expect(page).toHaveURL(new RegExp(`c=${firstId}`));
    const detail = page.getByTestId("comment-detail");
    await expect(detail.locator("mark").first()).toBeVisible();
    await expect(detail.getByTestId("match-explanations")).toBeVisible();

    await page.keyboard.press("i");
    await expect(page.getByTestId("label-insult")).toBeChecked();
    await expect(page.getByTestId("notice")).toHaveText("حُفظ تصنيفك.");
    await page.keyboard.press("2");
    await expect(page.getByTestId("label-sentiment-negative")).toBeChecked();

    await page.keyboard.press("r");
    await expect(page.getByTestId("notice")).toContainText("تم");
    await expect.poll(() => count(page, "rejected")).toBe(rejectedBefore + 1);
    await expect.poll(() => count(page, "flagged")).toBe(flaggedBefore - 1);
    // Focus moved on: the panel shows another comment.
    await expect(page).not.toHaveURL(new RegExp(`c=${firstId}(&|$)`));

    await page.keyboard.press("u");
    await expect(page.getByTestId("notice")).toContainText("تم التراجع");
    await expect.poll(() => count(page, "rejected")).toBe(rejectedBefore);
    await expect.poll(() => count(page, "flagged")).toBe(flaggedBefore);

    await page.keyboard.press("?");
    await expect(page.getByTestId("shortcuts-help")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("shortcuts-help")).toBeHidden();
  });

  test("bulk-approving a selection updates the counts", async ({ page, signInAs }) => {
    await signInAs("moderator");
    await page.goto("/moderation?queue=pending&dir=asc");
    const approvedBefore = await count(page, "approved");
    const pendingBefore = await count(page, "pending");
    const checkboxes = page.getByTestId("select-row");
    await checkboxes.nth(0).check();
    await checkboxes.nth(1).check();
    await expect(page.getByTestId("selected-count")).toContainText("2");
    await page.getByTestId("bulk-approve").click();
    await expect.poll(() => count(page, "approved")).toBe(approvedBefore + 2);
    await expect.poll(() => count(page, "pending")).toBe(pendingBefore - 2);
  });

  test("an analyst can look but not decide", async ({ page, signInAs }) => {
    await signInAs("analyst");
    await page.goto("/moderation?queue=all");
    await expect(page.getByTestId("read-only")).toBeVisible();
    await expect(page.getByTestId("select-row")).toHaveCount(0);
    const rows = page.getByTestId("queue-table").locator("tbody tr");
    const status = await rows.first().getByTestId("row-status").textContent();
    await page.locator("body").press("Enter");
    await expect(page.getByTestId("comment-detail")).toBeVisible();
    await expect(page.getByTestId("my-labels")).toHaveCount(0);
    await page.keyboard.press("r");
    await page.reload();
    await expect(page.getByTestId("detail-status")).toHaveText(status ?? "");
  });

  test("two moderators deciding one comment: one decision, one conflict message", async ({
    page,
    signInAs,
    browser,
    baseURL,
  }) => {
    await signInAs("moderator");
    await page.goto("/moderation?queue=pending&sort=insultScore&dir=asc");
    const id = await page.getByTestId("queue-table").locator("tbody tr").first().getAttribute("data-row-id");
    const other = await browser.newContext({ baseURL, locale: "ar" });
    const { email, password } = demoAccount("admin");
    const signIn = await other.request.post("/api/auth/sign-in/email", {
      data: { email, password },
      headers: { origin: baseURL ?? "" },
    });
    expect(signIn.status()).toBe(200);
    const second = await other.newPage();
    const url = `/moderation?queue=pending&sort=insultScore&dir=asc&c=${id}`;
    await page.goto(url);
    await second.goto(url);
    await expect(page.getByTestId("comment-detail")).toBeVisible();
    await expect(second.getByTestId("comment-detail")).toBeVisible();

    await page.keyboard.press("a");
    await expect(page.getByTestId("notice")).toContainText("تم");
    await second.keyboard.press("r");
    await expect(second.getByTestId("conflict")).toContainText(`${id}`);
    await expect(second.getByTestId("conflict")).toContainText("مقبول");

    await second.goto(`/moderation?queue=all&c=${id}`);
    await expect(second.getByTestId("detail-status")).toHaveText("مقبول");
    await expect(second.getByTestId("history").locator("li")).toHaveCount(1);
    await other.close();
  });

  test("the queue and the detail view have no serious accessibility violations", async ({
    page,
    signInAs,
  }) => {
    await signInAs("moderator");
    await page.goto("/moderation?queue=all");
    await expect(page.getByTestId("queue-table")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId("open-comment").first().click();
    await expect(page.getByTestId("comment-detail")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
