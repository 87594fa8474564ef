// The portal's own pages in a real build: Giới thiệu, contacts, procedures, site map, feeds page, English pages.
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { site as settings } from "../../site.config.ts";
import { NATIONAL_PORTAL_SEARCH } from "../../scripts/lib/site/newsroom.ts";
import { byClass, elements, hrefs, parseHtml, text, textInLanguage } from "../helpers/html.ts";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const FIXTURE = path.resolve("tests/fixtures/site");
const NOW = "2024-06-12T10:00:00+07:00";
const SEED_URL = "/tin-tuc/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020/";
const ENGLISH = ["/en/", "/en/organisation/", "/en/leadership/", "/en/contact/"];
const PAIRS: [string, string][] = [
  ["/gioi-thieu/", "/en/"],
  ["/gioi-thieu/co-cau-to-chuc/", "/en/organisation/"],
  ["/gioi-thieu/lanh-dao/", "/en/leadership/"],
  ["/lien-he/", "/en/contact/"],
];
const ABSOLUTE = (url: string) => `${settings.url}${url}`;

/** Every HTML page the build wrote, as site addresses. */
async function htmlPages(out: string): Promise<string[]> {
  const files = await readdir(out, { recursive: true });
  return files
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind"))
    .map((f) => "/" + f.split(path.sep).join("/"))
    .map((url) => url.replace(/(^|\/)index\.html$/, "$1"));
}

describe("the portal's pages in a production build", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture(FIXTURE, { now: NOW });
  });
  afterAll(() => site?.cleanup());

  it("makes Giới thiệu a section: the editors' page, then organisation, leadership and spokesperson", async () => {
    const sectionLinks = ["/gioi-thieu/", "/gioi-thieu/co-cau-to-chuc/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/nguoi-phat-ngon/"];
    for (const url of sectionLinks) {
      const nav = byClass(parseHtml(await site.read(url)), "section-nav")!;
      expect(hrefs(nav), url).toEqual(sectionLinks);
      expect(elements(nav, "a").find((a) => a.attribs["aria-current"] === "page")?.attribs.href, url).toBe(url);
    }
    const organisation = elements(parseHtml(await site.read("/gioi-thieu/co-cau-to-chuc/")), "main");
    expect(elements(organisation, "h2").map(text)).toEqual(["Văn phòng và các phòng chuyên môn", "Chi cục", "Đơn vị sự nghiệp"]);
    const units = elements(organisation, "li").filter((li) => li.attribs.class === "unit").map(text);
    expect(units).toHaveLength(3);
    expect(units[1]).toContain("Chi cục trưởng:Đỗ Thị Mai");
    expect(units[1]).toContain("Địa chỉ:Số 8 đường Trần Hưng Đạo");
    const leadership = await site.read("/gioi-thieu/lanh-dao/");
    expect(leadership).toContain('<img class="person-photo" src="/images/lanh-dao/hoang-ba-nam.svg" alt=""');
    expect(existsSync(path.join(site.out, "images/lanh-dao/hoang-ba-nam.svg"))).toBe(true);
    // The second leader has no photo: no empty image.
    expect(leadership.match(/<img class="person-photo"/g)).toHaveLength(1);
    expect(text(parseHtml(await site.read("/gioi-thieu/nguoi-phat-ngon/")))).toContain("Lê Văn Minh Phó Giám đốc Sở Điện thoại:0232 3822 601 Thư điện tử:phatngon@example.gov.vn");
  });

  it("makes every phone number a tel: link and every address a mailto: link", async () => {
    for (const url of ["/gioi-thieu/co-cau-to-chuc/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/nguoi-phat-ngon/", "/lien-he/", "/", ...ENGLISH]) {
      const doc = parseHtml(await site.read(url));
      const links = elements(doc, "a");
      const phones = links.filter((a) => a.attribs.href?.startsWith("tel:"));
      expect(phones.length, url).toBeGreaterThan(0);
      for (const a of phones) expect(a.attribs.href, url).toBe(`tel:+84${text(a).replace(/\D/g, "").slice(1)}`);
      for (const a of links.filter((l) => l.attribs.href?.startsWith("mailto:"))) expect(a.attribs.href).toBe(`mailto:${text(a)}`);
      // No phone number or address is left as plain text.
      const plain = (nodes: ReturnType<typeof elements>) => nodes.map((n) => text(n)).join(" ");
      const linked = new Set(links.map(text));
      for (const number of plain(elements(doc, "main").concat(elements(doc, "footer"))).match(/0\d{3} \d{4} \d{3}|[\w.]+@[\w.]+\.vn/g) ?? []) {
        expect(linked.has(number), `${url}: ${number}`).toBe(true);
      }
    }
  });

  it("lists the department's contacts, spokesperson and units on the contact page, from the one data file", async () => {
    const html = text(parseHtml(await site.read("/lien-he/")));
    expect(html).toContain(`Địa chỉ:${settings.address} Điện thoại:${settings.phone} Thư điện tử:${settings.email}`);
    expect(html).toContain("Giờ làm việc: từ thứ Hai đến thứ Sáu.");
    expect(html).toContain("Người phát ngôn Lê Văn Minh");
    expect(html).toContain("Trung tâm Chuyển đổi số Điện thoại: 0232 3824 360; thư điện tử: ttcds@example.gov.vn");
  });

  it("lists the procedures by field, linking each to a public-service portal", async () => {
    const doc = elements(parseHtml(await site.read("/thu-tuc-hanh-chinh/")), "main");
    expect(elements(doc, "h1").map(text)).toEqual(["Thủ tục hành chính"]);
    expect(elements(doc, "h2").map(text)).toEqual(["Hoạt động khoa học và công nghệ", "Bưu chính"]);
    const items = elements(doc, "ol").filter((ol) => ol.attribs.class === "procedure-list").flatMap((ol) => elements(ol, "li"));
    expect(items.map(text)).toEqual(["Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", "Cấp giấy phép bưu chính (mã 2.000720)"]);
    // Without its own link a procedure opens the national portal's results for its name.
    expect(hrefs(items[0]!)).toEqual([NATIONAL_PORTAL_SEARCH + encodeURIComponent("Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ")]);
    expect(hrefs(items[1]!)).toEqual(["https://dichvucong.minhson.gov.vn/thu-tuc/2.000720"]);
  });

  it("has an HTML site map with every section, category, the documents library and the English pages", async () => {
    const doc = parseHtml(await site.read("/so-do-trang/"));
    const links = hrefs(elements(doc, "main"));
    const expected = [
      "/", "/gioi-thieu/", "/gioi-thieu/co-cau-to-chuc/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/nguoi-phat-ngon/",
      ...settings.categories.map((c) => `/${c.slug}/`), "/van-ban/", "/thu-tuc-hanh-chinh/", "/lich-cong-tac/", "/luu-tru/",
      "/tim-kiem/", "/lien-he/", "/nhan-tin-moi/", ...ENGLISH,
    ];
    for (const url of expected) expect(links, url).toContain(url);
    // Every link leads to a page of this build.
    const written = new Set(await htmlPages(site.out));
    expect(links.filter((url) => url.startsWith("/") && !written.has(url))).toEqual([]);
  });

  it("links the site map and the feed page from every footer, with feeds labelled in Vietnamese", async () => {
    for (const url of await htmlPages(site.out)) {
      if (url.startsWith("/en/")) continue;
      const footer = elements(parseHtml(await site.read(url)), "footer")[0]!;
      expect(elements(footer, "a").map((a) => [a.attribs.href, text(a)]), url).toEqual(
        expect.arrayContaining([["/so-do-trang/", "Sơ đồ trang"], ["/nhan-tin-moi/", "Nhận tin mới (RSS)"]]),
      );
      expect(text(parseHtml(await site.read(url))), url).not.toMatch(/\bAtom\b/);
    }
    const feeds = parseHtml(await site.read("/nhan-tin-moi/"));
    const addresses = elements(feeds, "a").filter((a) => a.attribs.class === "feed-address");
    expect(addresses.map((a) => a.attribs.href)).toEqual(["/feed.xml", ...settings.categories.map((c) => `/${c.slug}/feed.xml`)]);
    expect(addresses.map(text)).toEqual(addresses.map((a) => ABSOLUTE(a.attribs.href!)));
    expect(await site.read("/hoat-dong-khcn/")).toContain('<a href="/nhan-tin-moi/#hoat-dong-khcn">Nhận tin mới của chuyên mục (RSS)</a>');
  });

  it("reaches every category from the menu, inside a <details> disclosure that needs no script", async () => {
    for (const url of ["/", SEED_URL, "/gioi-thieu/", "/so-do-trang/"]) {
      const nav = elements(parseHtml(await site.read(url)), "nav").find((n) => n.attribs.class === "site-nav")!;
      const submenu = elements(nav, "details").find((d) => d.attribs.class === "nav-sub")!;
      expect(text(elements(submenu, "summary")[0]!)).toBe("Chuyên mục");
      expect(hrefs(submenu)).toEqual(settings.categories.map((c) => `/${c.slug}/`));
      expect(elements(nav, "details")[0]!.attribs.class).toBe("nav-menu");
    }
  });

  it("shows the logo in the header and the province in titles, footer and header", async () => {
    const home = await site.read("/");
    const doc = parseHtml(home);
    const header = elements(doc, "header")[0]!;
    const logo = elements(header, "img")[0]!;
    expect(logo.attribs.src).toMatch(/^\/assets\/img\/logo\.[0-9a-f]{10}\.svg$/);
    expect(existsSync(path.join(site.out, logo.attribs.src!))).toBe(true);
    expect(text(header)).toContain(`${settings.governingBody} ${settings.name}`);
    expect(text(elements(doc, "title")[0]!)).toBe("Sở Khoa học và Công nghệ tỉnh Minh Sơn");
    expect(text(elements(parseHtml(await site.read(SEED_URL)), "title")[0]!)).toBe("Hội nghị sơ kết hoạt động KH&CN địa phương 6 tháng đầu năm 2020 | Sở Khoa học và Công nghệ tỉnh Minh Sơn");
    const footer = text(elements(doc, "footer")[0]!);
    for (const line of [`Cơ quan chủ quản: ${settings.governingBody}`, settings.responsible, settings.republication]) expect(footer).toContain(line);
  });

  it("prints an article with its address and a print button for our script", async () => {
    const doc = parseHtml(await site.read(SEED_URL));
    const button = elements(doc, "button").find((b) => "data-print" in b.attribs)!;
    expect(text(button)).toBe("In bài");
    expect(button.attribs).toHaveProperty("hidden");
    expect(text(byClass(doc, "print-address")!)).toBe(`Địa chỉ bài viết: ${ABSOLUTE(SEED_URL)}`);
    expect(elements(doc, "script").map((s) => s.attribs.src)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/assets\/js\/print\.[0-9a-f]{10}\.js$/)]));
  });

  it("publishes English pages in English under /en/, paired with their Vietnamese pages both ways", async () => {
    for (const url of ENGLISH) {
      const html = await site.read(url);
      expect(html, url).toMatch(/^<!doctype html>\n<html lang="en">/);
    }
    for (const [vi, en] of PAIRS) {
      const viHtml = await site.read(vi);
      const enHtml = await site.read(en);
      for (const html of [viHtml, enHtml]) {
        expect(html).toContain(`<link rel="alternate" hreflang="vi" href="${ABSOLUTE(vi)}">`);
        expect(html).toContain(`<link rel="alternate" hreflang="en" href="${ABSOLUTE(en)}">`);
      }
      expect(viHtml).toContain(`<a class="lang-switch" href="${en}" hreflang="en" lang="en">English</a>`);
      expect(enHtml).toContain(`<a class="lang-switch" href="${vi}" hreflang="vi" lang="vi">Tiếng Việt</a>`);
    }
    // A page without a translation links to the English home and claims no alternate.
    const article = await site.read(SEED_URL);
    expect(article).toContain('<a class="lang-switch" href="/en/" hreflang="en" lang="en">English</a>');
    expect(article).not.toContain("hreflang=\"en\" href=");
    const organisation = text(parseHtml(await site.read("/en/organisation/")));
    expect(organisation).toContain("Sub-Department of Standards, Metrology and Quality Head of Sub-Department:Đỗ Thị Mai Address:8 Tran Hung Dao Street");
    expect(text(parseHtml(await site.read("/en/contact/")))).toContain("Spokesperson Lê Văn Minh Deputy Director Phone:0232 3822 601");
  });

  it("has no Vietnamese interface text on English pages and no English interface text on Vietnamese pages", async () => {
    // The reading itself: text marked lang="vi" on an English page is not English text, and the rest is.
    expect(textInLanguage('<html lang="en"><p>Trang chủ <span lang="vi">Hà Nội</span></p><p aria-label="Menu chính">x</p></html>', "en")).toEqual(["Trang chủ", "Menu chính", "x"]);
    const pages = await htmlPages(site.out);
    const englishPages = pages.filter((url) => url.startsWith("/en/"));
    expect(englishPages.sort()).toEqual([...ENGLISH].sort());
    const englishInterface = new Set<string>();
    for (const url of englishPages) {
      const texts = textInLanguage(await site.read(url), "en");
      // Any letter with a Vietnamese mark is outside an element marked lang="vi": a Vietnamese word on an English page.
      const vietnamese = texts.filter((t) => /[\u0300-\u036f\u0110\u0111]/u.test(t.normalize("NFD")));
      expect(vietnamese, url).toEqual([]);
      // Interface text: everything outside <main>, plus the page's fixed labels.
      const doc = parseHtml(await site.read(url));
      for (const t of textInLanguage([...elements(doc, "header"), ...elements(doc, "footer")], "en", "en")) englishInterface.add(t);
      for (const t of ["Skip to main content", "Phone:", "Email:", "Address:", "Spokesperson", "Office and divisions", "Sub-departments", "Public service units"]) englishInterface.add(t);
    }
    // Names, numbers and addresses are the same in both languages; interface text is words.
    for (const t of englishInterface) if (/[\d@]/.test(t) || [settings.english.name, settings.english.governingBody].includes(t)) englishInterface.delete(t);
    expect(englishInterface.size).toBeGreaterThan(10);
    for (const url of pages.filter((u) => !u.startsWith("/en/"))) {
      const texts = textInLanguage(await site.read(url), "vi");
      expect(texts.filter((t) => englishInterface.has(t)), url).toEqual([]);
    }
  });
});

describe("a portal without its optional data", () => {
  it("publishes no procedures, organisation or English pages, and links to none of them", async () => {
    const { rm } = await import("node:fs/promises");
    const site = await buildFixture(FIXTURE, {
      now: NOW,
      prepare: async (content) => {
        await rm(path.join(content, "du-lieu"), { recursive: true });
        await rm(path.join(content, "en"), { recursive: true });
      },
    });
    try {
      const pages = await htmlPages(site.out);
      for (const url of ["/thu-tuc-hanh-chinh/", "/gioi-thieu/co-cau-to-chuc/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/nguoi-phat-ngon/", ...ENGLISH]) {
        expect(pages, url).not.toContain(url);
      }
      for (const url of ["/", "/so-do-trang/", "/gioi-thieu/", "/lien-he/"]) {
        const links = hrefs(parseHtml(await site.read(url)));
        expect(links.filter((l) => l === "/thu-tuc-hanh-chinh/" || l.startsWith("/gioi-thieu/co-cau") || l.startsWith("/en/")), url).toEqual([]);
        expect(byClass(parseHtml(await site.read(url)), "lang-switch"), url).toBeUndefined();
      }
      // The menu keeps its other links.
      const nav = elements(parseHtml(await site.read("/")), "nav").find((n) => n.attribs.class === "site-nav")!;
      expect(hrefs(nav)).toEqual(["/", "/gioi-thieu/", ...settings.categories.map((c) => `/${c.slug}/`), "/van-ban/", "/lich-cong-tac/", "/luu-tru/", "/tim-kiem/", "/lien-he/"]);
    } finally {
      await site.cleanup();
    }
  });
});

describe("a document of the library", () => {
  it("prints with its own button and address, like an article", async () => {
    const site = await buildFixture(path.resolve("tests/fixtures/documents"), { now: "2026-12-01T10:00:00+07:00" });
    try {
      const doc = parseHtml(await site.read("/van-ban/28-2023-qd-ubnd/"));
      const button = elements(doc, "button").find((b) => "data-print" in b.attribs)!;
      expect(text(button)).toBe("In văn bản");
      expect(text(byClass(doc, "print-address")!)).toBe(`Địa chỉ văn bản: ${ABSOLUTE("/van-ban/28-2023-qd-ubnd/")}`);
      expect(elements(doc, "script").some((s) => /^\/assets\/js\/print\.[0-9a-f]{10}\.js$/.test(s.attribs.src ?? ""))).toBe(true);
    } finally {
      await site.cleanup();
    }
  });
});
