import { addUser, expect, test } from "../fixtures.ts";

test("a deactivated user's open session is refused on its next request", async ({
  page,
  signInAs,
  browser,
  baseURL,
}) => {
  const moderator = addUser("moderator");
  const theirs = await browser.newContext({ baseURL, locale: "ar" });
  const theirPage = await theirs.newPage();
  const signIn = await theirs.request.post("/api/auth/sign-in/email", {
    data: moderator,
    headers: { origin: baseURL ?? "" },
  });
  expect(signIn.status()).toBe(200);
  await theirPage.goto("/articles");
  await expect(theirPage.getByTestId("user-menu")).toHaveAttribute("data-role", "moderator");

  await signInAs("admin");
  await page.goto("/admin/users");
  const row = page.locator(`[data-testid="user-row"][data-email="${moderator.email}"]`);
  await row.getByRole("button", { name: "أوقف الحساب" }).click();
  await expect(row.getByTestId("user-status")).toHaveText("موقوف");

  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/sign-in\?next=%2Farticles$/);
  expect((await theirs.request.get("/api/whoami")).status()).toBe(401);
  const again = await theirs.request.post("/api/auth/sign-in/email", {
    data: moderator,
    headers: { origin: baseURL ?? "" },
  });
  expect(again.status()).toBe(401);
  expect((await again.json()).code).toBe("ACCOUNT_DEACTIVATED");
  await theirs.close();

  await page.goto("/admin/audit?action=user_deactivated");
  await expect(page.getByTestId("audit-row").first()).toContainText("admin@raqib.local");
});
