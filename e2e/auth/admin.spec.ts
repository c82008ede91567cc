import { expect, test } from "../fixtures.ts";

test("an admin adds a user who can sign in with the one-time password, and changes their role", async ({
  page,
  signInAs,
  browser,
  baseURL,
}) => {
  await signInAs("admin");
  await page.goto("/admin/users");
  const email = `new-${Date.now()}@example.org`;
  const form = page.getByTestId("add-user-form");
  await form.getByLabel("البريد الإلكتروني").fill(email);
  await form.getByLabel("الاسم").fill("سلمى");
  await form.getByLabel("الدور").selectOption("analyst");
  await form.getByRole("button", { name: "أضف المستخدم" }).click();
  const password = (await page.getByTestId("one-time-password").locator("code").textContent()) ?? "";
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

  const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await expect(row).toHaveCount(1);
  await row.getByRole("combobox").selectOption("moderator");
  await row.getByRole("button", { name: "احفظ الدور" }).click();
  await expect(row.getByRole("status")).toHaveText("تم الحفظ.");

  const theirs = await browser.newContext({ baseURL });
  const signIn = await theirs.request.post("/api/auth/sign-in/email", {
    data: { email, password },
    headers: { origin: baseURL ?? "" },
  });
  expect(signIn.status()).toBe(200);
  expect(await (await theirs.request.get("/api/whoami")).json()).toMatchObject({ email, role: "moderator" });
  await theirs.close();

  await page.goto("/admin/audit?action=role_changed");
  await expect(page.getByTestId("audit-row").first()).toContainText('"role":"moderator"');
  await expect(page.locator('[data-testid="audit-row"]:not([data-action="role_changed"])')).toHaveCount(0);
});

test("an admin creates a scoped token that is shown once, works as a bearer token, and stops working when revoked", async ({
  page,
  signInAs,
  playwright,
  baseURL,
}) => {
  await signInAs("admin");
  await page.goto("/admin/tokens");
  const name = `cms-${Date.now()}`;
  const form = page.getByTestId("create-token-form");
  await form.getByLabel("اسم المفتاح").fill(name);
  await form.getByLabel("إدخال التعليقات (ingest)").check();
  await form.getByRole("button", { name: "أنشئ المفتاح" }).click();
  const token = (await page.getByTestId("new-token").locator("code").textContent()) ?? "";
  expect(token).toMatch(/^rqb_/);

  const outside = await playwright.request.newContext({ baseURL });
  const whoami = await outside.get("/api/whoami", { headers: { authorization: `Bearer ${token}` } });
  expect(whoami.status()).toBe(200);
  expect(await whoami.json()).toMatchObject({ kind: "token", name, scopes: ["ingest"] });

  await page.goto("/admin/tokens");
  const row = page.locator(`[data-testid="token-row"][data-name="${name}"]`);
  await expect(row.getByTestId("token-last-used")).not.toHaveText("أبدًا");
  expect(await page.content()).not.toContain(token);
  await row.getByRole("button", { name: `ألغِ المفتاح: ${name}` }).click();
  await expect(row.getByTestId("token-status")).toHaveText("ملغى");
  expect((await outside.get("/api/whoami", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(
    401,
  );
  await outside.dispose();

  await page.goto("/admin/audit?action=token_revoked");
  await expect(page.getByTestId("audit-row").first()).toContainText(name);
});
