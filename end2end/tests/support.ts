// Shared checks for every page the browser tests visit.
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The email a citizen leaves for a reply in the feedback tests. */
export const PRIVATE_EMAIL = "private.reader.4410@example.org";
let responsesChecked = 0;

/** How many responses the whole suite has checked for the private email so far. */
export function checkedResponses(): number {
  return responsesChecked;
}

/**
 * Playwright's `test`, with every response every test's page receives read
 * and checked: none may contain the email a citizen left for a reply.
 */
export const test = base.extend<{ privateEmailNeverShown: void; everyPageScanned: void }>({
  /**
   * Every HTML page a test's browser navigates to is scanned by axe-core
   * when the test ends, in a second tab of the same session, whether the
   * test scanned it itself or not. axe runs as JavaScript: pages of tests
   * without it are scanned where other tests visit them.
   */
  everyPageScanned: [
    async ({ page, context, javaScriptEnabled }, use) => {
      const visited = new Set<string>();
      page.on("response", (response) => {
        const html = (response.headers()["content-type"] ?? "").startsWith("text/html");
        const request = response.request();
        // Pages a form sent back (a POST's answer) cannot be asked for again.
        const page_ = request.method() === "GET" && request.isNavigationRequest();
        if (html && page_ && response.frame() === page.mainFrame()) {
          visited.add(response.url().split("#")[0]);
        }
      });
      await use();
      if (!javaScriptEnabled) return;
      const scanner = await context.newPage();
      for (const url of visited) {
        await scanner.goto(url);
        await expectAccessible(scanner);
      }
      await scanner.close();
    },
    { auto: true },
  ],
  privateEmailNeverShown: [
    async ({ page }, use) => {
      const leaks: string[] = [];
      const unread: string[] = [];
      const reads: Promise<void>[] = [];
      page.on("response", (response) => {
        const type = response.headers()["content-type"] ?? "";
        if (/wasm|image|font/.test(type)) return;
        // The built files (the bundle, styles, scripts) hold no register data,
        // and Chromium may drop a large one's body before it can be read.
        const path = new URL(response.url()).pathname;
        if (path.startsWith("/pkg/") || path === "/feedback.js") return;
        // A redirect has no body to read: its location is checked where it leads.
        if (response.status() >= 300 && response.status() < 400) return;
        reads.push(
          response
            .text()
            .then((body) => {
              responsesChecked += 1;
              if (body.includes(PRIVATE_EMAIL)) leaks.push(response.url());
            })
            // A response that cannot be read is not proven clean: it fails.
            .catch((error) => {
              unread.push(`${response.url()}: ${error}`);
            }),
        );
      });
      await use();
      await Promise.all(reads);
      expect(leaks, "responses that showed a citizen's private email").toEqual([]);
      expect(unread, "responses that could not be read to check for the private email").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** The password of every account the tests create. */
export const PASSWORD = "a long enough password";

/** Creates an account in the register under test, as an admin would from the terminal. */
export function addAccount(email: string, role: string, name: string, agency?: string) {
  const args = ["user", "add", "--email", email, "--role", role, "--name", name];
  if (agency) args.push("--agency", agency);
  execFileSync(process.env.LANTERN_E2E_BIN!, args, {
    input: `${PASSWORD}\n`,
    env: { ...process.env, LANTERN_DATA_DIR: process.env.LANTERN_E2E_DATA_DIR!, DATABASE_URL: "" },
  });
}

/** Signs in through the sign-in form; ends on /manage (/nl/manage in Dutch). */
export async function signIn(page: Page, email: string, language: "en" | "nl" = "en") {
  const dutch = language === "nl";
  await page.goto(dutch ? "/nl/login" : "/login");
  await page.getByLabel(dutch ? "E-mailadres" : "Email address").fill(email);
  await page.getByLabel(dutch ? "Wachtwoord" : "Password").fill(PASSWORD);
  await page.getByRole("button", { name: dutch ? "Inloggen" : "Sign in" }).click();
  await expect(page).toHaveURL(dutch ? /\/nl\/manage$/ : /\/manage$/);
}

/** Single-line messages of a catalogue, by key. */
function messages(language: string): Map<string, string> {
  const file = path.join(__dirname, "..", "..", "app", "locales", `${language}.ftl`);
  const found = new Map<string, string>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const match = /^([a-z][a-z0-9_-]*) = (.+)$/.exec(line);
    if (match) found.set(match[1], match[2].trim());
  }
  return found;
}

// English sentences of three words or more that Dutch says otherwise: none
// may appear on a Dutch page outside text marked as English.
const dutch = messages("nl");
export const ENGLISH = [...messages("en")]
  .filter(([key, text]) => !text.includes("{") && !text.includes("`") && text.split(" ").length >= 3 && dutch.get(key) !== text)
  .map(([, text]) => text);

/**
 * The page is Dutch, and so is every word of it outside text marked as in
 * another language (records are written in the register's own language,
 * English in the demo, and say so with their `lang`).
 */
export async function expectAllDutch(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const other of body.querySelectorAll('[lang]:not([lang="nl"]), script, style, template')) {
      other.remove();
    }
    return body.textContent ?? "";
  });
  const english = ENGLISH.filter((sentence) => text.includes(sentence));
  expect(english, `English on ${page.url()}`).toEqual([]);
}

/** Errors other than the 4xx answers a test asks for on purpose. */
export function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/status of 4\d\d/.test(e));
}

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
