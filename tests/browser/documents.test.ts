/** The documents library in real Chromium over the local static server: filters in the address, axe, downloads. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSiteListener, listen, type SiteServer } from "../../scripts/lib/server/static-server.ts";
import { axeViolations } from "../helpers/axe.ts";
import { horizontalOverflow, launchBrowser, openWatched } from "../helpers/browser.ts";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 900 },
];
const FILTERED = "/van-ban/?loai=quyet-dinh&tinh-trang=con-hieu-luc";

let built: BuiltSite;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  built = await buildFixture(path.resolve("tests/fixtures/documents"), { now: "2026-12-01T10:00:00+07:00", search: true });
  server = await listen(createSiteListener(built.out, async () => Response.json({ today: 1, total: 2 })));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await built?.cleanup();
});

/** The page at `url` in a new context with `options`, recording console errors, CSP violations and foreign requests. */
const open = (url: string, options: BrowserContextOptions = {}) => openWatched(browser, server.url, url, options);

const titles = (page: Page) => page.locator("#doc-results .document-item-title a").allTextContents();

describe("/van-ban/ with filters applied", () => {
  for (const size of WIDTHS) {
    it(`${size.name} (${size.width} px): lists what the address asks for, WCAG 2.1 AA, no overflow, no CSP violation`, async () => {
      const { page, problems, foreign, close } = await open(FILTERED, { viewport: { width: size.width, height: size.height } });
      await expect.poll(() => page.locator("#doc-status").textContent(), { timeout: 15_000 }).toBe("Tìm thấy 3 văn bản.");
      expect(await titles(page)).toEqual(["Quyết định số 15/2025/QĐ-UBND", "Quyết định số 28/2023/QĐ-UBND", "Quyết định số 569/QĐ-TTg"]);
      expect(await page.locator("#doc-results .doc-status").allTextContents()).toEqual(["Còn hiệu lực", "Còn hiệu lực", "Còn hiệu lực"]);
      // The form shows the address's state; the full static list and the no-JavaScript notice step aside.
      expect(await page.locator("#d-loai").inputValue()).toBe("quyet-dinh");
      expect(await page.locator("#d-tinh-trang").inputValue()).toBe("con-hieu-luc");
      expect(await page.locator("#doc-all").isHidden()).toBe(true);
      expect(await page.locator("#doc-nojs").isHidden()).toBe(true);

      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      expect(foreign).toEqual([]);
      await close();
    });
  }

  it("submits the form as a GET, so the address carries the search; a number in any spelling finds its document", async () => {
    const { page, problems, close } = await open("/van-ban/");
    expect(await page.locator("#doc-all .document-item").count()).toBe(7);
    await page.locator("#d-q").fill("qd-ubnd 15");
    await Promise.all([page.waitForURL(/\?q=qd-ubnd\+15/), page.locator("#doc-form button[type=submit]").click()]);
    await expect.poll(() => page.locator("#doc-status").textContent(), { timeout: 15_000 }).toMatch(/^Tìm thấy \d+ văn bản\.$/);
    expect((await titles(page))[0]).toBe("Quyết định số 15/2025/QĐ-UBND");
    expect(new URL(page.url()).search).toBe("?q=qd-ubnd+15&loai=&linh-vuc=&co-quan=&nam=&tinh-trang=");
    expect(problems).toEqual([]);
    await close();
  });

  it("without JavaScript, keeps the static list of every document and says the filters need JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + FILTERED);
    expect(await page.locator("#doc-nojs").isVisible()).toBe(true);
    expect(await page.locator("#doc-all .document-item").count()).toBe(7);
    expect(await page.locator("#doc-results-section").isHidden()).toBe(true);
    await context.close();
  });
});

describe("a document's page", () => {
  for (const size of WIDTHS) {
    it(`${size.name} (${size.width} px): WCAG 2.1 AA, no overflow, no CSP violation, nothing third-party`, async () => {
      const { page, problems, foreign, close } = await open("/van-ban/28-2023-qd-ubnd/", { viewport: { width: size.width, height: size.height } });
      expect(await page.locator("h1").textContent()).toBe("Quyết định số 28/2023/QĐ-UBND");
      // The number's spellings and the đ-less trích yếu are for the index only.
      expect(await page.locator(".number-spellings").evaluateAll((els) => els.length > 0 && els.every((e) => getComputedStyle(e).display === "none"))).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      expect(foreign).toEqual([]);
      await close();
    });
  }

  it("serves each download link's file, unchanged, with its type", async () => {
    const { page, close } = await open("/van-ban/28-2023-qd-ubnd/");
    const links = await page.locator(".file-list a").evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, type: a.getAttribute("type") })));
    expect(links.map((l) => new URL(l.href).pathname)).toEqual(["/van-ban/28-2023-qd-ubnd/28-2023-qd-ubnd.pdf", "/van-ban/28-2023-qd-ubnd/phu-luc-28.docx"]);
    const sources = ["28-2023-qd-ubnd.pdf", "Phu luc 28.docx"].map((name) => path.join(built.content, "van-ban", "2023", name));
    for (const [i, link] of links.entries()) {
      const response = await fetch(link.href);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(link.type);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await response.arrayBuffer())).toEqual(await readFile(sources[i]!));
    }
    await close();
  });
});
