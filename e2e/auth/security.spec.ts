import { expect, test } from "../fixtures.ts";

test("the session cookie is httpOnly and SameSite=Lax, and not Secure over plain http", async ({
  context,
  signInAs,
}) => {
  await signInAs("analyst");
  const cookie = (await context.cookies()).find((c) => c.name === "raqib.session_token");
  expect(cookie).toBeDefined();
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  expect(cookie?.secure).toBe(false);
  expect(cookie?.path).toBe("/");
});

test("a server action replayed from another site is refused and changes nothing", async ({
  page,
  signInAs,
  baseURL,
}) => {
  await signInAs("admin");
  await page.goto("/admin/users");
  const email = `csrf-${Date.now()}@example.org`;
  const form = page.getByTestId("add-user-form");
  await form.getByLabel("البريد الإلكتروني").fill(email);
  await form.getByLabel("الاسم").fill("CSRF probe");

  // Catch the browser's own action request, then replay it: once from another origin, once from ours.
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/admin/users", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
      return;
    }
    await route.continue();
  });
  await form.getByRole("button", { name: "أضف المستخدم" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const { headers, body } = captured as unknown as { headers: Record<string, string>; body: Buffer };
  const replay = (origin: string) =>
    page.request.post("/admin/users", {
      headers: {
        "next-action": headers["next-action"] ?? "",
        "content-type": headers["content-type"] ?? "",
        accept: headers.accept ?? "text/x-component",
        origin,
      },
      data: body,
      maxRedirects: 0,
    });
  const attack = await replay("http://evil.example");
  expect(attack.status()).not.toBe(200);
  await page.unroute("**/admin/users");
  await page.goto("/admin/users");
  await expect(page.locator(`[data-email="${email}"]`)).toHaveCount(0);

  const genuine = await replay(baseURL ?? "");
  expect(genuine.status()).toBe(200);
  await page.goto("/admin/users");
  await expect(page.locator(`[data-email="${email}"]`)).toHaveCount(1);
});

test("better-auth's own endpoints refuse another site: sign-out from evil.example leaves the session alone", async ({
  context,
  page,
  signInAs,
}) => {
  await signInAs("moderator");
  const response = await context.request.post("/api/auth/sign-out", {
    headers: { origin: "http://evil.example" },
  });
  expect(response.status()).toBe(403);
  await page.goto("/articles");
  await expect(page.getByTestId("user-menu")).toHaveAttribute("data-role", "moderator");
});
