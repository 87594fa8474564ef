import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { site as configuredSite } from "../../site.config.ts";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const FIXTURE = path.resolve("tests/fixtures/site");
const SEED_URL = "/tin-tuc/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020/";
// A week after the fixture's only schedule entry (03/06/2024): this week is empty.
const NOW = "2024-06-12T10:00:00+07:00";

/** 23 announcements, one a day from 01/03/2022: more than one page of 20. */
async function addAnnouncements(content: string): Promise<void> {
  const dir = path.join(content, "bai-viet", "2022");
  await mkdir(dir, { recursive: true });
  for (let i = 1; i <= 23; i++) {
    const day = String(i).padStart(2, "0");
    await writeFile(
      path.join(dir, `thong-bao-so-${day}.md`),
      `---\ntitle: "Thông báo số ${i}"\ndate: "${day}/03/2022 09:00"\ncategory: thong-bao\n---\nNội dung thông báo số ${i}.\n`,
    );
  }
}

const count = (html: string, needle: string) => html.split(needle).length - 1;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

describe("production build of the fixture site", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture(FIXTURE, { now: NOW, prepare: addAnnouncements });
  });
  afterAll(() => site?.cleanup());

  it("shows the seed article with its date, body and source", async () => {
    const html = await site.read(SEED_URL);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>Hội nghị sơ kết hoạt động KH&amp;CN địa phương 6 tháng đầu năm 2020</h1>');
    expect(html).toContain('<time datetime="2020-06-19T08:02:00+07:00">19/06/2020 08:02</time>');
    expect(html).toContain("Chiều ngày 18/6/2020, Sở KH&amp;CN đã tổ chức Hội nghị Sơ kết");
    expect(html).toContain("nhân rộng kết quả các nhiệm vụ đã được nghiệm thu...</p>");
    expect(html).toMatch(/<p class="article-source">Trung tâm Ứng dụng và Thống kê KH&amp;CN<\/p>/);
    expect(html).toContain('<a href="/hoat-dong-khcn/">Hoạt động KH&amp;CN</a>');
    expect(html).toContain(`<link rel="canonical" href="https://sokhcn.netlify.app${SEED_URL}">`);
  });

  it("describes the article for machines: JSON-LD NewsArticle and Open Graph", async () => {
    const html = await site.read(SEED_URL);
    const json = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    expect(json).toMatchObject({ "@type": "NewsArticle", datePublished: "2020-06-19T08:02:00+07:00", articleSection: "Hoạt động KH&CN" });
    expect(json.author.name).toBe("Trung tâm Ứng dụng và Thống kê KH&CN");
    expect(html).toContain('<meta property="og:type" content="article">');
  });

  it("shows an article published at 00:30 +07 on its own day", async () => {
    const html = await site.read("/tin-tuc/dang-luc-nua-dem/");
    expect(html).toContain(">01/01/2024 00:30</time>");
    expect(html).toContain('<a href="/chuyen-doi-so/">Chuyển đổi số</a>');
  });

  it("paginates a category 20 articles a page, newest first", async () => {
    const first = await site.read("/thong-bao/");
    const second = await site.read("/thong-bao/trang-2/");
    expect(count(first, 'class="article-item"')).toBe(20);
    expect(count(second, 'class="article-item"')).toBe(3);
    expect(first.indexOf("Thông báo số 23")).toBeLessThan(first.indexOf("Thông báo số 22"));
    expect(first).toContain('<a href="/thong-bao/trang-2/" rel="next">');
    expect(second).toContain('<a href="/thong-bao/" rel="prev">');
    expect(second).toContain("Thông báo số 1<");
  });

  it("writes feeds that parse as XML with the newest items first", async () => {
    const text = await site.read("/feed.xml");
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(feed.entry).toHaveLength(20);
    expect(feed.entry[0].title).toBe("Đăng lúc nửa đêm đầu năm");
    expect(feed.entry[1].title).toBe("Thông báo số 23");
    const published = feed.entry.map((e: { published: string }) => Date.parse(e.published));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
    expect(new Set(feed.entry.map((e: { id: string }) => e.id)).size).toBe(20);

    const category = xml.parse(await site.read("/chuyen-doi-so/feed.xml")).feed;
    expect(category.title).toBe("Chuyển đổi số - Sở Khoa học và Công nghệ tỉnh Minh Sơn");
    expect(category.entry.title).toBe("Đăng lúc nửa đêm đầu năm");
    expect(category.id).not.toBe(feed.id);
  });

  it("keeps drafts and future articles out of production", async () => {
    await expect(site.read("/tin-tuc/ban-nhap-chua-dang/")).rejects.toThrow();
    await expect(site.read("/tin-tuc/thong-bao-hen-gio/")).rejects.toThrow();
    const everything = (await site.read("/feed.xml")) + (await site.read("/sitemap.xml")) + (await site.read("/thong-bao/"));
    expect(everything).not.toContain("hen-gio");
    expect(everything).not.toContain("ban-nhap");
  });

  it("says when the week's schedule is empty and links the weeks", async () => {
    const week = await site.read("/lich-cong-tac/");
    expect(week).toContain("<h1>Lịch công tác tuần này</h1>");
    expect(week).toContain("Tuần 24 (từ ngày 10/06 đến ngày 16/06/2024)");
    expect(week).toContain('<p class="empty">Tuần này chưa có lịch công tác.</p>');
    expect(week).toContain('href="/lich-cong-tac/2024-w23/" rel="prev"');
    const previous = (await site.read("/lich-cong-tac/2024-w23/")).split("<aside")[0]!;
    expect(previous).toContain("<title>Lịch công tác tuần 23 (từ ngày 03/06 đến ngày 09/06/2024) | Sở Khoa học và Công nghệ tỉnh Minh Sơn</title>");
    expect(previous).toContain("<h1>Lịch công tác tuần 23 (từ ngày 03/06 đến ngày 09/06/2024)</h1>");
    expect(previous).toContain("Họp giao ban Ban Giám đốc Sở");
    expect(previous).toContain("Thứ Hai, 03/06/2024");
    // The session word only when there is no time.
    expect(previous).toContain('<p class="schedule-when">08:00</p>');
    expect(previous).not.toContain("chưa có lịch công tác");
  });

  it("writes static pages, archive, sitemap, robots and the 404 page", async () => {
    expect(await site.read("/gioi-thieu/")).toContain("<h1>Giới thiệu</h1>");
    const month = await site.read("/luu-tru/2022/03/trang-2/");
    expect(month).toContain("Thông báo số 1<");
    expect(month).toContain("<title>Lưu trữ tháng 3/2022 (trang 2) | Sở Khoa học và Công nghệ tỉnh Minh Sơn</title>");
    expect(month).toContain('<h1>Lưu trữ tháng 3/2022 <span class="page-number">(trang 2)</span></h1>');
    expect(await site.read("/luu-tru/")).toContain('<a href="/luu-tru/2022/03/">Tháng 3</a> (23 bài)');
    const sitemap = await site.read("/sitemap.xml");
    expect(XMLValidator.validate(sitemap)).toBe(true);
    expect(sitemap).toContain(`<loc>https://sokhcn.netlify.app${SEED_URL}</loc>`);
    expect(await site.read("/robots.txt")).toContain("Sitemap: https://sokhcn.netlify.app/sitemap.xml");
    expect(await site.read("/404.html")).toContain("Không tìm thấy trang");
  });

  it("puts the sidebar on every page", async () => {
    for (const url of ["/", SEED_URL, "/thong-bao/trang-2/", "/gioi-thieu/", "/404.html"]) {
      const html = await site.read(url);
      for (const heading of ["Tìm kiếm theo chuyên mục - nội dung - ngày tháng", "Tin nóng", "Tin tiêu điểm", "Lịch công tác", "Website liên kết", "Thống kê truy cập"]) {
        // On the front page "Tin tiêu điểm" heads the lead stories (its sidebar does not list them again).
        expect(html, `${url}: ${heading}`).toContain(`>${heading}</h2>`);
      }
    }
  });
});

describe("a department's own block headings", () => {
  it("renames the blocks it sets and keeps the old portal's headings for the others", async () => {
    const widgets = { hot: "Tin nổi bật", linkedWebsites: "Liên kết website" };
    const site = await buildFixture(FIXTURE, { now: NOW, site: { ...configuredSite, widgets } });
    try {
      const home = await site.read("/");
      // The sidebar's block: the front page has no hot list of its own.
      expect(count(home, ">Tin nổi bật</h2>")).toBe(1);
      expect(home).not.toContain(">Tin nóng<");
      expect(home).toContain(">Liên kết website</h2>");
      for (const heading of ["Tìm kiếm theo chuyên mục - nội dung - ngày tháng", "Tin tiêu điểm", "Lịch công tác", "Thống kê truy cập"]) {
        expect(home, heading).toContain(`>${heading}</h2>`);
      }
    } finally {
      await site.cleanup();
    }
  });
});

describe("preview build", () => {
  it("shows drafts and scheduled articles, marked as such", async () => {
    const site = await buildFixture(FIXTURE, { now: NOW, preview: true });
    try {
      expect(await site.read("/tin-tuc/ban-nhap-chua-dang/")).toContain("Bản nháp: bài này chưa được đăng.");
      expect(await site.read("/tin-tuc/thong-bao-hen-gio/")).toContain("Hẹn giờ đăng: bài lên trang ở lần xuất bản đầu tiên sau 01/01/2099 08:00, muộn nhất lúc 00:05 ngày 02/01/2099.");
    } finally {
      await site.cleanup();
    }
  });
});

describe("a bad article", () => {
  it("stops the build with the file, line and field", async () => {
    const attempt = buildFixture(FIXTURE, {
      prepare: (content) => writeFile(path.join(content, "bai-viet", "2021", "loi.md"), '---\ntitle: "Bài lỗi"\ndate: "hôm qua"\ncategory: hoat-dong-khcn\n---\nx\n'),
    });
    await expect(attempt).rejects.toThrow(/bai-viet\/2021\/loi\.md:3: date: ngày "hôm qua" không đọc được/);
  });
});
