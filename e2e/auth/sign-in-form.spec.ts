import AxeBuilder from "@axe-core/playwright";
import { demoAccount, expect, test } from "../fixtures.ts";

test("the sign-in form: a wrong password gets a clear message, the right one leads back to the page asked for", async ({
  page,
}) => {
  const admin = demoAccount("admin");
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  const accessibility = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(accessibility.violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel("البريد الإلكتروني").fill(admin.email);
  await page.getByLabel("كلمة المرور").fill(`${admin.password}x`);
  await page.getByRole("button", { name: "دخول" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
  );
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("كلمة المرور").fill(admin.password);
  await page.getByRole("button", { name: "دخول" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المستخدمون");

  await page.getByRole("button", { name: "تسجيل الخروج" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});
