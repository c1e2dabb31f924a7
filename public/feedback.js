// Sends a record's feedback form in place, so the reader stays where they
// are. The server answers as it does without this script (the record page,
// with the confirmation or the problems in the form); its "Questions and
// answers" section takes this one's place, and the focus goes to what it says.
// Anything unexpected, and the form is sent the ordinary way.
"use strict";

function markReady() {
  for (const form of document.querySelectorAll("form.feedback-form")) {
    form.dataset.hydrated = "true";
  }
}

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.matches("form.feedback-form")) return;
  event.preventDefault();
  const button = form.querySelector("button[type=submit]");
  if (button.disabled) return;
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
    });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const answer = page.querySelector("section.feedback");
    const section = form.closest("section.feedback");
    if (!answer || !section || !answer.querySelector("form.feedback-form")) {
      throw new Error("no feedback section in the answer");
    }
    section.replaceWith(document.adoptNode(answer));
    markReady();
    answer.querySelector("#feedback-error-summary, #feedback-message")?.focus();
  } catch {
    form.submit();
  }
});

markReady();
