// The widget in a real browser, under the site's Content-Security-Policy, against `npm start`'s server.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import {
  createSiteListener,
  listen,
  localVisitsHandler,
  openVisitsDatabase,
  type SiteServer,
  type VisitsDatabase,
} from "../../scripts/lib/server/static-server.ts";
import { createVisitsHandler } from "../../netlify/edge-functions/lib/visits-handler.ts";

const counterSettings = {
  timeZone: site.timeZone,
  initialTotal: site.counter.initialTotal,
  timeoutMs: site.counter.timeoutMs,
};

const repo = fileURLToPath(new URL("../..", import.meta.url));
// Headless Chrome announces itself and is not counted; readers' browsers do not.
const readerAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

const page = (title: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<script src="/assets/js/visits.js" defer></script></head>
<body><section class="widget widget-visits" aria-labelledby="w-visits">
  <h2 id="w-visits">Thống kê truy cập</h2>
  <dl class="visits" data-visits-endpoint="${site.counter.endpoint}">
    <div><dt>Hôm nay:</dt><dd data-visits="today">—</dd></div>
    <div><dt>Tổng lượt truy cập:</dt><dd data-visits="total">—</dd></div>
  </dl>
</section></body></html>`;

let work: string;
let database: VisitsDatabase;
let server: SiteServer;
let failing: SiteServer;
let browser: Browser;
const methods: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "visits-widget-"));
  const siteDir = path.join(work, "_site");
  await mkdir(path.join(siteDir, "assets/js"), { recursive: true });
  await mkdir(path.join(siteDir, "trang-hai"), { recursive: true });
  await writeFile(path.join(siteDir, "index.html"), page("Trang chủ"));
  await writeFile(path.join(siteDir, "trang-hai/index.html"), page("Trang hai"));
  await writeFile(path.join(siteDir, "assets/js/visits.js"), await readFile(path.join(repo, "assets/js/visits.js")));

  database = await openVisitsDatabase();
  const visits = localVisitsHandler(database.store);
  server = await listen(
    createSiteListener(siteDir, (request) => {
      methods.push(request.method);
      return visits(request);
    }),
  );
  const down = { count: () => Promise.reject(new Error("down")), read: () => Promise.reject(new Error("down")) };
  const broken = createVisitsHandler({ ...counterSettings, store: () => down, onError: () => {} });
  failing = await listen(createSiteListener(siteDir, broken));

  browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    // One process per context (closing a context must not end the browser) and the web's own security.
    args: chromium.args.filter((arg) => arg !== "--single-process" && arg !== "--disable-web-security"),
    headless: true,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await failing?.close();
  await database?.close();
  await rm(work, { recursive: true, force: true });
});

async function widgetText(tab: Page): Promise<[string, string]> {
  return [
    (await tab.textContent('[data-visits="today"]')) ?? "",
    (await tab.textContent('[data-visits="total"]')) ?? "",
  ];
}

function watchViolations(tab: Page): string[] {
  const violations: string[] = [];
  tab.on("console", (message) => {
    if (/Content.Security.Policy|Refused/i.test(message.text())) violations.push(message.text());
  });
  tab.on("pageerror", (error) => violations.push(error.message));
  return violations;
}

describe("visits widget", () => {
  it("POSTs once per session, then GETs, and shows Vietnamese numbers under the CSP", async () => {
    const context = await browser.newContext({ userAgent: readerAgent });
    const tab = await context.newPage();
    const violations = watchViolations(tab);
    try {
      await tab.goto(`${server.url}/`);
      await tab.waitForFunction(() => document.querySelector('[data-visits="total"]')?.textContent !== "—");
      expect(await widgetText(tab)).toEqual(["1", "1.941.996"]);

      await tab.goto(`${server.url}/trang-hai/`);
      await tab.waitForFunction(() => document.querySelector('[data-visits="total"]')?.textContent !== "—");
      expect(await widgetText(tab)).toEqual(["1", "1.941.996"]);
      expect(methods).toEqual(["POST", "GET"]);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("keeps the dashes when the counter fails", async () => {
    const context = await browser.newContext({ userAgent: readerAgent });
    const tab = await context.newPage();
    const violations = watchViolations(tab);
    try {
      const answered = tab.waitForResponse((response) => response.url().endsWith(site.counter.endpoint));
      await tab.goto(`${failing.url}/`);
      expect((await answered).status()).toBe(503);
      await tab.locator('[data-visits-state="failed"]').waitFor({ state: "attached" });
      expect(await widgetText(tab)).toEqual(["—", "—"]);
      expect(violations.filter((text) => !/503/.test(text))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
