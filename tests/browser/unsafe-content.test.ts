// What a reader gets from bodies pasted from Word or old portals: the built page in Chromium, and the preview of
// bodies the build refuses (the editor's own browser renders them while the problems are listed).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/lib/build.ts";
import { createPreviewListener } from "../../scripts/lib/server/preview.ts";
import { createSiteListener, listen, type SiteServer } from "../../scripts/lib/server/static-server.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const NOW = "2024-07-01T00:00:00+07:00";
const REFUSED = path.resolve("tests/fixtures/content/refused");
const noCounter = async () => new Response(null, { status: 503 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Opens a page, waits until its last script (the counter) has run, and tells what the reader has and where. */
async function visit(origin: string, url: string) {
  const page: Page = await browser.newPage();
  const navigations: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  await page.goto(origin + url, { waitUntil: "load" });
  // The counter widget marks its list once it has its answer: the page's scripts are done by then.
  await page.waitForSelector("[data-visits-state]", { state: "attached" });
  const seen = await page.evaluate(() => ({
    footer: document.querySelector("body > footer.site-footer")?.textContent?.includes("Sở Khoa học và Công nghệ") ?? false,
    sidebar: document.querySelector("aside.sidebar") !== null,
    bodyShown: getComputedStyle(document.body).display !== "none",
    text: document.querySelector("main")?.textContent ?? "",
    foreign: [...document.querySelectorAll("main iframe, main form, main input, main textarea, main svg, meta[http-equiv], link[rel=stylesheet][href^='http']")].map((e) => e.outerHTML),
  }));
  await page.close();
  return { ...seen, url: navigations.at(-1), navigations: navigations.length };
}

describe("a body pasted from Word, published", () => {
  let built: BuiltSite;
  let server: SiteServer;

  beforeAll(async () => {
    built = await buildFixture(path.resolve("tests/fixtures/content/pasted"), { now: NOW });
    server = await listen(createSiteListener(built.out, noCounter));
  });
  afterAll(async () => {
    await server?.close();
    await built?.cleanup();
  });

  it("keeps the page whole in Chromium: its text, sidebar and footer, formatting dropped, no navigation", async () => {
    const seen = await visit(server.url, "/tin-tuc/dan-tu-word/");
    expect(seen).toMatchObject({ footer: true, sidebar: true, bodyShown: true, foreign: [], navigations: 1, url: `${server.url}/tin-tuc/dan-tu-word/` });
    expect(seen.text).toContain("Chữ dán từ Word");
    expect(seen.text).toContain("Đoạn cuối của bài.");
  });

  it("writes feeds a strict XML parser (Chromium's) and a feed parser read, the Word title clean", async () => {
    const feeds = (await readdir(built.out, { recursive: true })).filter((f) => f.endsWith(".xml") && !f.startsWith("sitemap"));
    expect(feeds.length).toBeGreaterThan(1);
    const page = await browser.newPage();
    for (const feed of feeds) {
      const text = await readFile(path.join(built.out, feed), "utf8");
      const error = await page.evaluate((xml) => new DOMParser().parseFromString(xml, "application/xml").querySelector("parsererror")?.textContent ?? null, text);
      expect(error, feed).toBeNull();
    }
    await page.close();
    const feed = new XMLParser().parse(await readFile(path.join(built.out, "hoat-dong-khcn", "feed.xml"), "utf8")).feed;
    const entries = [feed.entry].flat() as { title: string; content: string }[];
    expect(entries.map((e) => e.title)).toContain("Dán từ Word có tab dọc");
    expect(entries.find((e) => e.title === "Dán từ Word có tab dọc")?.content).toContain("Đoạn có tab dọc dán từ Word.");
  });
});

describe("bodies the build refuses", () => {
  let server: SiteServer;

  beforeAll(async () => {
    process.env.TOASOAN_NOW = NOW;
    server = await listen(createPreviewListener(REFUSED));
  });
  afterAll(async () => {
    delete process.env.TOASOAN_NOW;
    await server?.close();
  });

  it("stop the build with every error listed", async () => {
    const failure = await build({ content: REFUSED, out: path.join(REFUSED, "..", "never-written"), search: false }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/9 lỗi/);
  });

  it.each([
    ["chuyen-trang", "a meta refresh"],
    ["khung-srcdoc", "an iframe with srcdoc"],
    ["chu-thich-mo", "an unclosed comment"],
    ["o-nhap-lieu", "a stray textarea"],
    ["bieu-mau", "a form, a stylesheet and SVG"],
  ])("%s (%s) leaves the preview page whole in Chromium", async (slug) => {
    const seen = await visit(server.url, `/tin-tuc/${slug}/`);
    expect(seen).toMatchObject({ footer: true, sidebar: true, bodyShown: true, foreign: [], navigations: 1, url: `${server.url}/tin-tuc/${slug}/` });
    expect(seen.text).toContain("Đoạn đầu của bài.");
  });
});
