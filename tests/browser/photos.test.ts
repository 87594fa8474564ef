import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/lib/build.ts";
import { createSiteListener, listen, localVisitsHandler, openVisitsDatabase, type SiteServer, type VisitsDatabase } from "../../scripts/lib/server/static-server.ts";
import { axeViolations } from "../helpers/axe.ts";
import { horizontalOverflow, launchBrowser, openWatched } from "../helpers/browser.ts";

const LEAD_URL = "/tin-tuc/hoi-nghi-co-anh/";
const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 900 },
];

/** Layout shifts recorded since the page started, as Chrome counts them for CLS (without recent input). */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          const entries = list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[];
          resolve(entries.filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0));
        }).observe({ type: "layout-shift", buffered: true });
        // With no shift at all the observer never fires: a frame later, the buffer is known to be empty.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(0)));
      }),
  );
}

describe("photo pages in a real browser", () => {
  let root: string;
  let database: VisitsDatabase;
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "toa-soan-photo-pages-"));
    await cp(path.resolve("tests/fixtures/photos"), path.join(root, "content"), { recursive: true });
    const now = DateTime.fromISO("2024-06-12T10:00:00+07:00", { setZone: true });
    await build({ content: path.join(root, "content"), out: path.join(root, "out"), search: false, now, imageCache: path.join(root, "cache") });
    database = await openVisitsDatabase();
    server = await listen(createSiteListener(path.join(root, "out"), localVisitsHandler(database.store)));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
    await rm(root, { recursive: true, force: true });
  });

  for (const url of ["/", LEAD_URL]) {
    for (const size of WIDTHS) {
      it(`${url} at ${size.width} px: WCAG 2.1 AA, no overflow, no layout shift, AVIF photos, nothing third-party`, async () => {
        const { page, problems, foreign, close } = await openWatched(browser, server.url, url, { viewport: { width: size.width, height: size.height } });

        expect(await axeViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await layoutShift(page)).toBeLessThan(0.05);
        const lead = await page.evaluate(() => {
          const img = document.querySelector<HTMLImageElement>('img[fetchpriority="high"]')!;
          return { src: img.currentSrc, width: img.naturalWidth, shown: img.getBoundingClientRect().width };
        });
        expect(lead.src).toMatch(/\.avif$/);
        // The browser picked a file at least as wide as the photo is drawn, and not wildly wider.
        expect(lead.width).toBeGreaterThanOrEqual(lead.shown);
        expect(lead.width).toBeLessThanOrEqual(Math.max(640, lead.shown * 2));
        expect(problems).toEqual([]);
        expect(foreign).toEqual([]);
        await close();
      });
    }
  }

  it("copies the article's address with the share button and says so", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page = await context.newPage();
    await page.goto(server.url + LEAD_URL);
    // The status line's next change, awaited as an event.
    const announced = page.evaluate(
      () =>
        new Promise<string | null>((resolve) => {
          const status = document.querySelector(".copy-status")!;
          new MutationObserver(() => resolve(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
        }),
    );
    await page.locator(".copy-link").click();
    expect(await announced).toBe("Đã sao chép liên kết bài viết.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://sokhcn.netlify.app${LEAD_URL}`);
    await context.close();
  });

  it("hides the copy button without JavaScript, keeping the share links", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + LEAD_URL);
    expect(await page.locator(".copy-link").isVisible()).toBe(false);
    expect(await page.locator(".share-links a").allTextContents()).toEqual(["Facebook", "Zalo"]);
    await context.close();
  });
});
