/** A real headless Chromium from npm alone (@sparticuz/chromium), or CHROME_PATH when set. */
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";

// Not chromium.args: those are for AWS Lambda (--single-process dies with the first closed context,
// --disable-web-security would hide CORS problems). These keep Chromium off the network, which this machine lacks.
const ARGS = [
  "--no-sandbox",
  "--disable-setuid-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--font-render-hinting=none",
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || (await chromium.executablePath());
  return playwright.launch({ executablePath, args: ARGS, headless: true });
}
