// The statistics page: reached from the main navigation, its charts are
// images with a name, each count links to the systems it counts, and it is
// whole without JavaScript. Every page visited is scanned with axe (support.ts).
import { expect, test } from "./support";

test("a reader follows a count on the statistics page to the systems it counts", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statistics" }).click();
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Systems by stage" })).toBeVisible();
  await expect(page.getByRole("img")).toHaveCount(8);
  const stages = page.getByRole("table", { name: "Systems by stage" });
  const inUse = stages.getByRole("row", { name: /^In use/ }).getByRole("link");
  const count = Number(await inUse.textContent());
  expect(count).toBeGreaterThan(0);
  await inUse.click();
  await expect(page).toHaveURL(/\/systems\?stage=in_use$/);
  await expect(page.locator("#result-count")).toHaveText(new RegExp(`^${count} systems?`));
});

test("an agency's statistics count its systems only, and lead to its search", async ({ page }) => {
  await page.goto("/agencies/tax-office");
  await page.getByRole("link", { name: /Its systems by stage/ }).click();
  await expect(page).toHaveURL(/\/agencies\/tax-office\/statistics$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistics of Northvale Tax Office");
  await expect(page.getByRole("img", { name: "Systems by stage" })).toBeVisible();
  const stages = page.getByRole("table", { name: "Systems by stage" });
  const inUse = stages.getByRole("row", { name: /^In use/ }).getByRole("link");
  const count = Number(await inUse.textContent());
  expect(count).toBeGreaterThan(0);
  await inUse.click();
  await expect(page).toHaveURL(/\/systems\?agency=tax-office&stage=in_use$/);
  await expect(page.locator("#result-count")).toHaveText(new RegExp(`^${count} systems?`));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the statistics page is whole", async ({ page }) => {
    await page.goto("/statistics");
    await expect(page.getByRole("img", { name: "New systems per month" })).toBeVisible();
    await page.getByText("The numbers per month").click();
    await expect(page.getByRole("table", { name: "New systems per month" })).toBeVisible();
  });
});
