// The register in Dutch: a reader browses, searches, reads a record and its
// history, and asks a question, all under /nl/, and no English message of
// the catalogue shows on the way. The language switcher shows the same page
// in the other language, and / remembers the choice or follows the
// browser's language. Every page visited is scanned with axe (support.ts).
import { ENGLISH, expect, expectAllDutch, test } from "./support";

test("a reader browses, searches and reads a record in Dutch", async ({ page }) => {
  expect(ENGLISH.length).toBeGreaterThan(100);
  await page.goto("/nl/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welke AI-systemen gebruikt uw overheid?");
  await expectAllDutch(page);

  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "AI-systemen" }).click();
  await expect(page).toHaveURL(/\/nl\/systems$/);
  await expect(page.locator(".system-search")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("searchbox", { name: "Systemen zoeken" }).fill("tax");
  // The island searches as the reader types, and writes its results in Dutch.
  await expect(page).toHaveURL(/\/nl\/systems\?q=tax$/);
  await expect(page.locator("#result-count")).toHaveText(/^\d+ systemen?$/);
  await expectAllDutch(page);

  await page.locator(".system-list .system-name a").first().click();
  await expect(page).toHaveURL(/\/nl\/systems\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "In het kort" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vragen en antwoorden" })).toBeVisible();
  await expectAllDutch(page);

  await page.getByRole("link", { name: "Bekijk elke versie en wat er veranderde" }).click();
  await expect(page).toHaveURL(/\/nl\/systems\/[a-z0-9]+\/history$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Geschiedenis van");
  await expectAllDutch(page);

  for (const address of ["/nl/agencies", "/nl/agencies/tax-office", "/nl/open-data", "/nl/login", "/nl/systems/no-such-system"]) {
    await page.goto(address);
    await expectAllDutch(page);
  }
});

test("a citizen asks a question in Dutch and is answered in Dutch", async ({ page, request }) => {
  const found = await (await request.get("/api/v1/systems?agency=tax-office")).json();
  await page.goto(`/nl/systems/${found.hits[0].id}`);
  await expect(page.locator("form.feedback-form")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("button", { name: "Versturen" }).click();
  await expect(page.getByRole("alert")).toContainText("Schrijf uw bericht");
  await expectAllDutch(page);
  await page.getByLabel("Uw bericht").fill("Hoe lang worden de gegevens bewaard? tulpenbol");
  await page.getByRole("button", { name: "Versturen" }).click();
  await expect(page.getByRole("status")).toContainText("Een moderator leest uw bericht");
  await expectAllDutch(page);
});

test("the switcher shows the same page in the other language, and / remembers it", async ({ page }) => {
  await page.goto("/nl/agencies");
  const switcher = page.getByRole("navigation", { name: "Taal" });
  await expect(switcher.getByRole("link", { name: "Nederlands" })).toHaveAttribute("aria-current", "true");
  await switcher.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/agencies$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agencies");
  await page.goto("/");
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/\/nl\/$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/nl\/$/);
  await expectAllDutch(page);
});

test.describe("a browser that prefers Dutch", () => {
  test.use({ locale: "nl-NL" });

  test("is sent to the Dutch home page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/nl\/$/);
    await expectAllDutch(page);
  });
});
