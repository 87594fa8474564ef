/** The documents library in a real build of tests/fixtures/documents: list, filters, a document's page, relations, feed, status. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const FIXTURE = path.resolve("tests/fixtures/documents");
const NOW = "2026-12-01T10:00:00+07:00";

/** 16 more Công văn, one a day from 01/06/2024: with the fixture's 7, two pages of 20. */
async function addLetters(content: string): Promise<void> {
  const dir = path.join(content, "van-ban", "2024");
  await mkdir(dir, { recursive: true });
  const pdf = await readFile(path.join(content, "van-ban", "2020", "32-2020-qd-ubnd.pdf"));
  for (let i = 1; i <= 16; i++) {
    const day = String(i).padStart(2, "0");
    await writeFile(path.join(dir, `cv-${day}.pdf`), pdf);
    await writeFile(
      path.join(dir, `cv-${day}.md`),
      `---\nso_ky_hieu: "${900 + i}/SKHCN-VP"\nloai: Công văn\nlinh_vuc: Khoa học và công nghệ\nco_quan_ban_hanh: Sở KH&CN\nngay_ban_hanh: ${day}/06/2024\ntrich_yeu: "Về việc số ${i}"\ntep: [cv-${day}.pdf]\n---\n`,
    );
  }
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
/** Titles of a list page's documents, in order. */
const listed = (html: string) => [...html.matchAll(/<h3 class="document-item-title"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => m[2]);
const statusOf = (html: string) => html.match(/<p class="document-status-line"[^>]*>Tình trạng: <span class="doc-status doc-status-([a-z-]+)">([^<]+)<\/span>/)?.slice(1);

describe("documents library, built at 01/12/2026", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture(FIXTURE, { now: NOW, prepare: addLetters });
  });
  afterAll(() => site?.cleanup());

  it("lists documents newest first by ngày ban hành, 20 a page, with static pages for readers without JavaScript", async () => {
    const first = await site.read("/van-ban/");
    const titles = listed(first);
    expect(titles).toHaveLength(20);
    expect(titles.slice(0, 4)).toEqual(["Quyết định số 41/2026/QĐ-UBND", "Công văn số 1520/SKHCN-QLKH", "Quyết định số 15/2025/QĐ-UBND", "Công văn số 916/SKHCN-VP"]);
    expect(first).toContain('<a href="/van-ban/trang-2/" rel="next">Trang sau →</a>');
    const second = listed(await site.read("/van-ban/trang-2/"));
    expect(second).toEqual(["Quyết định số 569/QĐ-TTg", "Kế hoạch số 45/KH-SKHCN", "Quyết định số 32/2020/QĐ-UBND"]);
    expect(await site.read("/van-ban/trang-2/")).toContain('<a href="/van-ban/" rel="prev">← Trang trước</a>');
  });

  it("shows each document's issuer, date and status in the list", async () => {
    const html = await site.read("/van-ban/");
    expect(html).toContain('<p class="document-item-meta">Ủy ban nhân dân tỉnh · Ban hành <time datetime="2026-11-24">24/11/2026</time> · <span class="doc-status doc-status-chua-co-hieu-luc">Chưa có hiệu lực</span></p>');
    expect(html).toContain('<p class="document-item-summary">Sửa đổi, bổ sung một số điều của Quy định quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh</p>');
  });

  it("offers every filter as a GET form on /van-ban/, with the counts of the library", async () => {
    const html = await site.read("/van-ban/");
    expect(html).toContain('<form id="doc-form" class="doc-form" action="/van-ban/" method="get"');
    expect(html).toContain('<option value="quyet-dinh">Quyết định (5)</option>');
    expect(html).toContain('<option value="cong-van">Công văn (17)</option>');
    expect(html).toContain('<option value="chuyen-doi-so">Chuyển đổi số (3)</option>');
    expect(html).toContain('<option value="ubnd-tinh">Ủy ban nhân dân tỉnh (4)</option>');
    expect(html).toContain('<option value="2024">2024 (16)</option>');
    expect(html).toContain('<option value="het-hieu-luc">Hết hiệu lực (2)</option>');
    expect(html).toContain('<option value="chua-co-hieu-luc">Chưa có hiệu lực (1)</option>');
    for (const name of ["q", "loai", "linh-vuc", "co-quan", "nam", "tinh-trang"]) expect(html).toContain(`name="${name}"`);
    // Types nobody used are not offered.
    expect(html).not.toContain('value="thong-tu"');
  });

  it("gives a document its page: metadata table, status, summary and body", async () => {
    const html = await site.read("/van-ban/15-2025-qd-ubnd/");
    expect(html).toContain("<h1>Quyết định số 15/2025/QĐ-UBND</h1>");
    expect(html).toContain("<title>Quyết định số 15/2025/QĐ-UBND | Sở Khoa học và Công nghệ tỉnh Minh Sơn</title>");
    expect(statusOf(html)).toEqual(["con-hieu-luc", "Còn hiệu lực"]);
    expect(html).toContain('<tr><th scope="row">Số ký hiệu</th><td>15/2025/QĐ-UBND</td></tr>');
    expect(html).toContain('<tr><th scope="row">Lĩnh vực</th><td>Quản lý nhiệm vụ khoa học và công nghệ; Chuyển đổi số</td></tr>');
    expect(html).toContain('<tr><th scope="row">Ngày ban hành</th><td><time datetime="2025-03-14">14/03/2025</time></td></tr>');
    expect(html).toContain('<tr><th scope="row">Ngày có hiệu lực</th><td>25/03/2025</td></tr>');
    expect(html).toContain("<p>Tóm tắt: hồ sơ nộp trực tuyến.</p>");
    const json = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    expect(json).toMatchObject({ "@type": "Legislation", legislationIdentifier: "15/2025/QĐ-UBND", legislationDate: "2025-03-14" });
  });

  it("publishes attachments at the document's address under tone-less names, linked with type and size", async () => {
    const html = await site.read("/van-ban/28-2023-qd-ubnd/");
    const docx = await readFile(path.join(site.content, "van-ban", "2023", "Phu luc 28.docx"));
    expect(await readFile(path.join(site.out, "van-ban", "28-2023-qd-ubnd", "phu-luc-28.docx"))).toEqual(docx);
    expect(html).toContain(
      '<li><a href="/van-ban/28-2023-qd-ubnd/phu-luc-28.docx" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document">Phụ lục: Mẫu phiếu đề xuất</a> <span class="file-info">(DOCX, 10 KB)</span></li>',
    );
    const pdfBytes = (await readFile(path.join(site.content, "van-ban", "2023", "28-2023-qd-ubnd.pdf"))).length;
    expect(pdfBytes).toBeLessThan(1024);
    expect(html).toContain(`<li><a href="/van-ban/28-2023-qd-ubnd/28-2023-qd-ubnd.pdf" type="application/pdf">Quyết định số 28/2023/QĐ-UBND</a> <span class="file-info">(PDF, ${pdfBytes} B)</span></li>`);
  });

  it("shows relations both ways, and a replaced document ends when its replacement takes effect", async () => {
    const middle = await site.read("/van-ban/28-2023-qd-ubnd/");
    expect(middle).toMatch(/<dt>Thay thế<\/dt>\s*<dd><a href="\/van-ban\/32-2020-qd-ubnd\/">Quyết định số 32\/2020\/QĐ-UBND<\/a>: [^<]+ · <span class="doc-status doc-status-het-hieu-luc">Hết hiệu lực<\/span><\/dd>/);
    expect(middle).toMatch(/<dt>Được sửa đổi bởi<\/dt>\s*<dd><a href="\/van-ban\/15-2025-qd-ubnd\/">Quyết định số 15\/2025\/QĐ-UBND<\/a>/);
    expect(middle).toMatch(/<dt>Được bổ sung bởi<\/dt>\s*<dd><a href="\/van-ban\/15-2025-qd-ubnd\/">/);
    const old = await site.read("/van-ban/32-2020-qd-ubnd/");
    expect(old).toMatch(/<dt>Được thay thế bởi<\/dt>\s*<dd><a href="\/van-ban\/28-2023-qd-ubnd\/">Quyết định số 28\/2023\/QĐ-UBND<\/a>/);
    expect(old).toContain('<tr><th scope="row">Ngày hết hiệu lực</th><td>01/11/2023 (khi 28/2023/QĐ-UBND có hiệu lực)</td></tr>');
    expect(statusOf(old)).toEqual(["het-hieu-luc", "Hết hiệu lực"]);
    const amending = await site.read("/van-ban/15-2025-qd-ubnd/");
    expect(amending).toMatch(/<dt>Sửa đổi<\/dt>\s*<dd><a href="\/van-ban\/28-2023-qd-ubnd\/">/);
  });

  it("expires a document on its own ngày hết hiệu lực, and a number without a year gets the year in its address", async () => {
    const plan = await site.read("/van-ban/45-kh-skhcn-2021/");
    expect(statusOf(plan)).toEqual(["het-hieu-luc", "Hết hiệu lực"]);
    expect(plan).toContain('<tr><th scope="row">Ngày có hiệu lực</th><td>05/08/2021</td></tr>');
    expect(await site.read("/van-ban/569-qd-ttg-2022/")).toContain("<h1>Quyết định số 569/QĐ-TTg</h1>");
  });

  it("links articles and documents both ways; a draft never shows as citing", async () => {
    const article = await site.read("/tin-tuc/bai-trich-dan/");
    expect(article).toMatch(/<h2 id="cited-heading">Văn bản liên quan<\/h2>\s*<ul>\s*<li><a href="\/van-ban\/15-2025-qd-ubnd\/">Quyết định số 15\/2025\/QĐ-UBND<\/a>: Sửa đổi[^<]+ · <span class="doc-status doc-status-con-hieu-luc">Còn hiệu lực<\/span><\/li>\s*<li><a href="\/van-ban\/569-qd-ttg-2022\/">/);
    const document = await site.read("/van-ban/15-2025-qd-ubnd/");
    expect(document).toContain('<h2 id="citations-heading">Tin bài nhắc tới văn bản này</h2>');
    expect(document).toContain('<a href="/tin-tuc/bai-trich-dan/">Hồ sơ nhiệm vụ KH&amp;CN nộp trực tuyến từ năm 2025</a>');
    expect(await site.read("/van-ban/28-2023-qd-ubnd/")).not.toContain("citations-heading");
  });

  it("publishes a feed of new documents, newest first, with their status", async () => {
    const text = await site.read("/van-ban/feed.xml");
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(feed.entry).toHaveLength(20);
    expect(feed.entry[0].title).toBe("Quyết định số 41/2026/QĐ-UBND: Ban hành Quy chế vận hành nền tảng số dùng chung quản lý nhiệm vụ khoa học và công nghệ");
    expect(feed.entry[0].link.href).toBe("https://sokhcn.netlify.app/van-ban/41-2026-qd-ubnd/");
    expect(feed.entry[0].published).toBe("2026-11-24T00:00:00+07:00");
    expect(feed.entry[0].summary).toContain("có hiệu lực từ 01/01/2027; chưa có hiệu lực.");
    expect(await site.read("/sitemap.xml")).toContain("<loc>https://sokhcn.netlify.app/van-ban/15-2025-qd-ubnd/</loc>");
  });
});

describe("status on the build's calendar day in Vietnam, around ngày có hiệu lực 01/01/2027", () => {
  // 23:59 on 31/12 and 00:00 on 01/01 in Vietnam are both still 31/12 in UTC.
  for (const [now, expected] of [
    ["2026-12-31T23:59:00+07:00", ["chua-co-hieu-luc", "Chưa có hiệu lực"]],
    ["2027-01-01T00:00:00+07:00", ["con-hieu-luc", "Còn hiệu lực"]],
    ["2027-01-02T09:00:00+07:00", ["con-hieu-luc", "Còn hiệu lực"]],
  ] as const) {
    it(`is "${expected[1]}" when built at ${now}`, async () => {
      const site = await buildFixture(FIXTURE, { now });
      try {
        expect(statusOf(await site.read("/van-ban/41-2026-qd-ubnd/"))).toEqual(expected);
        expect(await site.read("/van-ban/")).toContain(`<time datetime="2026-11-24">24/11/2026</time> · <span class="doc-status doc-status-${expected[0]}">`);
      } finally {
        await site.cleanup();
      }
    });
  }
});
