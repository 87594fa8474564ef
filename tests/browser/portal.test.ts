// The portal's pages and the menu in real Chromium: WCAG 2.1 AA at phone and desktop widths, the phone header's
// height, the menu by keyboard without JavaScript, and printing.
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { site as settings } from "../../site.config.ts";
import { createSiteListener, listen, localVisitsHandler, openVisitsDatabase, type SiteServer, type VisitsDatabase } from "../../scripts/lib/server/static-server.ts";
import { axeViolations } from "../helpers/axe.ts";
import { horizontalOverflow, launchBrowser, openWatched } from "../helpers/browser.ts";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const SEED_URL = "/tin-tuc/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020/";
const PAGES = [
  "/gioi-thieu/", "/gioi-thieu/co-cau-to-chuc/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/nguoi-phat-ngon/", "/lien-he/",
  "/thu-tuc-hanh-chinh/", "/so-do-trang/", "/nhan-tin-moi/", "/en/", "/en/organisation/", "/en/leadership/", "/en/contact/",
];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
/** The phone header's budget, menu closed: the article starts within the first screen. */
const HEADER_BUDGET = 120;

describe("the portal in a real browser", () => {
  let built: BuiltSite;
  let database: VisitsDatabase;
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    built = await buildFixture(path.resolve("tests/fixtures/site"), { now: "2024-06-12T10:00:00+07:00" });
    database = await openVisitsDatabase();
    server = await listen(createSiteListener(built.out, localVisitsHandler(database.store)));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
    await built?.cleanup();
  });

  const open = (url: string, options: BrowserContextOptions) => openWatched(browser, server.url, url, options);

  async function expectClean(page: Page, problems: string[], foreign: string[]) {
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  }

  for (const url of PAGES) {
    for (const [name, viewport] of [["390 px", PHONE], ["1366 px", DESKTOP]] as const) {
      it(`${url} at ${name}: WCAG 2.1 AA, no overflow, no CSP violation, nothing third-party`, async () => {
        const { page, problems, foreign, close } = await open(url, { viewport });
        await expectClean(page, problems, foreign);
        await close();
      });
    }
  }

  for (const [name, viewport] of [["390 px", PHONE], ["1366 px", DESKTOP]] as const) {
    it(`an article with the menu and its categories open at ${name}: WCAG 2.1 AA`, async () => {
      const { page, problems, foreign, close } = await open(SEED_URL, { viewport });
      if (viewport === PHONE) await page.click(".nav-toggle");
      await page.click(".nav-sub > summary");
      for (const category of settings.categories) expect(await page.getByRole("link", { name: category.name, exact: true }).first().isVisible(), category.name).toBe(true);
      await expectClean(page, problems, foreign);
      await close();
    });
  }

  it(`keeps the phone header within ${HEADER_BUDGET} px at 390 × 844 before the menu opens`, async () => {
    for (const url of ["/", SEED_URL, "/thu-tuc-hanh-chinh/", "/en/", "/en/organisation/"]) {
      const { page, close } = await open(url, { viewport: PHONE });
      const header = await page.locator("header").boundingBox();
      expect(header!.height, url).toBeLessThanOrEqual(HEADER_BUDGET);
      // The budget holds because the name fits: no word alone on the last line, nothing clipped.
      const name = await page.locator(".brand-name").evaluate((el) => ({ lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)), overflow: el.scrollWidth - el.clientWidth }));
      expect(name.overflow, url).toBeLessThanOrEqual(0);
      if (!url.startsWith("/en/")) expect(name.lines, url).toBe(1);
      await close();
    }
  });

  it("opens the menu and every category by keyboard on a phone, without JavaScript", async () => {
    const { page, close } = await open(SEED_URL, { viewport: PHONE, javaScriptEnabled: false });
    expect(await page.locator(".nav-list").isVisible()).toBe(false);
    const focusTo = async (selector: string) => {
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await focusTo(".nav-toggle");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("link", { name: "Thủ tục hành chính" }).isVisible()).toBe(true);
    await focusTo(".nav-sub > summary");
    await page.keyboard.press("Enter");
    for (const category of settings.categories) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(`/${category.slug}/`);
    }
    await close();
  });

  it("shows the menu open on a wide screen and the categories a keypress away, without JavaScript", async () => {
    const { page, close } = await open("/", { viewport: DESKTOP, javaScriptEnabled: false });
    expect(await page.locator(".nav-toggle").isVisible()).toBe(false);
    // One row of links at 1366 px: the menu's height is one link's.
    const rows = await page.locator(".nav-list").evaluate((list) => list.getBoundingClientRect().height / list.querySelector("a")!.getBoundingClientRect().height);
    expect(rows).toBeLessThan(1.5);
    for (const label of ["Trang chủ", "Giới thiệu", "Thủ tục hành chính", "Liên hệ"]) expect(await page.locator(".nav-list").getByRole("link", { name: label }).isVisible(), label).toBe(true);
    expect(await page.locator(".nav-sub").getByRole("link", { name: "Chuyển đổi số" }).isVisible()).toBe(false);
    await page.locator(".nav-sub > summary").focus();
    await page.keyboard.press("Enter");
    expect(await page.locator(".nav-sub").getByRole("link", { name: "Chuyển đổi số" }).isVisible()).toBe(true);
    await close();
  });

  it("prints an article with its address, without the menu or footer links, from the In bài button", async () => {
    const { page, problems, close } = await open(SEED_URL, { viewport: DESKTOP });
    const button = page.getByRole("button", { name: "In bài" });
    expect(await button.isVisible()).toBe(true);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await button.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator(".print-address").isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".print-address").textContent()).toBe(`Địa chỉ bài viết: ${settings.url}${SEED_URL}`);
    expect(await page.locator(".print-address").isVisible()).toBe(true);
    for (const hidden of [".site-nav", ".footer-links", ".print-tools", ".sidebar"]) expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    // What the footer prints: its own lines, no separators left over from hidden links.
    const footer = await page.locator("footer").innerText();
    expect(footer).not.toMatch(/·/);
    expect(footer).toContain(settings.republication);
    expect(problems).toEqual([]);
    await close();
  });

  it("hides the print button when JavaScript cannot run it", async () => {
    const { page, close } = await open(SEED_URL, { viewport: DESKTOP, javaScriptEnabled: false });
    expect(await page.locator("[data-print]").isVisible()).toBe(false);
    await close();
  });
});
