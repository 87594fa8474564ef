/** A real headless Chromium from npm alone (@sparticuz/chromium), or CHROME_PATH when set. */
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

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

export interface WatchedPage {
  page: Page;
  /** Console errors (CSP violations included) and uncaught page errors: must stay empty. */
  problems: string[];
  /** Requests to any origin but `origin` (data: URLs aside): must stay empty. */
  foreign: string[];
  close(): Promise<void>;
}

/** Opens `origin + url` in a new context and records what a clean page must not produce. */
export async function openWatched(browser: Browser, origin: string, url: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: "vi-VN", ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const foreign: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.goto(origin + url, { waitUntil: "networkidle" });
  return { page, problems, foreign, close: () => context.close() };
}

/** Pixels the page is wider than the viewport: more than 0 means a horizontal scroll on that screen. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
