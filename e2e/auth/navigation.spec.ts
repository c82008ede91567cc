import { expect, test } from "../fixtures.ts";

const expectedNav = {
  analyst: ["الإشراف", "المقالات", "التحليلات", "المعجم"],
  moderator: ["الإشراف", "المقالات", "التحليلات", "المعجم"],
  admin: [
    "الإشراف",
    "المقالات",
    "التحليلات",
    "المعجم",
    "المستخدمون",
    "مفاتيح API",
    "سجل الأمان",
    "الإدخال",
    "التصدير",
    "أسباب التصعيد",
  ],
} as const;

for (const role of ["analyst", "moderator", "admin"] as const) {
  test(`the demo ${role} signs in and sees the navigation for their role`, async ({ page, signInAs }) => {
    await signInAs(role);
    await page.goto("/articles");
    await expect(page.getByTestId("user-menu")).toHaveAttribute("data-role", role);
    await expect(page.getByTestId("main-nav").getByRole("link")).toHaveText([...expectedNav[role]]);
    await expect(page.getByTestId("article-row")).toHaveCount(5);
  });
}

test("signed out, there is no navigation and every page leads to the sign-in form", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Farticles$/);
  await expect(page.getByTestId("main-nav").getByRole("link")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تسجيل الدخول");
});

test("a page the role may not open shows the 403 page with status 403", async ({ page, signInAs }) => {
  await signInAs("moderator");
  const response = await page.goto("/admin/tokens");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden").getByRole("heading", { level: 1 })).toHaveText(
    "ليست لديك صلاحية لهذه الصفحة.",
  );
  await expect(page.getByTestId("tokens-table")).toHaveCount(0);
});
