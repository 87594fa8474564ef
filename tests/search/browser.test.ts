/** /tim-kiem/ in a real headless Chromium, over HTTP with the site's headers (strict CSP included). */
import { readFile, stat } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSiteListener, listen, type SiteServer } from "../../scripts/lib/server/static-server.ts";
import { measureFirstSearch } from "../../scripts/bench/search-bytes.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { buildSite, FIXTURE_SHARD_PAGES, type BuiltSite } from "../helpers/pagefind.ts";

let site: BuiltSite;
let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** Paths the server answered under /pagefind/ with the file (not a redirect), in order. */
let pagefindRequests: string[];
/** Paths of the search page's worker script the server answered. */
let workerRequests: string[];
/** Paths under /pagefind/ the server redirected (a shard's request for the shared runtime). */
let redirected: string[];

beforeAll(async () => {
  // Several shards, so the browser runs the merge of assets/js/search-shards.js as a large archive needs it.
  site = await buildSite(undefined, undefined, { shardPages: FIXTURE_SHARD_PAGES });
  const visits = async () => Response.json({ today: 1, total: 2 });
  const listener = createSiteListener(site.dir, visits);
  const counting: http.RequestListener = (req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    if (pathname.startsWith("/pagefind/")) res.once("finish", () => (res.statusCode === 301 ? redirected : pagefindRequests).push(pathname));
    if (pathname.startsWith("/assets/js/search-worker.")) workerRequests.push(pathname);
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
  workerRequests = [];
  redirected = [];
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
    expect(await page.locator("#search-nojs").isVisible()).toBe(false);
    expect(pagefindRequests).toEqual([]); // nothing of Pagefind until someone searches
    expect(workerRequests).toEqual([]);

    await page.locator("#s-q").fill("thong bao");
    // The filters are folded away until asked for.
    expect(await page.locator("#s-cat").isVisible()).toBe(false);
    await page.getByText("Lọc và sắp xếp").click();
    await page.locator("#s-cat").selectOption({ label: "Thông báo" });
    await page.locator("#s-from").fill("31/12/2021");
    await page.locator("#s-to").fill("31/1/2022");
    await page.locator("#s-q").press("Enter");
    await waitForCount("Tìm thấy 3 bài viết.");
    const inRange = await titles();
    expect([...inRange].sort()).toEqual(["Thông báo kết quả xét chọn nhiệm vụ khoa học", "Thông báo lịch nghỉ Tết Dương lịch", "Thông báo phát động Hội thi Sáng tạo kỹ thuật"].sort());
    expect(new URL(page.url()).search).toBe("?q=thong+bao&chuyen-muc=thong-bao&tu-ngay=31%2F12%2F2021&den-ngay=31%2F01%2F2022");
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
    expect(await page.locator("#s-from").inputValue()).toBe("31/12/2021");
    expect(await page.locator("#s-to").inputValue()).toBe("31/01/2022");
    expect(await page.locator("#search-filter-count").textContent()).toBe(" (đang dùng 4)");
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

    // An address from before days were typed dd/mm/yyyy still works, and is rewritten as readers type days.
    await page.goto(`${server.url}/tim-kiem/?tu-ngay=2000-01-01&den-ngay=2030-12-31`);
    await waitForCount("Tìm thấy 12 bài viết (xếp từ mới đến cũ); đang hiển thị 10 bài đầu tiên.");
    expect(new URL(page.url()).search).toBe("?tu-ngay=01%2F01%2F2000&den-ngay=31%2F12%2F2030");
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

    await page.goto(`${server.url}/tim-kiem/?tu-ngay=01/02/2022&den-ngay=01/01/2022`);
    await expect.poll(() => page.locator("#search-error").textContent()).toContain("Khoảng ngày bị ngược: “Từ ngày” 01/02/2022 đứng sau “Đến ngày” 01/01/2022");
    expect(await page.locator("#s-from").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#search-results-section").isHidden()).toBe(true);
    // The disclosure opens on the field to correct.
    expect(await page.locator("#s-from").isVisible()).toBe(true);

    await page.goto(`${server.url}/tim-kiem/?tu-ngay=30/02/2022`);
    await expect.poll(() => page.locator("#search-error").textContent()).toContain("“Từ ngày” không hợp lệ (30/02/2022)");

    await page.route("**/pagefind/pagefind.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${server.url}/tim-kiem/?q=hoi+nghi`);
    await expect.poll(() => page.locator("#search-error").textContent()).toContain("tạm thời không hoạt động");
    // The failed import itself logs an error; nothing else may.
    expect(problems.filter((p) => !/pagefind|404|Tìm kiếm|Failed to load|dynamically imported/i.test(p))).toEqual([]);
  });

  it.each([390, 1366])("has no accessibility violations with results shown and the filters open, %i px wide", async (width) => {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(`${server.url}/tim-kiem/?q=hoi+nghi+so+ket`);
    await waitForCount(/Tìm thấy \d+ bài viết/);
    await page.getByText("Lọc và sắp xếp").click();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("on a 390×844 phone, a shared address shows the count and the first result on the first screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/tim-kiem/?q=hoi+nghi+so+ket&chuyen-muc=hoat-dong-khcn`);
    await waitForCount(/Tìm thấy \d+ bài viết/);
    const first = results().first().locator(".search-result-title");
    await expect.poll(() => first.textContent()).toBe("Hội nghị sơ kết hoạt động KH&CN địa phương 6 tháng đầu năm 2020");
    for (const shown of [status(), first]) {
      const box = await shown.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The filters in use are counted on the closed disclosure.
    expect(await page.locator("#search-filters").getAttribute("open")).toBeNull();
    expect(await page.locator("#search-filter-count").textContent()).toBe(" (đang dùng 1)");
  });

  it("takes and shows days as dd/mm/yyyy in a browser with an English interface", async () => {
    const english = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh" });
    const tab = await english.newPage();
    await tab.goto(`${server.url}/tim-kiem/`);
    await tab.getByText("Lọc và sắp xếp").click();
    // Text fields, not the browser's date picker, which would show mm/dd/yyyy here.
    expect(await tab.locator("#s-from").getAttribute("type")).toBe("text");
    await tab.locator("#s-from").fill("10/01/2022");
    await tab.locator("#s-to").fill("31.01.2022");
    await tab.locator("#s-q").press("Enter");
    await expect.poll(() => tab.locator("#search-status").textContent(), { timeout: 15_000 }).toBe("Tìm thấy 3 bài viết (xếp từ mới đến cũ).");
    expect(await tab.locator("#search-results time").allTextContents()).toEqual(["31/01/2022", "15/01/2022", "10/01/2022"]);
    expect(await tab.locator("#s-to").inputValue()).toBe("31/01/2022");
    expect(new URL(tab.url()).search).toBe("?tu-ngay=10%2F01%2F2022&den-ngay=31%2F01%2F2022");
    await english.close();
  });
});

/** axe-core's violations on the page as it is now (run through DevTools: not subject to the page's CSP). */
async function axeViolations(tab: Page): Promise<string[]> {
  await tab.evaluate(await readFile(path.resolve("node_modules/axe-core/axe.min.js"), "utf8"));
  return tab.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe("the sidebar box", () => {
  it("is not repeated on the search page, whose own form is the box there", async () => {
    await page.goto(`${server.url}/tim-kiem/`);
    expect(await page.locator("#sb-q").count()).toBe(0);
    expect(await page.locator("form[role=search]").count()).toBe(1);
  });

  it("takes a tone-less query with đ-words to results that read đ and mark the words", async () => {
    await page.goto(`${server.url}/tin-tuc/hoi-thao-ung-dung-khcn-nong-nghiep/`);
    await page.locator("#sb-q").fill("kiem dinh do luong");
    await page.locator("#sb-q").press("Enter");
    await page.waitForURL(/\/tim-kiem\//);
    await waitForCount(/Tìm thấy \d+ bài viết/);
    const first = results().first();
    expect(await first.locator(".search-result-title a").textContent()).toBe("Kiểm định phương tiện đo lường tại các chợ trung tâm");
    expect(await first.locator(".search-result-category").textContent()).toBe("Tiêu chuẩn - Đo lường - Chất lượng");
    const marks = await first.locator("mark").allTextContents();
    expect(marks).toContain("đo");
    expect(marks).toContain("lường");
    // Nothing of the index's own spelling of đ (ḓ) reaches the page.
    expect(await page.locator("#search-results").textContent()).not.toMatch(/[\u1e12\u1e13]/);
    expect(problems).toEqual([]);
  });

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
    // The runtime is downloaded once, however many shards the search opened.
    expect(redirected.length).toBeGreaterThan(0);
    expect(fetched.filter((f) => f.startsWith("wasm."))).toEqual(["wasm.unknown.pagefind"]);
    const measured = await measureFirstSearch(site.dir, "hoi nghi so ket");
    const pagefindFiles = measured.files.filter((f) => f.kind !== "worker");
    expect(pagefindFiles.map((f) => f.file)).toEqual(fetched);
    let bytes = 0;
    for (const file of fetched) bytes += (await stat(path.join(site.dir, "pagefind", file))).size;
    expect(pagefindFiles.reduce((n, f) => n + f.bytes, 0)).toBe(bytes);
    // Besides Pagefind's files, the page's worker script: the one the measure counts.
    const worker = measured.files.find((f) => f.kind === "worker")!;
    expect(workerRequests).toHaveLength(1);
    expect((await stat(path.join(site.dir, workerRequests[0]!))).size).toBe(worker.bytes);
  });
});
