// Publishing in the browser: an editor files a system (with and without
// JavaScript), previews it, publishes it, edits it and sees the change in the
// public history; an auditor records an audit; tokens, import and the admin
// pages. Every page visited is scanned with axe.
//
// This file runs last (files run in name order, one worker): it adds to the
// demo register, whose counts the other files check.
import { expect, test, addAccount, expectAccessible, expectAllDutch, signIn, unexpected, watchForErrors } from "./support";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  addAccount("editor@tax.example", "editor", "Eda Editor", "tax-office");
  addAccount("auditor@oversight.example", "auditor", "Office of Algorithm Oversight");
  addAccount("admin@register.example", "admin", "Register admin");
  addAccount("moderator@register.example", "moderator", "Marit Moderator");
});

test("an editor files, previews, publishes and edits a system; the history shows the change", async ({ page }) => {
  const errors = watchForErrors(page);
  await signIn(page, "editor@tax.example");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manage the register");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a system" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a system");
  await expectAccessible(page);

  // Sent empty: an error summary linking to each wrong field.
  await page.getByRole("button", { name: "Save draft" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Name: Must not be empty");
  await expect(summary).toContainText("Summary: Must not be empty");
  // In the form's order, in the words it shows: never a stable name like in_use.
  const problems = await summary.getByRole("link").allTextContents();
  expect(problems.map((p) => p.split(":")[0])).toEqual(["Name", "Summary", "Stage", "Topic"]);
  await expect(summary).toContainText("Stage: Choose one of: Planned, In development, Pilot, In use, Retired");
  await expect(summary).not.toContainText("in_use");
  await expectAccessible(page);
  await summary.getByRole("link", { name: /^Name/ }).click();
  await expect(page.locator("#name")).toBeFocused();

  await page.locator("#name").fill("Parcel scanning assistant");
  await page.locator("#summary").fill("Reads customs declarations on parcels and flags the ones a person should open.");
  await page.locator("#stage").selectOption("pilot");
  await page.locator("#topic").selectOption("tax");
  await page.getByLabel("Natural language processing").check();

  // The live preview renders markdown as the public page will.
  await expect(page.locator("#purpose-preview")).toHaveAttribute("data-hydrated", "true");
  await page.locator("#purpose").fill("Find **undeclared goods** sooner.\n\n- fewer delays");
  await expect(page.locator("#purpose-preview strong")).toHaveText("undeclared goods");
  await expect(page.locator("#purpose-preview li")).toHaveText("fewer delays");

  // The advice beside the save button follows the form as it is filled:
  // how complete the record will be, and how plain its texts are.
  const advice = page.getByRole("region", { name: "Check before you save" });
  const completeness = advice.locator(".form-advice-completeness");
  await expect(completeness).toContainText(/\d+ of \d+ expected fields filled; missing: .*legal basis/);
  const before = await completeness.textContent();
  await page.locator("#legal_basis").fill("The Customs Act 2019, section 12, lets officers open parcels.");
  await expect(completeness).not.toHaveText(before!);
  await expect(completeness).not.toContainText("legal basis");
  await page.locator("#how_it_works").fill(
    "The organisational implementation of algorithmic prioritisation methodologies necessitates " +
      "comprehensive institutional accountability considerations regarding proportionality, " +
      "explicability and the administrative responsibilities of the operational departments concerned " +
      "with the individualised determinations of every customs declaration.",
  );
  await expect(advice).toContainText(/How it works: reading ease \d+, below 60/);
  await expect(advice).toContainText("one sentence is over 25 words");
  await expect(advice).toContainText("long words: organisational");
  // Advice, not a block: the link leads to the text, and saving still works (below).
  await advice.getByRole("link", { name: "How it works" }).click();
  await expect(page.locator("#how_it_works")).toBeFocused();
  await page.locator("#how_it_works").fill("We look at the weight of each parcel. We look at where it came from. A person decides.");
  await expect(advice).not.toContainText("How it works: reading ease");
  await expectAccessible(page);

  // Enter in a field saves the draft (not "Add another data set", the first visible button).
  await page.locator("#unit").press("Enter");
  await expect(page).toHaveURL(/\/manage\/systems\/[0-9a-z]+$/);
  await expect(page.getByText("Not published yet")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Preview of the draft" })).toBeVisible();
  await expect(page.locator(".preview-frame strong")).toHaveText("undeclared goods");
  await expectAccessible(page);
  const desk = page.url();

  await page.getByRole("button", { name: "Publish the draft" }).click();
  await expect(page.getByText("Published: version 1")).toBeVisible();
  await page.getByRole("link", { name: "Public page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Parcel scanning assistant");
  await expectAccessible(page);

  // An edit becomes version 2; the history compares it with version 1.
  await page.goto(desk);
  await page.getByRole("link", { name: "Edit the record" }).click();
  await expect(page.locator("#name")).toHaveValue("Parcel scanning assistant");
  await page.locator("#stage").selectOption("in_use");
  await page.locator("#change_summary").fill("Now in use at every sorting centre.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Publish the draft" }).click();
  await expect(page.getByText("Published: version 2")).toBeVisible();
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("cell", { name: "Now in use at every sorting centre." })).toBeVisible();
  await expect(page.getByText("1 field changed")).toBeVisible();
  await expect(page.locator("#changed-stage")).toHaveText("Stage");
  await expect(page.locator(".diff del")).toHaveText("Pilot");
  await expect(page.locator(".diff ins")).toHaveText("In use");
  await expectAccessible(page);
  expect(unexpected(errors)).toEqual([]);
});

// axe needs JavaScript to run: the same form, with problems, is scanned above.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form works, lists grow by a button, and problems come back with what was typed", async ({ page }) => {
    await signIn(page, "editor@tax.example");
    await page.goto("/manage/systems/new");
    await page.locator("#name").fill("Refund letter checker");
    await page.locator("#summary").fill("Checks refund letters for missing facts before they are sent.");
    await page.locator("#stage").selectOption("in_use");
    await page.locator("#topic").selectOption("tax");
    await page.locator("#data-0--name").fill("Refund letters");
    await page.getByRole("button", { name: "Add another data set" }).click();
    await expect(page.getByRole("group", { name: "Data set 2" })).toBeVisible();
    await expect(page.locator("#data-0--name")).toHaveValue("Refund letters");
    // Withholding without a reason is refused, naming the field.
    await page.locator("#withheld-0--field").selectOption("supplier");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("alert")).toContainText("Withheld field 1 reason");
    await expect(page.locator("#name")).toHaveValue("Refund letter checker");
    // The advice is written by the server for what was typed.
    await expect(page.locator(".form-advice-completeness")).toContainText(/\d+ of \d+ expected fields filled; missing:/);
    await page.locator("#withheld-0--reason").fill("Commercial confidence until the contract ends.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByRole("heading", { name: "Preview of the draft" })).toBeVisible();
    await expect(page.locator(".preview-frame")).toContainText("Commercial confidence until the contract ends.");
    // Changed their mind: the draft of a system never published goes, and so does the system.
    const desk = page.url();
    await page.getByRole("button", { name: "Discard the draft" }).click();
    await expect(page).toHaveURL(/\/manage$/);
    await expect(page.getByText("Refund letter checker")).toHaveCount(0);
    expect((await page.request.get(desk)).status()).toBe(404);
  });
});

test("the dashboard says what waits; retiring takes a tick", async ({ page }) => {
  const errors = watchForErrors(page);
  await signIn(page, "editor@tax.example");
  const waiting = page.getByRole("list", { name: "Waiting for your agency" });
  await expect(waiting).toContainText(/for an answer/);
  await expect(waiting).toContainText(/for approval/);
  await page.getByRole("link", { name: "Parcel scanning assistant" }).click();
  await expect(page.getByLabel("Retired on")).toBeVisible();
  // A date hint the date picker agrees with.
  await expect(page.locator("#retired_on-hint")).toHaveText("For example 31 March 2025.");
  await page.getByLabel("Retired on").fill("2026-11-30");
  // In a hurry: the button without the tick retires nothing.
  await page.getByRole("button", { name: "Retire this system" }).click();
  await expect(page.getByRole("alert")).toContainText("Confirm retirement: Tick the box to confirm that this system is retired");
  await expect(page.getByLabel("Retired on")).toHaveValue("2026-11-30");
  await expectAccessible(page);
  await page.getByLabel(/^Yes, retire “Parcel scanning assistant”/).check();
  await page.getByRole("button", { name: "Retire this system" }).click();
  await expect(page.getByText("Published: version 3")).toBeVisible();
  await expect(page.getByRole("button", { name: "Retire this system" })).toHaveCount(0);
  expect(unexpected(errors)).toEqual([]);
});

test("an auditor records an audit; the record shows it with the auditor's name", async ({ page }) => {
  const errors = watchForErrors(page);
  await signIn(page, "auditor@oversight.example");
  await page.goto("/systems?q=parcel+scanning");
  await page.getByRole("link", { name: "Parcel scanning assistant" }).first().click();
  await page.getByRole("link", { name: "Record an audit of this system" }).click();
  await expect(page.getByRole("heading", { name: "Record an audit" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Date of the audit").fill("2026-11-02");
  await page.getByLabel("Outcome").selectOption("passed_with_findings");
  await page.getByLabel("Findings").fill("Appeals are slow.");
  // A due date before the audit: the form comes back with the problem and what was typed.
  await page.getByLabel("Next audit due").fill("2026-01-01");
  await page.getByRole("button", { name: "Record the audit" }).click();
  await expect(page.getByRole("alert")).toContainText("Next audit due: Must be after the date of the audit");
  await expect(page.getByLabel("Findings")).toHaveValue("Appeals are slow.");
  await expect(page.getByLabel("Next audit due")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Next audit due").fill("2027-11-02");
  await page.getByRole("button", { name: "Record the audit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Parcel scanning assistant");
  await expect(page.locator(".at-a-glance")).toContainText("Passed with findings by Office of Algorithm Oversight on 2 November 2026");
  await expectAccessible(page);
  expect(unexpected(errors)).toEqual([]);
});

test("tokens are shown once; import and the admin pages are accessible", async ({ page }) => {
  const errors = watchForErrors(page);
  await signIn(page, "editor@tax.example");
  await page.goto("/manage/tokens");
  await expectAccessible(page);
  await page.getByLabel("What it is for").fill("Inventory sync");
  await page.getByLabel("Publish: publishes what it writes").check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status")).toContainText("shown only this once");
  await expect(page.locator("code.token")).toHaveText(/^lantern_[0-9a-f]{64}$/);
  await expectAccessible(page);
  await page.goto("/manage/tokens");
  await expect(page.locator("code.token")).toHaveCount(0);
  await page.getByRole("button", { name: /^Revoke token/ }).first().click();
  await expect(page.getByRole("cell", { name: /^Revoked/ })).toBeVisible();

  await page.goto("/manage/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import your inventory");
  await expectAccessible(page);

  // The editor chooses the reminders they get, from /manage.
  await page.goto("/manage");
  await page.getByRole("link", { name: "Email from Lantern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Email from Lantern");
  await expectAccessible(page);
  const questions = page.getByLabel("when questions to my agency have waited too long for an answer");
  await expect(questions).toBeChecked();
  await questions.focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByRole("status")).toContainText("Your email choices are saved.");
  await page.goto("/manage/email");
  await expect(questions).not.toBeChecked();
  await expect(page.getByLabel("when drafts of my agency wait for an approver")).toBeChecked();

  await signIn(page, "admin@register.example");
  for (const [path, heading] of [
    ["/manage/agencies", "Agencies"],
    ["/manage/accounts", "Accounts"],
    ["/manage/password", "Change your password"],
    ["/manage/email", "Email from Lantern"],
    ["/manage/log", "Audit log"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectAccessible(page);
  }
  await expect(page.locator(".log")).toContainText("Published version 2 of “Parcel scanning assistant”");
  expect(unexpected(errors)).toEqual([]);
});

// The staff's journeys in Dutch: every page and every answer of the server
// in Dutch, and no English sentence of the catalogue on the way.
test.describe("in Dutch", () => {
  let systemPath = "";

  test("an editor files a record, is told what is wrong in Dutch, and publishes it", async ({ page }) => {
    await signIn(page, "editor@tax.example", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Het register beheren");
    await expectAllDutch(page);
    await page.getByRole("link", { name: "Een systeem toevoegen" }).click();
    await expect(page).toHaveURL(/\/nl\/manage\/systems\/new$/);
    await expectAllDutch(page);

    await page.getByRole("button", { name: "Concept opslaan" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Naam: Mag niet leeg zijn");
    await expect(summary).toContainText("Fase: Kies een van:");
    await expectAllDutch(page);

    await page.locator("#name").fill("Routeplanner voor afvalinzameling");
    await page.locator("#summary").fill("Plant de routes van de vuilniswagens op basis van sensoren in containers.");
    await page.locator("#stage").selectOption("pilot");
    await page.locator("#topic").selectOption("tax");
    // Enter saves, and the server's redirect stays in Dutch.
    await page.locator("#unit").press("Enter");
    await expect(page).toHaveURL(/\/nl\/manage\/systems\/[0-9a-z]+$/);
    await expect(page.getByText("Nog niet gepubliceerd")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Voorbeeld van het concept" })).toBeVisible();
    await expectAllDutch(page);

    await page.getByRole("button", { name: "Het concept publiceren" }).click();
    await expect(page.getByText("Gepubliceerd: versie 1")).toBeVisible();
    await expectAllDutch(page);
    systemPath = new URL(page.url()).pathname.replace("/nl/manage", "");

    // Written on a Dutch page, the record is in Dutch: its English page says
    // there is no English translation, and marks the Dutch text as Dutch.
    await page.goto(systemPath);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator(".language-note")).toHaveText("Not available in English; shown in Dutch.");
    await expect(page.locator('h1[lang="nl"]')).toHaveText("Routeplanner voor afvalinzameling");
  });

  test("a moderator publishes a question and the agency answers it", async ({ page }) => {
    const sent = await page.request.post(`/api/v1${systemPath}/feedback?lang=nl`, {
      data: { kind: "question", body: "Hoe lang bewaart u de meetgegevens van de containers? krokus" },
    });
    expect(sent.status()).toBe(202);

    await signIn(page, "moderator@register.example", "nl");
    await expectAllDutch(page);
    await page.getByRole("link", { name: "De moderatiewachtrij" }).click();
    await expect(page).toHaveURL(/\/nl\/manage\/feedback$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reacties van burgers");
    await expectAllDutch(page);
    await page.locator(".queue-item", { hasText: "krokus" }).getByRole("button", { name: "Publiceren" }).click();
    await expect(page.getByRole("status")).toContainText("gepubliceerd");
    await expectAllDutch(page);

    await signIn(page, "editor@tax.example", "nl");
    await page.getByRole("link", { name: /(vraag|vragen) van het publiek (wacht|wachten) op een antwoord/ }).click();
    await expect(page).toHaveURL(/\/nl\/manage\/answers$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vragen van het publiek");
    await expectAllDutch(page);
    const item = page.locator(".queue-item", { hasText: "krokus" });
    await item.getByRole("button", { name: "Het antwoord publiceren" }).click();
    await expect(page.getByRole("alert")).toContainText("Schrijf het antwoord");
    await expectAllDutch(page);
    await page.locator(".queue-item", { hasText: "krokus" }).getByLabel("Antwoord").fill("Wij bewaren de meetgegevens twee jaar.");
    await page.locator(".queue-item", { hasText: "krokus" }).getByRole("button", { name: "Het antwoord publiceren" }).click();
    await expect(page).toHaveURL(/\/nl\/manage\/answers/);
    await expectAllDutch(page);

    await page.goto(`/nl${systemPath}`);
    const answer = page.locator(".comment", { hasText: "krokus" }).locator(".official-answer");
    await expect(answer).toContainText("Officieel antwoord van");
    await expect(answer).toContainText("Wij bewaren de meetgegevens twee jaar.");
    await expectAllDutch(page);
  });
});
