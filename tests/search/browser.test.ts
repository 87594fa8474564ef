/** /tim-kiem/ in a real headless Chromium, over HTTP with the site's headers (strict CSP included). */
import { readFile, stat } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSiteListener, listen, type SiteServer } from "../../scripts/lib/server/static-server.ts";
import { measureFirstSearch } from "../../scripts/bench/search-bytes.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { buildSite, type BuiltSite } from "../helpers/pagefind.ts";

let site: BuiltSite;
let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** Paths the server answered under /pagefind/, in order. */
let pagefindRequests: string[];

beforeAll(async () => {
  site = await buildSite();
  const visits = async () => Response.json({ today: 1, total: 2 });
  const listener = createSiteListener(site.dir, visits);
  const counting: http.RequestListener = (req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    if (pathname.startsWith("/pagefind/")) pagefindRequests.push(pathname);
    listener(req, res);
  };
  server = await listen(counting);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

beforeEach(async () => {
  problems = [];
  pagefindRequests = [];
  context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  page = await context.newPage();
  // Injected through DevTools, so CSP does not apply to this listener itself.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => {
    if (m.type() === "error" || /Content.Security.Policy|CSP|pagefind/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  // Dedicated workers (Pagefind 1.6 searches in one) report their own console.
  page.on("worker", (w) => w.on("console", (m) => m.type() === "error" && problems.push(`worker: ${m.text()}`)));
});

afterEach(async () => {
  await context?.close();
});

const results = () => page.locator("#search-results .search-result");
const titles = () => page.locator("#search-results .search-result-title a").allTextContents();
const status = () => page.locator("#search-status");

async function waitForCount(text: RegExp | string): Promise<void> {
  await expect.poll(() => status().textContent(), { timeout: 15_000 }).toMatch(text);
}

describe("the search page", () => {
  it("searches by keyword, category and dates; the URL keeps it through reload and back", async () => {
    await page.goto(`${server.url}/tim-kiem/`);
    await expect.poll(() => page.locator("#search-nojs").isHidden()).toBe(true);
    expect(pagefindRequests).toEqual([]); // nothing of Pagefind until someone searches

    await page.locator("#s-q").fill("thong bao");
    await page.locator("#s-cat").selectOption({ label: "Thông báo" });
    await page.locator("#s-from").fill("2021-12-31");
    await page.locator("#s-to").fill("2022-01-31");
    await page.locator("#s-q").press("Enter");
    await waitForCount("Tìm thấy 3 bài viết.");
    const inRange = await titles();
    expect([...inRange].sort()).toEqual(["Thông báo kết quả xét chọn nhiệm vụ khoa học", "Thông báo lịch nghỉ Tết Dương lịch", "Thông báo phát động Hội thi Sáng tạo kỹ thuật"].sort());
    expect(new URL(page.url()).search).toBe("?q=thong+bao&chuyen-muc=thong-bao&tu-ngay=2021-12-31&den-ngay=2022-01-31");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-results-heading");

    const first = results().first();
    await expect.poll(() => first.locator(".search-result-meta time").textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await first.locator(".search-result-category").textContent()).toBe("Thông báo");
    expect(await first.locator(".search-result-excerpt mark").count()).toBeGreaterThan(0);

    await page.locator("#s-sort").selectOption("moi-nhat");
    await expect.poll(() => page.url()).toContain("sap-xep=moi-nhat");
    await expect.poll(titles).toEqual(["Thông báo kết quả xét chọn nhiệm vụ khoa học", "Thông báo phát động Hội thi Sáng tạo kỹ thuật", "Thông báo lịch nghỉ Tết Dương lịch"]);
    const newestUrl = page.url();

    await page.reload();
    await waitForCount("Tìm thấy 3 bài viết.");
    expect(await titles()).toEqual(["Thông báo kết quả xét chọn nhiệm vụ khoa học", "Thông báo phát động Hội thi Sáng tạo kỹ thuật", "Thông báo lịch nghỉ Tết Dương lịch"]);
    expect(await page.locator("#s-cat").inputValue()).toBe("thong-bao");
    expect(await page.locator("#s-from").inputValue()).toBe("2021-12-31");
    expect(await page.locator("#s-sort").inputValue()).toBe("moi-nhat");

    // A new search, then back: the earlier one returns, form and results.
    await page.locator("#s-q").fill("hoi");
    await page.getByRole("button", { name: "Tìm kiếm" }).first().click();
    await expect.poll(titles).toEqual(["Thông báo kết quả xét chọn nhiệm vụ khoa học", "Thông báo phát động Hội thi Sáng tạo kỹ thuật"]);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(newestUrl);
    await waitForCount("Tìm thấy 3 bài viết.");
    expect(await page.locator("#s-q").inputValue()).toBe("thong bao");
    expect(await titles()).toEqual(["Thông báo kết quả xét chọn nhiệm vụ khoa học", "Thông báo phát động Hội thi Sáng tạo kỹ thuật", "Thông báo lịch nghỉ Tết Dương lịch"]);
    await page.goForward();
    await expect.poll(titles).toEqual(["Thông báo kết quả xét chọn nhiệm vụ khoa học", "Thông báo phát động Hội thi Sáng tạo kỹ thuật"]);
    expect(await page.locator("#s-q").inputValue()).toBe("hoi");
    expect(problems).toEqual([]);
  });

  it("searches while typing, on whole words only", async () => {
    // A fake clock: the page's typing timers fire only when the test moves time on.
    await page.clock.install();
    await page.goto(`${server.url}/tim-kiem/`);
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.locator("#s-q").pressSequentially("hoi nghi so ke", { delay: 30 });
    await page.clock.runFor(5_000);
    expect(await status().textContent()).toBe(""); // a partial word is never searched
    await page.clock.resume();
    await page.locator("#s-q").pressSequentially("t ", { delay: 30 });
    await expect.poll(async () => (await titles())[0], { timeout: 15_000 }).toBe("Hội nghị sơ kết hoạt động KH&CN địa phương 6 tháng đầu năm 2020");
    expect(new URL(page.url()).search).toBe("?q=hoi+nghi+so+ket");
    expect(problems).toEqual([]);
  });

  it("lists a category newest first with an empty keyword, and pages with Xem thêm", async () => {
    await page.goto(`${server.url}/tim-kiem/?chuyen-muc=thong-bao`);
    await waitForCount("Tìm thấy 5 bài viết (xếp từ mới đến cũ).");
    expect(await page.locator("#search-results time").allTextContents()).toEqual(["01/02/2022", "31/01/2022", "10/01/2022", "31/12/2021", "30/12/2021"]);

    await page.goto(`${server.url}/tim-kiem/?tu-ngay=2000-01-01&den-ngay=2030-12-31`);
    await waitForCount("Tìm thấy 12 bài viết (xếp từ mới đến cũ); đang hiển thị 10 bài đầu tiên.");
    expect(await results().count()).toBe(10);
    await page.getByRole("button", { name: "Xem thêm" }).click();
    await waitForCount("Tìm thấy 12 bài viết (xếp từ mới đến cũ).");
    expect(await results().count()).toBe(12);
    expect(await page.locator("#search-more").isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe((await titles())[10]);
    expect(problems).toEqual([]);
  });

  it("says so when nothing matches, when dates are reversed or invalid, and when search is unavailable", async () => {
    await page.goto(`${server.url}/tim-kiem/?q=zzzz`);
    await waitForCount("Không tìm thấy bài viết nào.");

    await page.goto(`${server.url}/tim-kiem/?tu-ngay=2022-02-01&den-ngay=2022-01-01`);
    await expect.poll(() => page.locator("#search-error").textContent()).toContain("Khoảng ngày bị ngược");
    expect(await page.locator("#s-from").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#search-results-section").isHidden()).toBe(true);

    await page.goto(`${server.url}/tim-kiem/?tu-ngay=2022-02-30`);
    await expect.poll(() => page.locator("#search-error").textContent()).toContain("“Từ ngày” không hợp lệ");

    await page.route("**/pagefind/pagefind.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${server.url}/tim-kiem/?q=hoi+nghi`);
    await expect.poll(() => page.locator("#search-error").textContent()).toContain("tạm thời không hoạt động");
    // The failed import itself logs an error; nothing else may.
    expect(problems.filter((p) => !/pagefind|404|Tìm kiếm|Failed to load|dynamically imported/i.test(p))).toEqual([]);
  });

  it("has no accessibility violations with results shown", async () => {
    await page.goto(`${server.url}/tim-kiem/?q=hoi+nghi+so+ket`);
    await waitForCount(/Tìm thấy \d+ bài viết/);
    // page.evaluate runs through DevTools: not subject to the page's CSP, unlike addScriptTag.
    await page.evaluate(await readFile(path.resolve("node_modules/axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe("the sidebar box", () => {
  it("submits from an article page to the search page", async () => {
    await page.goto(`${server.url}/tin-tuc/kiem-dinh-phuong-tien-do-luong-tai-cho/`);
    await page.locator("#sb-q").fill("KH&CN");
    await page.locator("#sb-cat").selectOption({ label: "Hoạt động KH&CN" });
    await page.locator("#sb-q").press("Enter");
    await page.waitForURL(/\/tim-kiem\//);
    // Pagefind 1.5+ also searches meta: the category's name holds "KH&CN", so all three of it match; the two that
    // say it in their text come first.
    await waitForCount("Tìm thấy 3 bài viết.");
    expect([...(await titles()).slice(0, 2)].sort()).toEqual(["Hội nghị sơ kết hoạt động KH&CN địa phương 6 tháng đầu năm 2020", "Hội thảo ứng dụng KH&CN trong sản xuất nông nghiệp"].sort());
    // The empty date fields the box sent are dropped from the address.
    expect(new URL(page.url()).search).toBe("?q=KH%26CN&chuyen-muc=hoat-dong-khcn");
    expect(await page.locator("#s-q").inputValue()).toBe("KH&CN");
    expect(problems).toEqual([]);
  });
});

describe("first-search bytes", () => {
  it("the Node measurement counts exactly the files Chromium fetched", async () => {
    await page.goto(`${server.url}/tim-kiem/?q=hoi+nghi+so+ket`);
    await waitForCount(/Tìm thấy \d+ bài viết/);
    await expect.poll(() => results().count()).toBeGreaterThan(0);
    const fetched = [...new Set(pagefindRequests.map((p) => p.slice("/pagefind/".length)))].sort();
    const measured = await measureFirstSearch(site.dir, "hoi nghi so ket");
    expect(measured.files.map((f) => f.file)).toEqual(fetched);
    let bytes = 0;
    for (const file of fetched) bytes += (await stat(path.join(site.dir, "pagefind", file))).size;
    expect(measured.bytes).toBe(bytes);
  });
});
