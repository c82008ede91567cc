import { addUser, expect, test } from "../fixtures.ts";

test("a user changes their own password on the account page", async ({ page, baseURL, playwright }) => {
  const user = addUser("analyst");
  const signIn = await page.request.post("/api/auth/sign-in/email", {
    data: user,
    headers: { origin: baseURL ?? "" },
  });
  expect(signIn.status()).toBe(200);
  await page.goto("/account");
  await expect(page.getByTestId("account-role")).toHaveText("محلل");

  await page.getByLabel("كلمة المرور الحالية").fill("not-my-password");
  await page.getByLabel("كلمة المرور الجديدة").fill("a-new-long-password");
  await page.getByRole("button", { name: "غيّر كلمة المرور" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("كلمة المرور الحالية غير صحيحة.");

  await page.getByLabel("كلمة المرور الحالية").fill(user.password);
  await page.getByRole("button", { name: "غيّر كلمة المرور" }).click();
  await expect(page.locator("main").getByRole("status")).toHaveText(
    "تم تغيير كلمة المرور، وأُنهيت جلساتك الأخرى.",
  );
  await page.reload();
  await expect(page).toHaveURL(/\/account$/);

  const api = await playwright.request.newContext({ baseURL });
  const old = await api.post("/api/auth/sign-in/email", { data: user, headers: { origin: baseURL ?? "" } });
  expect(old.status()).toBe(401);
  const renewed = await api.post("/api/auth/sign-in/email", {
    data: { email: user.email, password: "a-new-long-password" },
    headers: { origin: baseURL ?? "" },
  });
  expect(renewed.status()).toBe(200);
  await api.dispose();
});
