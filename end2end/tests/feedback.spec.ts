// Citizen feedback in the browser: a citizen asks a question without
// JavaScript and with it; nothing shows until a moderator approves; the
// owning agency's editor answers and the answer shows as official; another
// agency's editor cannot answer. The email the citizen leaves never appears
// in any response of the whole suite (checked by support.ts's `test`).
// Every page visited is scanned with axe.
import {
  PRIVATE_EMAIL as EMAIL,
  addAccount,
  checkedResponses,
  expect,
  expectAccessible,
  signIn,
  test,
  unexpected,
  watchForErrors,
} from "./support";

test.describe.configure({ mode: "serial" });

const NO_JS_QUESTION = "Who reviews a return before the office writes to me? marigold";
const JS_QUESTION = "How long is the scoring data kept? peppercorn";
let systemPath = "";
test.beforeAll(async ({ request }) => {
  addAccount("moderator@feedback.example", "moderator", "Mo Moderator");
  addAccount("answers@tax.example", "editor", "Tess Tax", "tax-office");
  addAccount("editor@police.example", "editor", "Pat Police", "police");
  addAccount("admin@feedback.example", "admin", "Ada Admin");
  const found = await (await request.get("/api/v1/systems?agency=tax-office")).json();
  systemPath = `/systems/${found.hits[0].id}`;
});

// axe needs JavaScript: the same pages are scanned in the tests with it.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen asks a question; it waits for a moderator", async ({ page }) => {
    await page.goto(systemPath);
    await expect(page.getByRole("heading", { name: "Questions and answers" })).toBeVisible();

    // Sent empty: the problem is named, linked to the field; the page says
    // "Error:" in its title and focuses the summary (which scrolls to the form).
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("alert")).toContainText("Write your message");
    await expect(page).toHaveURL(/\/feedback$/);
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator("#feedback-error-summary")).toBeFocused();

    await page.getByLabel("A question about this system").check();
    await page.getByLabel("Your message").fill(NO_JS_QUESTION);
    await page.getByLabel("Your name (optional)").fill("Noor");
    await page.getByLabel("Your email address (optional)").fill(EMAIL);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page).toHaveURL(/\?feedback=pending#feedback$/);
    await expect(page.getByRole("status")).toContainText("A moderator will read your message");
    await expect(page.getByText("marigold")).toHaveCount(0);
  });
});

test("with JavaScript, the form sends in place; still nothing shows before approval", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto(systemPath);
  const form = page.locator("form.feedback-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  const address = page.url();

  await page.getByRole("button", { name: "Send" }).click();
  await expect(form.getByRole("alert")).toContainText("Write your message");
  await expect(page.locator("#feedback-error-summary")).toBeFocused();
  await expectAccessible(page);

  await page.getByLabel("Your message").fill(JS_QUESTION);
  await page.getByLabel("Your email address (optional)").fill(EMAIL);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(form.getByRole("status")).toContainText("A moderator will read your message");
  await expect(page.locator("#feedback-message")).toBeFocused();
  expect(page.url()).toBe(address);
  await expect(page.getByLabel("Your message")).toHaveValue("");
  await page.reload();
  await expect(page.getByText("peppercorn")).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
});

test("a moderator approves both; they appear on the record", async ({ page }) => {
  await signIn(page, "moderator@feedback.example");
  await page.getByRole("link", { name: "The moderation queue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Citizen feedback");
  await expect(page.getByText("marigold")).toBeVisible();
  await expect(page.getByText("peppercorn")).toBeVisible();
  await expectAccessible(page);
  for (const words of ["marigold", "peppercorn"]) {
    await page.locator(".queue-item", { hasText: words }).getByRole("button", { name: "Publish" }).click();
    await expect(page.locator(".queue-item", { hasText: words })).toHaveCount(0);
  }
  await page.goto(systemPath);
  await expect(page.getByText("marigold")).toBeVisible();
  await expect(page.getByText("peppercorn")).toBeVisible();
  await expect(page.getByText("Noor")).toBeVisible();
});

test("Enter in a moderator's note hides; publishing personal data takes a tick", async ({ page }) => {
  const sent = await page.request.post(`/api/v1${systemPath}/feedback`, {
    data: { kind: "error", body: "Wrong letter again, call me on 06-12345678 lavender" },
  });
  expect(sent.status()).toBe(202);
  await signIn(page, "moderator@feedback.example");
  await page.goto("/manage/feedback");
  const item = page.locator(".queue-item", { hasText: "lavender" });
  await expect(item).toContainText("It may contain personal data");
  await item.getByLabel("Note for other moderators (optional)").fill("holds a phone number");
  await item.getByLabel("Note for other moderators (optional)").press("Enter");
  await expect(page.getByRole("status")).toContainText(/Hid comment \d+ \(Error report on .*\): personal data\./);
  await expectAccessible(page);
  await page.goto(systemPath);
  await expect(page.getByText("lavender")).toHaveCount(0);

  // Publishing it without the tick is refused, and says why.
  await page.goto("/manage/feedback?show=hidden");
  const hidden = page.locator(".queue-item", { hasText: "lavender" });
  await hidden.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert")).toContainText("It may contain personal data: read it");
  await expectAccessible(page);
  await page.goto(systemPath);
  await expect(page.getByText("lavender")).toHaveCount(0);

  // Ticked, it is published; then taken down again from the same queue.
  await page.goto("/manage/feedback?show=hidden");
  await page.locator(".queue-item", { hasText: "lavender" }).getByLabel(/I have read it/).check();
  await page.locator(".queue-item", { hasText: "lavender" }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published comment");
  await page.goto("/manage/feedback?show=published");
  const published = page.locator(".queue-item", { hasText: "lavender" });
  await published.getByLabel("Reason").selectOption("personal_data");
  await published.getByRole("button", { name: "Take it down" }).click();
  await expect(page.getByRole("status")).toContainText("Took down comment");
  await page.goto(systemPath);
  await expect(page.getByText("lavender")).toHaveCount(0);
});

test("the owning agency's editor answers; the answer shows as official", async ({ page }) => {
  await signIn(page, "answers@tax.example");
  // The dashboard says how many wait, and leads to them.
  await page.getByRole("link", { name: "2 questions from the public wait for an answer" }).click();
  await expect(page.getByText("2 waiting for an answer")).toBeVisible();
  await expectAccessible(page);
  const item = page.locator(".queue-item", { hasText: "marigold" });
  await item.getByLabel("Answer").fill("A tax inspector reads every selected return before we write to you.");
  await item.getByRole("button", { name: "Publish the answer" }).click();
  await expect(page.getByText("1 waiting for an answer")).toBeVisible();

  await page.goto(systemPath);
  const answer = page.locator(".comment", { hasText: "marigold" }).locator(".official-answer");
  await expect(answer).toContainText("Official answer from Northvale Tax Office");
  await expect(answer).toContainText("A tax inspector reads every selected return");
  await expectAccessible(page);
  await page.goto("/agencies/tax-office");
  await expect(page.locator(".facts")).toContainText("1 of 2");
  await expectAccessible(page);
});

test("another agency's editor cannot answer: the server refuses", async ({ page }) => {
  await signIn(page, "editor@police.example");
  const csrf = await page.locator('input[name="csrf_token"]').first().getAttribute("value");
  const listing = await page.request.get(`/api/v1${systemPath}/feedback`);
  expect(await listing.text()).not.toContain(EMAIL);
  const listed = await listing.json();
  const question = listed.feedback.find((c: { body: string }) => c.body.includes("peppercorn"));
  await page.goto("/manage/answers");
  await expect(page.getByText("peppercorn")).toHaveCount(0);
  const refused = await page.request.post(`/manage/answers/${question.id}`, {
    form: { answer: "Not ours to answer", csrf_token: csrf! },
  });
  expect(refused.status()).toBe(403);
  const after = await (await page.request.get(`/api/v1${systemPath}/feedback`)).json();
  expect(after.feedback.find((c: { id: number }) => c.id === question.id).answer).toBeNull();
});

test("the admin's settings page, and the email never appeared anywhere", async ({ page }) => {
  await signIn(page, "admin@feedback.example");
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await expectAccessible(page);
  await page.getByLabel("Reports that hide a comment").fill("0");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByRole("alert")).toContainText("must be a whole number from 1 to 100");
  await expectAccessible(page);
  await page.goto("/manage/feedback?show=published");
  await expect(page.getByText("peppercorn")).toBeVisible();
  await page.goto("/agencies");
  await expectAccessible(page);

  // The open data holds the published questions' systems but never an email.
  for (const uri of [
    "/api/v1/export.json",
    "/api/v1/export.ndjson",
    "/api/v1/export.csv",
    "/api/v1/changes?limit=500",
    "/feeds/changes.atom",
    "/agencies/tax-office/feed.atom",
    `/api/v1${systemPath}/feedback`,
  ]) {
    const response = await page.request.get(uri);
    expect(response.status(), uri).toBe(200);
    expect(await response.text(), uri).not.toContain(EMAIL);
  }

  // Every response of every test is checked by the suite's `test` (support.ts).
  expect(checkedResponses()).toBeGreaterThan(20);
});
