import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSiteListener, listen, localVisitsHandler, openVisitsDatabase, type SiteServer, type VisitsDatabase } from "../../scripts/lib/server/static-server.ts";
import { axeViolations } from "../helpers/axe.ts";
import { horizontalOverflow, launchBrowser, openWatched } from "../helpers/browser.ts";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const SEED_URL = "/tin-tuc/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020/";
const WIDTHS = [
  { name: "phone", width: 360, height: 740 },
  { name: "desktop", width: 1280, height: 900 },
];

describe("pages in a real browser", () => {
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

  for (const url of ["/", SEED_URL, "/lich-cong-tac/"]) {
    for (const size of WIDTHS) {
      it(`${url} at ${size.name} width: WCAG 2.1 AA, no overflow, no CSP violation, nothing third-party`, async () => {
        const { page, problems, foreign, close } = await openWatched(browser, server.url, url, { viewport: { width: size.width, height: size.height } });

        expect(await axeViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(problems).toEqual([]);
        expect(foreign).toEqual([]);
        await close();
      });
    }
  }

  it("has an axe check that can fail", async () => {
    const page = await browser.newPage();
    await page.goto(server.url + "/");
    await page.evaluate(() => document.querySelector("main")!.insertAdjacentHTML("beforeend", '<img src="/x.png">'));
    expect((await axeViolations(page)).map((v) => v.id)).toContain("image-alt");
    await page.close();
  });

  it("reads the seed article and moves to the content with the skip link", async () => {
    const page = await browser.newPage();
    await page.goto(server.url + SEED_URL);
    expect(await page.locator("h1").textContent()).toBe("Hội nghị sơ kết hoạt động KH&CN địa phương 6 tháng đầu năm 2020");
    expect(await page.locator("article time").textContent()).toBe("19/06/2020 08:02");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Chuyển đến nội dung chính");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#noi-dung");
    await page.close();
  });

  it("stays readable without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + SEED_URL);
    expect(await page.locator(".article-source").textContent()).toBe("Trung tâm Ứng dụng và Thống kê KH&CN");
    expect(await page.locator('[data-visits="total"]').textContent()).toBe("—");
    await context.close();
  });
});
