// Shared checks for every page the browser tests visit.
import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Fails on any axe-core violation of the WCAG 2.2 AA rule set. */
export async function expectAccessible(page: Page) {
  // Styles decide sizes and contrast: scan only once they have loaded.
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Collects console errors and failed requests, to assert none happened. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    // 4xx pages are asked for on purpose in some tests; other failures are bugs.
    if (response.status() >= 500) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return errors;
}

/** Waits until the islands of the page are running in the browser. */
export async function waitForHydration(page: Page) {
  await expect(page.locator(".system-search")).toHaveAttribute("data-hydrated", "true");
}
