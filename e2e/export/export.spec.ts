import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "../fixtures.ts";

async function downloadCsv(page: import("@playwright/test").Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-download").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^raqib-export-.*\.csv$/);
  const path = await download.path();
  return parse(await readFile(path, "utf8"), { bom: true, columns: true }) as Record<string, string>[];
}

test("an admin filters, previews and downloads a CSV with exactly the filtered rows", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/admin/export");
  await expect(page.getByTestId("export-count")).toContainText("9");
  const all = await downloadCsv(page);
  expect(all).toHaveLength(9);

  await page.locator('input[name="q"]').fill("الضربات");
  await page.getByRole("button", { name: "معاينة" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId("export-count")).toContainText("1");
  await expect(page.getByTestId("export-preview").locator("tbody tr")).toHaveCount(1);
  const rows = await downloadCsv(page);
  expect(rows).toHaveLength(1);
  expect(rows[0]?.body).toContain("قليلة من الضربات");
  const previewId = await page.getByTestId("export-preview").locator("tbody tr td").first().innerText();
  expect(rows[0]?.comment_id).toBe(previewId.trim());
  // The same comment, by id, is among the unfiltered export's rows with the same text.
  expect(all.find((r) => r.comment_id === rows[0]?.comment_id)?.body).toBe(rows[0]?.body);
});

test("moderators and analysts get 403 on the export page and the API", async ({ page, signInAs }) => {
  await signInAs("moderator");
  const response = await page.goto("/admin/export");
  expect(response?.status()).toBe(403);
  const api = await page.request.get("/api/v1/export?format=csv");
  expect(api.status()).toBe(403);
});
