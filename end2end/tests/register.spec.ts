// A citizen's way through the register: home → list → filter → record → agency.
import type { Page } from "@playwright/test";
import { expect, test, expectAccessible, waitForHydration, watchForErrors } from "./support";

/** How many published systems the API counts for a query: the register as
 * it is when the test runs, whatever other test files have added to it. */
async function count(page: Page, query: string): Promise<number> {
  const answer = await page.request.get(`/api/v1/systems?limit=1&${query}`);
  expect(answer.status()).toBe(200);
  return (await answer.json()).total;
}

test("home, list, filter, record and agency pages work and are accessible", async ({ page }) => {
  const errors = watchForErrors(page);
  const total = await count(page, "");
  const inUse = await count(page, "stage=in_use");
  expect(total).toBeGreaterThan(25);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("AI systems");
  await expect(page.locator(".register-totals")).toContainText(`${total} systems`);
  await expect(page.locator("table.counts")).toHaveCount(3);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Browse all AI systems" }).click();
  await expect(page).toHaveURL(/\/systems$/);
  await expect(page.locator("#result-count")).toHaveText(`${total} systems`);
  await expect(page.locator(".system-item")).toHaveCount(25);
  await expectAccessible(page);

  // Pagination: the second page holds the rest.
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator(".system-item")).toHaveCount(Math.min(total - 25, 25));
  await page.getByRole("link", { name: "Page 1" }).click();

  // Ticking a facet once the island is awake updates the results in place.
  await waitForHydration(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByRole("checkbox", { name: /^In use/ }).focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/\/systems\?stage=in_use$/);
  await expect(page.locator("#result-count")).toHaveText(`${inUse} systems`);
  // The redrawn box keeps the keyboard's focus.
  await expect(page.getByRole("checkbox", { name: /^In use/ })).toBeFocused();
  await expect(page.locator(".system-item .stage-in_use")).toHaveCount(25);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

  // A second facet combines with the first; counts show what each choice gives.
  const high = page.getByRole("checkbox", { name: /^High risk/ });
  const predicted = Number((await high.locator("xpath=following-sibling::label").textContent())?.match(/\((\d+)\)/)?.[1]);
  await high.check();
  await expect(page).toHaveURL(/stage=in_use&risk_level=high/);
  await expect(page.locator("#result-count")).toHaveText(`${predicted} systems`);
  await expect(page.locator(".system-item")).toHaveCount(Math.min(predicted, 25));
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await expectAccessible(page);

  // Back goes to the previous filters, still without a page load.
  await page.goBack();
  await expect(page).toHaveURL(/\/systems\?stage=in_use$/);
  await expect(page.locator("#result-count")).toHaveText(`${inUse} systems`);

  // Results follow typing, typos and all, with the matched words marked.
  await page.getByRole("checkbox", { name: /^In use/ }).uncheck();
  await expect(page.locator("#result-count")).toHaveText(`${total} systems`);
  await page.getByLabel("Search systems").pressSequentially("facial recogntion", { delay: 40 });
  await expect(page).toHaveURL(/q=facial\+recogntion/);
  await expect(page.locator(".system-item").first().locator(".system-name mark").first()).toHaveText(/facial/i);
  await expect(page.locator(".system-item .system-name").first()).toContainText("facial recognition");
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await expectAccessible(page);

  // Nothing found: say what to try.
  await page.getByLabel("Search systems").fill("zzqxw");
  await expect(page.locator("#result-count")).toHaveText("No systems found");
  await expect(page.locator(".no-results")).toContainText("Check the spelling");
  await expectAccessible(page);
  await page.getByLabel("Search systems").fill("");
  await expect(page.locator("#result-count")).toHaveText(`${total} systems`);

  // A record shows every section.
  const first = page.locator(".system-item .system-name a").first();
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name!.trim());
  for (const heading of [
    "At a glance",
    "Purpose",
    "How it works",
    "Human oversight",
    "How to question or appeal a decision",
    "How decisions are explained",
    "Fairness and bias testing",
    "Risks and how they are managed",
    "Legal basis",
    "Data used",
    "Facts",
    "Latest audit",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.locator("section[aria-labelledby=facts]")).toContainText("Version");
  // A record's one island is its feedback form, which the bundle wakes up
  // (what a release build sends for a record is measured in bench/load.sh).
  await expect(page.locator("form.feedback-form")).toHaveAttribute("data-hydrated", "true");
  await expectAccessible(page);

  // Its agency lists its systems.
  await page.locator(".record-owner a").click();
  await expect(page).toHaveURL(/\/agencies\/[a-z0-9-]+$/);
  await expect(page.locator(".system-item").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Agencies", exact: true }).click();
  await expect(page.locator("table.agencies tbody tr")).toHaveCount(13);
  await expectAccessible(page);

  expect(errors).toEqual([]);
});

test("withheld fields say why", async ({ page }) => {
  await page.goto("/systems");
  // Walk the demo records until one with a withheld field turns up.
  const links = await page.locator(".system-item .system-name a").evaluateAll((as) =>
    as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!),
  );
  await page.goto("/systems?page=2");
  links.push(
    ...(await page.locator(".system-item .system-name a").evaluateAll((as) =>
      as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!),
    )),
  );
  let found = false;
  for (const href of links) {
    await page.goto(href);
    if ((await page.locator(".withheld").count()) > 0) {
      await expect(page.locator(".withheld").first()).toContainText(/^Withheld: .+/);
      await expectAccessible(page);
      found = true;
      break;
    }
  }
  expect(found).toBe(true);
});

test("an unknown system is a 404 page", async ({ page }) => {
  const response = await page.goto("/systems/no-such-system");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);

  const elsewhere = await page.goto("/no/such/page");
  expect(elsewhere?.status()).toBe(404);
});

test("bad search parameters get a clear message, not an error", async ({ page }) => {
  const response = await page.goto("/systems?sort=;drop");
  expect(response?.status()).toBe(400);
  await expect(page.locator(".error-summary")).toContainText("sort “;drop” is not one of");
  await expectAccessible(page);

  const unknown = await page.goto("/systems?risk_level=banana");
  expect(unknown?.status()).toBe(200);
  await expect(page.locator(".no-results")).toContainText("“banana” is not a risk level the register knows.");
  await expect(page.getByRole("link", { name: /Remove the risk level filter/ })).toBeVisible();
  await expectAccessible(page);

  const beyond = await page.goto("/systems?page=3");
  expect(beyond?.status()).toBe(200);
  await expect(page.locator(".notice")).toContainText("There is no page 3");
});
