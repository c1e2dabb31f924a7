// Following by email in the browser, with the real mail server of the run
// (scripts/smtp-sink.py keeps every message in LANTERN_E2E_MAIL_DIR): a
// reader follows an agency, confirms through the link in the message, asks
// again and stops through the link in the reminder. Every page and every
// link of the messages is visited, scanned with axe, and checked for the
// private address (support.ts's `test`), on a phone's width too.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "@playwright/test";
import { PRIVATE_EMAIL as EMAIL, expect, test } from "./support";

test.describe.configure({ mode: "serial" });

type Message = { rcpt_to: string[]; subject: string; text: string | null; headers: [string, string][] };

/** Every message the run's mail server took for the private address. */
function messages(): Message[] {
  const folder = process.env.LANTERN_E2E_MAIL_DIR!;
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".json") && !name.startsWith("."))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as Message)
    .filter((message) => message.rcpt_to.includes(EMAIL));
}

/** Waits for a message whose subject starts with `subject`; returns it. */
async function awaitMessage(subject: string): Promise<Message> {
  await expect
    .poll(() => messages().filter((m) => m.subject.startsWith(subject)).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  return messages().filter((m) => m.subject.startsWith(subject)).at(-1)!;
}

/** The register's links in a message, as paths. */
function links(message: Message): string[] {
  const found = (message.text ?? "").match(/https?:\/\/127\.0\.0\.1:\d+\/[^\s>]*/g) ?? [];
  return found.map((url) => {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  });
}

/** Opens every link, reading each page whole before the next. */
async function visitEvery(page: Page, paths: string[]) {
  for (const link of paths) {
    const response = await page.goto(link);
    expect(response?.status(), link).toBeLessThan(400);
    expect(await response?.text(), link).not.toContain(EMAIL);
  }
}

test("a reader follows an agency by email and confirms through the link", async ({ page }) => {
  await page.goto("/agencies/tax-office");
  await page.getByRole("link", { name: "Follow by email" }).click();
  await expect(page).toHaveURL(/\/follow\?agency=tax-office$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Follow the agency");

  // Sent without an address: the problem is named and linked to the field.
  await page.getByLabel("Your email address").evaluate((input) => input.removeAttribute("required"));
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter an email address");

  await page.getByLabel("Your email address").fill(EMAIL);
  await page.getByLabel("One email a day").check();
  await page.getByLabel("Your email address").press("Enter");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page).toHaveURL(/sent=1$/);

  const confirmation = await awaitMessage("Confirm: follow the agency");
  const confirm = links(confirmation).find((link) => link.startsWith("/follow/confirm?token="));
  expect(confirm, confirmation.text ?? "").toBeTruthy();
  // Opening the link changes nothing; the button does.
  await page.goto(confirm!);
  await page.getByRole("button", { name: "Yes, send me these emails" }).click();
  await expect(page.getByRole("status")).toContainText("You follow the agency");
  await visitEvery(page, links(confirmation));
});

test("asking again tells nothing new; the reminder's link stops the emails", async ({ page }) => {
  await page.goto("/follow?agency=tax-office");
  await page.getByLabel("Your email address").fill(EMAIL);
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  const reminder = await awaitMessage("You already follow the agency");
  expect(reminder.headers.find(([name]) => name === "List-Unsubscribe-Post")?.[1]).toBe("List-Unsubscribe=One-Click");
  const stop = links(reminder).find((link) => link.startsWith("/follow/unsubscribe?token="));
  expect(stop, reminder.text ?? "").toBeTruthy();
  await visitEvery(page, links(reminder));
  await page.goto(stop!);
  await page.getByRole("button", { name: "Stop the emails" }).click();
  await expect(page.getByRole("status")).toContainText("your address is deleted");
  // The link now leads to a page that says so, with 410.
  const again = await page.goto(stop!);
  expect(again?.status()).toBe(410);
  await expect(page.getByText("no longer exists")).toBeVisible();
});

test("a search is followed from its results, and has a feed", async ({ page }) => {
  await page.goto("/systems?agency=tax-office&sort=name");
  const feed = page.getByRole("link", { name: "Atom feed of this search" });
  await expect(feed).toHaveAttribute("href", "/feeds/changes.atom?agency=tax-office");
  const xml = await page.request.get("/feeds/changes.atom?agency=tax-office");
  expect(xml.status()).toBe(200);
  expect(await xml.text()).toContain("the search “agency: tax-office”</title>");
  await page.getByRole("link", { name: "Follow this search by email" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Follow the search “agency: tax-office” by email");
  await page.getByLabel("Your email address").fill(EMAIL);
  await page.getByLabel("Your email address").press("Enter");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const confirmation = await awaitMessage("Confirm: follow the search");
  await visitEvery(page, links(confirmation));
});

test("the follow pages fit a 320 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const address of [
    "/follow?agency=tax-office",
    "/nl/follow?agency=tax-office",
    "/follow?search=q%3Dbenefit%2520fraud%2520detection%26agency%3Dtax-office%26risk_level%3Dhigh",
    "/follow/confirm?token=nonsense",
  ]) {
    await page.goto(address);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, address).toBeLessThanOrEqual(320);
  }
});
