// Phones: nothing scrolls sideways at 320 px (WCAG 1.4.10) on any public or
// /manage page, and on a 390 px phone the first search result is in the
// first screen, with the filters folded behind a button.
import { addAccount, expect, signIn, test } from "./support";
import type { Page } from "@playwright/test";

test.describe.configure({ mode: "serial" });

let systemPath = "";
test.beforeAll(async ({ request }) => {
  addAccount("admin@phones.example", "admin", "Phoebe Phone");
  addAccount("editor@phones.example", "editor", "Pip Phone", "tax-office");
  // A long address must wrap, not push /manage/accounts sideways.
  addAccount("a.rather.long.address.for.the.records.officer@riverton-housing-department.example", "approver", "Long Address", "tax-office");
  const found = await (await request.get("/api/v1/systems?agency=tax-office")).json();
  systemPath = `/systems/${found.hits[0].id}`;
});

/** The pages' widths beyond the viewport, by address: empty when none overflows. */
async function overflowing(page: Page, paths: string[]): Promise<string[]> {
  const wide: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    const [scroll, viewport] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    if (scroll > viewport) wide.push(`${path}: ${scroll} px wide`);
  }
  return wide;
}

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("no public page scrolls sideways", async ({ page }) => {
    const paths = [
      "/",
      "/systems",
      "/systems?q=fraud&stage=in_use",
      "/systems?q=zzqxw",
      systemPath,
      `${systemPath}/history`,
      "/agencies",
      "/agencies/tax-office",
      "/open-data",
      "/statistics",
      "/agencies/tax-office/statistics",
      "/login",
      "/systems/no-such-system",
    ];
    expect(await overflowing(page, paths)).toEqual([]);
  });

  test("no /manage page scrolls sideways", async ({ page }) => {
    await signIn(page, "admin@phones.example");
    const admin = [
      "/manage",
      "/manage/agencies",
      "/manage/accounts",
      "/manage/password",
      "/manage/email",
      "/manage/log",
      "/manage/feedback",
      "/manage/feedback?show=published",
      "/manage/settings",
    ];
    expect(await overflowing(page, admin)).toEqual([]);
    await page.context().clearCookies();
    await signIn(page, "editor@phones.example");
    const editor = [
      "/manage",
      "/manage/systems/new",
      `/manage${systemPath}`,
      `/manage${systemPath}/edit`,
      "/manage/import",
      "/manage/tokens",
      "/manage/answers",
      "/manage/email",
    ];
    expect(await overflowing(page, editor)).toEqual([]);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const javaScriptEnabled of [false, true]) {
    test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
      test.use({ javaScriptEnabled });

      test("the first result is in the first screen; filters fold behind a button", async ({ page }) => {
        await page.goto("/systems?stage=in_use");
        const first = page.locator(".system-item").first();
        await expect(first).toBeVisible();
        const box = (await first.boundingBox())!;
        expect(box.y + 40).toBeLessThan(844);
        // The filters are folded; the chosen one shows above the results and removes itself.
        await expect(page.getByRole("checkbox", { name: /^Pilot/ })).toBeHidden();
        await page.locator(".facets > summary").click();
        await expect(page.getByRole("checkbox", { name: /^Pilot/ })).toBeVisible();
        await page.getByRole("link", { name: "Remove the filter Stage: In use" }).click();
        await expect(page).toHaveURL(/\/systems$/);
      });
    });
  }
});

test("at 1280 px the filters stay open beside the results", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/systems");
  await expect(page.getByRole("checkbox", { name: /^Pilot/ })).toBeVisible();
  const facets = (await page.locator(".facets").boundingBox())!;
  const results = (await page.locator(".results").boundingBox())!;
  expect(facets.x + facets.width).toBeLessThanOrEqual(results.x);
});
