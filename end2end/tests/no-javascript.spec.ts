// Without JavaScript every page is complete and the filter form still works.
// (axe needs JavaScript to run, so the same pages are scanned in register.spec.ts.)
import { expect, test } from "@playwright/test";

test.use({ javaScriptEnabled: false });

test("filters work as a plain form and counts match the rows across pages", async ({ page }) => {
  await page.goto("/systems");
  await page.getByLabel("Stage").selectOption("in_use");
  await page.getByLabel("Audit").selectOption("none");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/stage=in_use/);
  await expect(page).toHaveURL(/audit=none/);
  const text = (await page.locator("#result-count").textContent()) ?? "";
  const total = text.startsWith("No") ? 0 : Number(text.split(" ")[0]);
  let rows = await page.locator(".system-item").count();
  while ((await page.getByRole("link", { name: "Next" }).count()) > 0) {
    await page.getByRole("link", { name: "Next" }).click();
    rows += await page.locator(".system-item").count();
  }
  expect(rows).toBe(total);
});

test("a record is complete without JavaScript", async ({ page }) => {
  await page.goto("/systems?sort=name");
  await page.locator(".system-item .system-name a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "At a glance" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Latest audit" })).toBeVisible();
});
