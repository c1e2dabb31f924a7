// The open data in the browser: the /open-data page explains it and is
// accessible; its links download what they say; the OpenAPI document is
// valid OpenAPI 3.1 (checked by swagger-parser against the official schema,
// with every reference resolved); the exports carry no draft and no email.
import SwaggerParser from "@apidevtools/swagger-parser";
import { expect, expectAccessible, test, unexpected, watchForErrors } from "./support";

test("the open data page explains the downloads, the changes feed and the fields", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Open data" }).click();
  await expect(page).toHaveURL(/\/open-data$/);
  await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
  await expect(page.getByText("lantern export --format ndjson --output register.ndjson")).toBeVisible();
  const fields = page.getByRole("table", { name: "Fields of a system" });
  await expect(fields.getByRole("row", { name: /^stage / })).toContainText("one of: planned, development, pilot, in_use, retired");
  await expect(page.getByRole("table", { name: "Columns of export.csv" }).getByRole("row")).toHaveCount(68);
  // The wide parts scroll, and the keyboard reaches them.
  const region = page.getByRole("region", { name: "Fields of a system" });
  await region.focus();
  await expect(region).toBeFocused();
  await expectAccessible(page);

  // Each download link gives what it says.
  for (const [name, type] of [
    ["export.json", "application/json"],
    ["export.ndjson", "application/x-ndjson"],
    ["export.csv", "text/csv; charset=utf-8"],
  ]) {
    const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status(), name).toBe(200);
    expect(response.headers()["content-type"]).toBe(type);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="lantern-register-\d{4}-\d\d-\d\d\./);
  }
  expect(unexpected(errors)).toEqual([]);
});

test("the OpenAPI document is valid OpenAPI 3.1", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  // Throws, naming the problem, if the document breaks the 3.1 schema or a $ref dangles.
  const api = await SwaggerParser.validate(structuredClone(document));
  expect(Object.keys(api.paths ?? {})).toContain("/api/v1/changes");
});

test("the feeds and the changes link back to the records", async ({ page, request }) => {
  const changes = await (await request.get("/api/v1/changes?limit=5")).json();
  expect(changes.changes.length).toBe(5);
  const feed = await request.get("/feeds/changes.atom");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  // Well-formed XML, as a feed reader parses it.
  const entries = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, "application/xml");
    if (document.getElementsByTagName("parsererror").length > 0) return -1;
    return document.getElementsByTagName("entry").length;
  }, xml);
  expect(entries).toBeGreaterThan(0);
});
