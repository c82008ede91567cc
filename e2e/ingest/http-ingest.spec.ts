import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { E2E_DATA_DIR, expect, test } from "../fixtures.ts";

function createToken(scope: string): string {
  return execFileSync(
    process.execPath,
    ["bin/raqib.mjs", "token", "create", "--scope", scope, "--name", `e2e-${scope}-${Date.now()}`],
    {
      cwd: join(import.meta.dirname, "..", ".."),
      env: { ...process.env, RAQIB_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "" },
      encoding: "utf8",
    },
  ).trim();
}

test("comments sent to the HTTP ingest API appear in the dashboard, and the run is listed for admins", async ({
  page,
  request,
  signInAs,
}) => {
  const token = createToken("ingest");
  const title = `مقال من نظام إدارة المحتوى ${Date.now()}`;
  const response = await request.post("/api/v1/ingest", {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: JSON.stringify({
      title,
      body: "نص المقال",
      source: "موقع تجريبي",
      comments: [
        { author: "سارة", title: "رأي", body: "تحليل ممتاز، شكرا للكاتب" },
        { author: "karim_dz", body: "ya 7mar, ma fhemt walou" },
      ],
    }),
  });
  expect(response.status()).toBe(200);
  const { summary } = await response.json();
  expect(summary).toMatchObject({ articlesAdded: 1, commentsAdded: 2 });

  await signInAs("analyst");
  await page.goto("/articles");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("comment")).toHaveCount(2);
  await expect(page.getByTestId("comment-author").first()).toHaveText("سارة");
  await expect(page.getByText("موقع تجريبي")).toBeVisible();

  await page.context().clearCookies();
  await signInAs("admin");
  await page.goto("/admin/ingest?via=http");
  const row = page.getByTestId("ingest-run").first();
  await expect(row).toContainText("token:e2e-ingest");
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("#");
});

test("the ingest API refuses a token without the ingest scope", async ({ request }) => {
  const token = createToken("classify");
  const response = await request.post("/api/v1/ingest", {
    headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
    data: "عنوان\nنص",
  });
  expect(response.status()).toBe(403);
});
