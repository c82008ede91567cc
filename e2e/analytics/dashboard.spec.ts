import { readFile } from "node:fs/promises";
import type { Download, Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures.ts";

// The e2e server loads the five seed articles with nine comments, ingested at start-up and
// without a posting date, so all nine fall on today. The browser runs in Riyadh's zone.
test.use({ timezoneId: "Asia/Riyadh" });

test.beforeEach(async ({ signInAs }) => {
  await signInAs("analyst");
});

const SEED_COMMENTS = 9;

/** Opens the dashboard and waits until it has re-rendered in the browser's zone (set by cookie). */
async function openDashboard(page: Page, query: string): Promise<void> {
  await page.goto(`/analytics${query}`);
  await expect(page.getByText("الأيام محسوبة بتوقيت Asia/Riyadh.")).toBeVisible();
}

async function tableTotals(card: Locator): Promise<number[]> {
  await card.locator("summary").click();
  const table = card.getByTestId("chart-table");
  const headers = await table.locator("thead th").allInnerTexts();
  const totalColumn = headers.indexOf("المجموع");
  expect(totalColumn).toBeGreaterThan(0);
  const cells = await table.locator(`tbody tr > :nth-child(${totalColumn + 1})`).allInnerTexts();
  return cells.map((text) => Number(text.replace(/[^\d]/g, "")));
}

async function clickFirstPoint(card: Locator): Promise<void> {
  const canvas = card.getByTestId("chart-canvas");
  await expect(canvas).toHaveAttribute("data-points", /"x"/);
  const points = JSON.parse((await canvas.getAttribute("data-points")) ?? "[]") as { x: number; y: number }[];
  const point = points[0];
  if (!point) throw new Error("the chart drew no clickable point");
  await canvas.click({ position: { x: point.x, y: point.y } });
}

async function downloadText(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

test("the dashboard counts today's seed comments in the user's zone, right to left", async ({ page }) => {
  await openDashboard(page, "?range=today");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("التحليلات");
  const sentiment = page.getByTestId("chart-sentiment");
  await expect(sentiment.getByRole("heading", { level: 2 })).toHaveText("المشاعر عبر الزمن");
  await expect(sentiment.getByTestId("chart-canvas")).toBeVisible();
  const totals = await tableTotals(sentiment);
  expect(totals.reduce((a, b) => a + b, 0)).toBe(SEED_COMMENTS);
});

test("changing the range and toggling compare are held in the URL", async ({ page }) => {
  await openDashboard(page, "?range=today");
  await page.getByTestId("range-presets").getByRole("link", { name: "٧ أيام" }).click();
  await expect(page).toHaveURL(/\/analytics\?range=7d$/);
  await expect(page.getByTestId("range-presets").getByRole("link", { name: "٧ أيام" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const sentiment = page.getByTestId("chart-sentiment");
  // Seven day buckets, the seed comments all in the last one.
  expect(await tableTotals(sentiment)).toEqual([0, 0, 0, 0, 0, 0, SEED_COMMENTS]);

  await page.getByTestId("compare-toggle").click();
  await expect(page).toHaveURL(/\/analytics\?range=7d&compare=1$/);
  await expect(page.getByTestId("compare-toggle")).toHaveAttribute("aria-checked", "true");
  const compared = page.getByTestId("chart-sentiment");
  await compared.locator("summary").click();
  await expect(compared.getByTestId("chart-table").locator("thead th").last()).toHaveText(
    "المدة السابقة (المجموع)",
  );
});

test("clicking a bar opens the moderation queue at exactly that bar's comments, counted alike", async ({
  page,
}) => {
  await openDashboard(page, "?range=today");
  const sentiment = page.getByTestId("chart-sentiment");
  await sentiment.locator("summary").click();
  const table = sentiment.getByTestId("chart-table");
  // The table's links are the accessible form of the same drill-down.
  const tableLinks = await table
    .locator("tbody a")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")));
  const canvas = sentiment.getByTestId("chart-canvas");
  await expect(canvas).toHaveAttribute("data-points", /"x"/);
  const points = JSON.parse((await canvas.getAttribute("data-points")) ?? "[]") as {
    dataset: number;
    index: number;
  }[];
  const first = points[0];
  if (!first) throw new Error("the chart drew no clickable bar");
  // The bar's number, from the same row and column of the table (column 0 is the period).
  const cell = await table
    .locator(`tbody tr:nth-child(${first.index + 1}) > :nth-child(${first.dataset + 2})`)
    .innerText();
  const barCount = Number(cell.replace(/[^\d]/g, ""));
  expect(barCount).toBeGreaterThan(0);

  await clickFirstPoint(sentiment);
  await expect(page).toHaveURL(/\/moderation\?/);
  const url = new URL(page.url());
  expect(tableLinks).toContain(`${url.pathname}${url.search}`);
  // The queue's own parameters: every queue, the sentiment, and today as a day in Riyadh.
  expect(url.searchParams.get("queue")).toBe("all");
  expect(url.searchParams.get("sentiment")).toMatch(/^(positive|neutral|negative)$/);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(new Date());
  expect(url.searchParams.get("from")).toBe(today);
  expect(url.searchParams.get("to")).toBe(today);
  expect(url.searchParams.get("tz")).toBe("Asia/Riyadh");
  await expect(page.getByTestId("queue-all")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("filter-tz")).toContainText("Asia/Riyadh");
  // The counts stream in after the table: wait for the number, then compare.
  await expect
    .poll(async () => (await page.getByTestId("count-all").innerText()).replace(/[^\d]/g, ""))
    .toBe(String(barCount));
});

test("a chart downloads as CSV (UTF-8 with BOM, the table's numbers) and as PNG", async ({ page }) => {
  await openDashboard(page, "?range=today");
  const sentiment = page.getByTestId("chart-sentiment");
  await expect(sentiment.getByTestId("chart-canvas")).toBeVisible();

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    sentiment.getByRole("button", { name: "تنزيل CSV" }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe("raqib-sentiment.csv");
  const csv = (await downloadText(csvDownload)).toString("utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("الفترة,إيجابي,محايد,سلبي,المجموع");
  const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(",").at(-1)), 0);
  expect(total).toBe(SEED_COMMENTS);

  const [pngDownload] = await Promise.all([
    page.waitForEvent("download"),
    sentiment.getByRole("button", { name: "تنزيل PNG" }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe("raqib-sentiment.png");
  const png = await downloadText(pngDownload);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(2000);
});

test("a range without comments says why each chart is empty", async ({ page }) => {
  await openDashboard(page, "?range=custom&from=2001-01-01&to=2001-01-05");
  await expect(page.getByTestId("chart-sentiment").getByTestId("chart-empty")).toHaveText(
    "لا تعليقات مصنّفة تطابق عوامل التصفية في هذه المدة.",
  );
  await expect(page.getByTestId("chart-stance-source").getByTestId("chart-empty")).toHaveText(
    "لا تعليق في هذه المدة يتخذ موقفًا من إحدى الجهات.",
  );
  await expect(page.getByTestId("chart-terms").getByTestId("chart-empty")).toBeVisible();
  await expect(page.getByTestId("chart-throughput").getByTestId("chart-empty")).toHaveText(
    "لم يتخذ أي مشرف قرارًا في تعليق يطابق عوامل التصفية في هذه المدة.",
  );
  await expect(page.getByTestId("chart-confusion-insult").getByTestId("chart-empty")).toHaveText(
    "لا يحمل أي تعليق يطابق عوامل التصفية في هذه المدة تصنيفًا من مشرف.",
  );
  await expect(page.getByTestId("chart-agreement").getByTestId("chart-empty")).toHaveText(
    "لم يصنّف مشرفان أو أكثر أي تعليق يطابق عوامل التصفية في هذه المدة على السؤال نفسه.",
  );
});
