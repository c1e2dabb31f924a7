// Without JavaScript every page is complete and the filter form still works.
// (axe needs JavaScript to run, so the same pages are scanned in register.spec.ts.)
import { expect, test } from "./support";

test.use({ javaScriptEnabled: false });

test("facets work as a plain form and counts match the rows across pages", async ({ page }) => {
  await page.goto("/systems");
  await page.getByRole("checkbox", { name: /^In use/ }).check();
  await page.getByRole("checkbox", { name: /^Never audited/ }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/stage=in_use/);
  await expect(page).toHaveURL(/audit=none/);
  const text = (await page.locator("#result-count").textContent()) ?? "";
  const total = text.startsWith("No") ? 0 : Number(text.split(" ")[0]);
  // The demo register has systems in use that were never audited.
  expect(total).toBeGreaterThan(0);
  let rows = await page.locator(".system-item").count();
  while ((await page.getByRole("link", { name: "Next" }).count()) > 0) {
    await page.getByRole("link", { name: "Next" }).click();
    rows += await page.locator(".system-item").count();
  }
  expect(rows).toBe(total);
});

test("search works as a plain GET form, keeping the chosen facets", async ({ page }) => {
  await page.goto("/systems?topic=service_delivery");
  await page.getByLabel("Search systems").fill("chatbott");
  await page.getByLabel("Search systems").press("Enter");
  await expect(page).toHaveURL(/q=chatbott/);
  await expect(page).toHaveURL(/topic=service_delivery/);
  await expect(page.locator(".system-item").first().locator(".system-name")).toContainText("chatbot");
  await expect(page.locator(".system-item mark").first()).toBeVisible();
});

test("a record is complete without JavaScript", async ({ page }) => {
  await page.goto("/systems?sort=name");
  await page.locator(".system-item .system-name a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "At a glance" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Latest audit" })).toBeVisible();
});
