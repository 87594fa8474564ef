/** A real headless Chromium from npm alone (@sparticuz/chromium), or CHROME_PATH when set. */
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || (await chromium.executablePath());
  return playwright.launch({
    executablePath,
    // Keep Chromium off the network: this machine reaches nothing but loopback.
    args: [...chromium.args, "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    headless: true,
  });
}
