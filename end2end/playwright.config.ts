// Browser tests run Debian's Chromium against a fresh Lantern with the demo register.
import { defineConfig } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const port = Number(process.env.LANTERN_E2E_PORT ?? 3005);
// A new, empty data directory per run: the server seeds the demo into it.
// Workers read this file again: they reuse the directory the main process made.
const dataDir =
  process.env.LANTERN_E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "lantern-e2e-"));
const binary = process.env.LANTERN_BIN ?? "target/debug/lantern";
// A real mail server for the run (scripts/smtp-sink.py, Debian's aiosmtpd):
// it keeps every message Lantern sends in this folder, for the tests to read.
const smtpPort = Number(process.env.LANTERN_E2E_SMTP_PORT ?? port + 1);
const mailDir = path.join(dataDir, "mail");
process.env.LANTERN_E2E_MAIL_DIR = mailDir;
// The tests create accounts in the same register, with `lantern user add`.
process.env.LANTERN_E2E_DATA_DIR = dataDir;
process.env.LANTERN_E2E_BIN = path.resolve(__dirname, "..", binary);

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `${process.env.LANTERN_TEST_SMTP_PYTHON ?? "/usr/bin/python3"} scripts/smtp-sink.py --port ${smtpPort} --folder ${mailDir}`,
      cwd: "..",
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `${binary} serve --demo --addr 127.0.0.1:${port}`,
      cwd: "..",
      url: `http://127.0.0.1:${port}/healthz`,
      env: {
        LANTERN_DATA_DIR: dataDir,
        DATABASE_URL: "",
        LANTERN_LOG: "warn",
        // English (the default) and Dutch: the suite walks the main journeys in both.
        LANTERN_LANGUAGES: "en,nl",
        LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? "target/site",
        LANTERN_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        LANTERN_MAIL_FROM: "Lantern test <register@example.gov>",
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
