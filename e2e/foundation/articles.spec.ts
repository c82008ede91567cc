import { expect, test } from "../fixtures.ts";

// The articles pages need a signed-in user; the analyst has the least access that still reads them.
test.beforeEach(async ({ signInAs }) => {
  await signInAs("analyst");
});

test("the articles page lists the five seed articles with their nine comments, right to left", async ({
  page,
}) => {
  await page.goto("/articles");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(5);
  const counts = (await page.getByTestId("comment-count").allInnerTexts()).map(Number);
  expect(counts.sort()).toEqual([0, 0, 0, 4, 5]);
  await expect(page.getByRole("link", { name: /بوتين يتكلم بصراحة عن التدخل العسكري/ })).toBeVisible();
});

test("an article page shows its comments in order with their authors", async ({ page }) => {
  await page.goto("/articles");
  await page.getByRole("link", { name: /بوتين يتكلم بصراحة عن التدخل العسكري/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("بوتين يتكلم بصراحة");
  const comments = page.getByTestId("comment");
  await expect(comments).toHaveCount(4);
  await expect(page.getByTestId("comment-author").first()).toHaveText("علي البصري");
  await expect(comments.first()).toContainText("قليلة من الضربات");
});

test("the language switch turns the interface to English, left to right", async ({ page }) => {
  await page.goto("/articles");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles");
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});

test("GET /api/health reports the app and the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.status).toBe("ok");
});

test("an unknown article is a 404 page, not an error", async ({ page }) => {
  const response = await page.goto("/articles/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("لم يُعثر على الصفحة.")).toBeVisible();
});

test("the comment view highlights what the classifier matched and explains each flag", async ({ page }) => {
  await page.goto("/articles");
  await page.getByRole("link", { name: /بشّار مستعد لاقتسام السلطة/ }).click();
  const insulting = page
    .getByTestId("comment")
    .filter({ has: page.getByTestId("insult-flag") })
    .first();
  await expect(insulting).toBeVisible();
  const marks = insulting.locator("mark");
  expect(await marks.count()).toBeGreaterThan(0);
  // Every highlighted span is text from the comment itself, and its explanation names a category.
  const body = await insulting.locator("p.body").innerText();
  for (const text of await marks.allInnerTexts()) expect(body).toContain(text);
  await expect(insulting.getByTestId("match-explanations").locator("li").first()).toContainText("—");
});
