// The sign-in page: accessible, and a wrong sign-in shows the form again with
// the problem named, linked from an error summary, and the email kept.
import { expect, test, expectAccessible, watchForErrors } from "./support";

test("a wrong sign-in is explained on an accessible form", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expectAccessible(page);

  await page.getByLabel("Email address").fill("nobody@register.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The email or password is not right");
  await expect(page.getByLabel("Email address")).toHaveValue("nobody@register.example");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expectAccessible(page);

  // Signed out, /manage sends people to sign in.
  await page.goto("/manage");
  await expect(page).toHaveURL(/\/login$/);
  // The wrong sign-in is answered 401 on purpose; the browser logs that.
  expect(errors.filter((e) => !e.includes("status of 401"))).toEqual([]);
});
