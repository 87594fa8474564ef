import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPreview, createPreviewListener, type Preview } from "../../scripts/lib/server/preview.ts";
import { listen, type SiteServer } from "../../scripts/lib/server/static-server.ts";

const SEED = "bai-viet/2020/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020.md";
const SEED_URL = "/tin-tuc/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020/";

describe("npm run dev: the on-demand preview", () => {
  let content: string;
  let preview: Preview;
  let server: SiteServer;

  beforeAll(async () => {
    content = path.join(await mkdtemp(path.join(tmpdir(), "toa-soan-preview-")), "content");
    await cp(path.resolve("tests/fixtures/site"), content, { recursive: true });
    preview = createPreview(content, { imageCache: path.join(path.dirname(content), "cache") });
    server = await listen(createPreviewListener(content, preview));
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(content), { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const response = await fetch(server.url + url);
    return { status: response.status, html: await response.text(), headers: response.headers };
  };

  it("renders the seed article with the build's layout and security headers", async () => {
    const { status, html, headers } = await get(SEED_URL);
    expect(status).toBe(200);
    expect(html).toContain('<time datetime="2020-06-19T08:02:00+07:00">19/06/2020 08:02</time>');
    expect(headers.get("content-security-policy")).toContain("script-src 'self'");
    const css = html.match(/href="(\/assets\/css\/site\.\w+\.css)"/)![1]!;
    expect((await fetch(server.url + css)).status).toBe(200);
  });

  it("serves the search page's scripts as the build publishes them: bundled, minified, the worker beside", async () => {
    const { html } = await get("/tim-kiem/");
    const script = html.match(/src="(\/assets\/js\/search\.\w+\.js)"/)![1]!;
    const worker = html.match(/data-worker="(\/assets\/js\/search-worker\.\w+\.js)"/)![1]!;
    for (const url of [script, worker]) {
      const response = await fetch(server.url + url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get("content-type"), url).toMatch(/javascript/);
      const code = await response.text();
      // Bundled: no import of our own modules is left for the browser to resolve.
      expect(code, url).not.toMatch(/from\s*["']\.\/lib\//);
    }
  });

  it("renders the portal's pages from the data files and the English folder", async () => {
    expect((await get("/thu-tuc-hanh-chinh/")).html).toContain("<h1>Thủ tục hành chính</h1>");
    expect((await get("/gioi-thieu/lanh-dao/")).html).toContain('<h2 class="person-name">Hoàng Bá Nam</h2>');
    const english = await get("/en/contact/");
    expect(english.status).toBe(200);
    expect(english.html).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it("shows drafts and scheduled articles, marked", async () => {
    expect((await get("/tin-tuc/ban-nhap-chua-dang/")).html).toContain("Bản nháp: bài này chưa được đăng.");
    expect((await get("/tin-tuc/thong-bao-hen-gio/")).html).toContain("Hẹn giờ đăng");
  });

  it("shows an edited article on the next request", async () => {
    const file = path.join(content, SEED);
    const source = await readFile(file, "utf8");
    await writeFile(file, source.replace("Hội nghị sơ kết hoạt động KH&CN địa phương 6 tháng đầu năm 2020", "Tiêu đề vừa sửa"));
    preview.invalidate();
    expect((await get(SEED_URL)).html).toContain("<h1>Tiêu đề vừa sửa</h1>");
    expect((await get("/")).html).toContain("Tiêu đề vừa sửa");
  });

  it("encodes a photo the first time a page asks for it", async () => {
    await mkdir(path.join(content, "images"), { recursive: true });
    await cp(path.resolve("tests/fixtures/photos/images/canh-dong.webp"), path.join(content, "images", "canh-dong.webp"));
    await writeFile(
      path.join(content, "bai-viet", "2021", "co-anh.md"),
      '---\ntitle: "Có ảnh"\ndate: "19/06/2021 08:02"\ncategory: thong-bao\nimage: /images/canh-dong.webp\nimage_alt: "Cánh đồng lúa"\n---\nBài có ảnh.\n',
    );
    preview.invalidate();
    const { html } = await get("/tin-tuc/co-anh/");
    const avif = html.match(/(\/img\/canh-dong-[\w-]+-640\.avif) 640w/)![1]!;
    const response = await fetch(server.url + avif);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/avif");
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({ format: "heif", width: 640 });
    expect((await fetch(server.url + "/img/khong-co-anh-nay-640.avif")).status).toBe(404);
  });

  it("lists content problems on every page instead of stopping", async () => {
    await writeFile(path.join(content, "bai-viet", "2021", "loi.md"), '---\ntitle: "Lỗi"\ndate: "19/06/2020 08:02"\ncategory: khong-co\n---\nx\n');
    preview.invalidate();
    const { html } = await get("/");
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/loi\.md:4: category: chuyên mục &#34;khong-co&#34; không có/);
  });

  it("answers unknown addresses with the 404 page", async () => {
    const { status, html } = await get("/khong-co-trang-nay/");
    expect(status).toBe(404);
    expect(html).toContain("Không tìm thấy trang");
  });
});

describe("npm run dev: documents", () => {
  let content: string;
  let server: SiteServer;

  beforeAll(async () => {
    content = path.join(await mkdtemp(path.join(tmpdir(), "toa-soan-preview-docs-")), "content");
    await cp(path.resolve("tests/fixtures/documents"), content, { recursive: true });
    server = await listen(createPreviewListener(content));
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(content), { recursive: true, force: true });
  });

  it("shows a document's page and serves its attachments with their type", async () => {
    const page = await fetch(`${server.url}/van-ban/28-2023-qd-ubnd/`);
    expect(await page.text()).toContain("<h1>Quyết định số 28/2023/QĐ-UBND</h1>");
    const docx = await fetch(`${server.url}/van-ban/28-2023-qd-ubnd/phu-luc-28.docx`);
    expect(docx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(Buffer.from(await docx.arrayBuffer())).toEqual(await readFile(path.join(content, "van-ban", "2023", "Phu luc 28.docx")));
  });
});

describe("npm run dev survives any request", () => {
  let content: string;
  let server: SiteServer;

  beforeAll(async () => {
    content = path.join(await mkdtemp(path.join(tmpdir(), "toa-soan-preview-")), "content");
    await cp(path.resolve("tests/fixtures/search"), content, { recursive: true });
    server = await listen(createPreviewListener(content));
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(content), { recursive: true, force: true });
  });

  it("answers a malformed address with 400, the images folder with the 404 page, and keeps serving", async () => {
    expect((await fetch(`${server.url}/%E0%A4%A`)).status).toBe(400);
    const folder = await fetch(`${server.url}/images/`);
    expect(folder.status).toBe(404);
    expect(await folder.text()).toContain("Không tìm thấy trang");
    expect((await fetch(`${server.url}/images/..%2F..%2Fpackage.json`)).status).toBe(404);
    const image = await fetch(`${server.url}/images/hoi-thao-khcn.jpg`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toMatch(/^image\/jpeg/);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it("answers pages only to GET and HEAD", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await fetch(`${server.url}/`, { method });
      expect([method, response.status, response.headers.get("allow")]).toEqual([method, 405, "GET, HEAD"]);
    }
    const head = await fetch(`${server.url}/`, { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([200, ""]);
  });
});
