import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demoAccount, E2E_DATA_DIR, expect, test } from "../fixtures.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمن";

/** A made-up Arabic word no lexicon has, different on every run. */
function inventedWord(): string {
  return `قرقو${Array.from({ length: 3 }, () => LETTERS[randomInt(LETTERS.length)]).join("")}`;
}

/** Stores comments with moderators' labels through `raqib ingest` (the export's label columns). */
function ingestLabelled(rows: { body: string; insult: boolean }[]): void {
  const lines = rows.map((row, i) =>
    JSON.stringify({
      source: "e2e lexicon",
      article_title: "مقال اختبار المعجم",
      author: `قارئ ${i}`,
      body: row.body,
      labels: [{ annotator: "e2e-moderator", role: "moderator", insult: row.insult }],
    }),
  );
  execFileSync(process.execPath, ["bin/raqib.mjs", "ingest", "--format", "jsonl", "-"], {
    cwd: ROOT,
    env: { ...process.env, RAQIB_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", BETTER_AUTH_SECRET: "" },
    input: `${lines.join("\n")}\n`,
    stdio: ["pipe", "ignore", "inherit"],
  });
}

async function f1(page: Page, which: "published" | "draft"): Promise<number> {
  const text = await page.getByTestId(`metric-insult-${which}`).getByTestId("f1").textContent();
  return Number(text?.replace(/[^\d.]/g, ""));
}

test.describe("lexicon management", () => {
  test("an admin adds a term to the draft, tests it, publishes it, and the queue shows the new flags", async ({
    page,
    signInAs,
  }) => {
    const word = inventedWord();
    ingestLabelled([
      { body: `هذا المعلق ${word} لا يفهم شيئا ${word.length}1`, insult: true },
      { body: `يا لك من ${word} في كل تعليق ${word.length}2`, insult: true },
      { body: `كلام ${word} كالعادة ${word.length}3`, insult: true },
      { body: `مقال جيد عن الاقتصاد والزراعة ${word.length}4`, insult: false },
    ]);
    await signInAs("admin");
    await page.goto("/admin/lexicon");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

    const form = page.getByTestId("add-entry-form");
    await form.getByTestId("entry-term").fill(word);
    await form.getByTestId("entry-category").selectOption("insult");
    await form.getByTestId("entry-weight").fill("0.9");
    await form.getByRole("button").click();
    await expect(page.getByTestId("add-entry-form-message")).toContainText(word);
    await expect(page.getByTestId("pending-changes")).toContainText("1");

    // Search ignores diacritics and tatweel.
    await page.getByTestId("lexicon-q").fill(`${word.slice(0, 2)}ـــ${word.slice(2)}َ`);
    await page.getByTestId("lexicon-search").getByRole("button").click();
    await expect(page.getByTestId("entry-term-cell")).toHaveText([word]);
    await expect(page.getByTestId("entry-pending")).toBeVisible();

    await page.getByTestId("tab-draft").click();
    await expect(page.getByTestId("draft-change")).toHaveCount(1);
    await page.getByTestId("test-draft").click();
    const changed = page.getByTestId("changed-comment");
    await expect(changed).toHaveCount(3);
    await expect(changed.first()).toHaveAttribute("data-kind", "newly_flagged");
    await expect(changed.first()).toContainText(word);
    expect(await f1(page, "draft")).toBeGreaterThan(await f1(page, "published"));

    // A changed comment opens in the moderation workspace.
    const href = await changed.first().getByTestId("open-changed").getAttribute("href");
    expect(href).toMatch(/^\/moderation\?queue=all&c=\d+$/);

    await page.getByTestId("publish-note").fill(`add ${word}`);
    await page.getByTestId("publish-form").getByRole("button").click();
    await expect(page.getByTestId("publish-form-message")).toBeVisible();
    await expect(page.getByTestId("job-progress")).toBeVisible();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("job-progress").getAttribute("data-state");
        },
        { timeout: 30_000 },
      )
      .toBe("succeeded");

    await page.goto(`/moderation?queue=flagged&q=${encodeURIComponent(word)}`);
    await expect(page.getByTestId("queue-table").locator("tbody tr")).toHaveCount(3);
    await page.goto(href as string);
    await expect(page.getByTestId("comment-detail").locator("mark").first()).toBeVisible();

    await page.goto("/admin/lexicon?view=versions");
    await expect(page.getByTestId("version-row").first()).toContainText(`add ${word}`);
  });

  test("a moderator's proposal appears for the admin, who accepts it into the draft", async ({
    page,
    signInAs,
  }) => {
    const word = inventedWord();
    await signInAs("moderator");
    await page.goto("/admin/lexicon");
    await expect(page.getByTestId("add-entry-form")).toHaveCount(0);
    await page.getByTestId("tab-proposals").click();
    const form = page.getByTestId("propose-form");
    await form.getByTestId("entry-term").fill(word);
    await form.locator("textarea[name=reason]").fill("كثير في التعليقات المرفوضة");
    await form.getByRole("button").click();
    await expect(page.getByTestId("propose-form-message")).toContainText(word);
    await expect(page.getByTestId("proposal").filter({ hasText: word })).toHaveAttribute(
      "data-state",
      "pending",
    );

    await page.context().clearCookies();
    await signInAs("admin");
    await page.goto("/admin/lexicon?view=proposals");
    const row = page.getByTestId("proposal").filter({ hasText: word });
    await expect(row).toContainText("كثير في التعليقات المرفوضة");
    await row.getByTestId("accept-proposal").getByRole("button").click();
    await expect(row).toHaveAttribute("data-state", "accepted");
    await page.goto(`/admin/lexicon?q=${encodeURIComponent(word)}`);
    await expect(page.getByTestId("entry-term-cell")).toHaveText([word]);
  });

  test("an analyst sees no edit controls and the server refuses their edits", async ({
    browser,
    page,
    signInAs,
    baseURL,
  }) => {
    const word = inventedWord();
    // The admin's add-entry request, to replay as the analyst.
    await signInAs("admin");
    await page.goto("/admin/lexicon");
    const form = page.getByTestId("add-entry-form");
    await form.getByTestId("entry-term").fill(`${word}ا`);
    const requestPromise = page.waitForRequest(
      (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
    );
    await form.getByRole("button").click();
    const request = await requestPromise;
    await expect(page.getByTestId("add-entry-form-message")).toBeVisible();

    const analystContext = await browser.newContext({ baseURL });
    const analyst = await analystContext.newPage();
    const { email, password } = demoAccount("analyst");
    const signIn = await analystContext.request.post("/api/auth/sign-in/email", {
      data: { email, password },
      headers: { origin: baseURL ?? "" },
    });
    expect(signIn.status()).toBe(200);
    await analyst.goto("/admin/lexicon");
    await expect(analyst.getByTestId("lexicon-table")).toBeVisible();
    await expect(analyst.getByTestId("read-only")).toBeVisible();
    await expect(analyst.getByTestId("add-entry-form")).toHaveCount(0);
    await expect(analyst.getByTestId("entry-remove")).toHaveCount(0);
    await expect(analyst.getByTestId("tab-draft")).toHaveCount(0);
    await expect(analyst.getByTestId("tab-proposals")).toHaveCount(0);

    // Replaying the admin's server action with the analyst's session: refused, nothing written.
    const body = (request.postData() ?? "").replaceAll(`${word}ا`, `${word}ب`);
    const replay = await analystContext.request.post("/admin/lexicon", {
      headers: {
        "next-action": request.headers()["next-action"] as string,
        "content-type": request.headers()["content-type"] as string,
        origin: baseURL ?? "",
        accept: "text/x-component",
      },
      data: body,
    });
    expect(replay.status()).toBe(403);
    await page.goto(`/admin/lexicon?q=${encodeURIComponent(word)}`);
    await expect(page.getByTestId("entry-term-cell")).toHaveText([`${word}ا`]);
    await analystContext.close();
  });

  test("the lexicon pages have no serious accessibility violations", async ({ page, signInAs }) => {
    await signInAs("admin");
    for (const path of [
      "/admin/lexicon",
      "/admin/lexicon?view=draft&test=1",
      "/admin/lexicon?view=versions",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      const serious = result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious, path).toEqual([]);
    }
  });
});
