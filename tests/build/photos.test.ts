import { existsSync, readdirSync, statSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../scripts/lib/build.ts";

const FIXTURE = path.resolve("tests/fixtures/photos");
const NOW = DateTime.fromISO("2024-06-12T10:00:00+07:00", { setZone: true });
const LEAD_URL = "/tin-tuc/hoi-nghi-co-anh/";
const SITE = "https://sokhcn.netlify.app";

/** The portal's organisation data with a leader's portrait taken as a JPEG. */
async function addPortrait(content: string): Promise<void> {
  await cp(path.resolve("tests/fixtures/site/du-lieu"), path.join(content, "du-lieu"), { recursive: true });
  const file = path.join(content, "du-lieu", "to-chuc.yaml");
  await writeFile(file, (await readFile(file, "utf8")).replace("/images/lanh-dao/hoang-ba-nam.svg", "/images/lanh-dao/hoang-ba-nam.jpg"));
  await mkdir(path.join(content, "images", "lanh-dao"), { recursive: true });
  await cp(path.join(content, "images", "2020", "hoi-nghi.jpg"), path.join(content, "images", "lanh-dao", "hoang-ba-nam.jpg"));
}

/** Fourteen more articles, all hot and featured, two a category: the home page's worst case for repeated links. */
async function addCrowd(content: string): Promise<void> {
  const categories = ["hoat-dong-khcn", "tieu-chuan-do-luong-chat-luong", "so-huu-tri-tue", "doi-moi-sang-tao-khoi-nghiep", "chuyen-doi-so", "van-ban-chinh-sach", "thong-bao"];
  await mkdir(path.join(content, "bai-viet", "2023"), { recursive: true });
  for (let i = 1; i <= 14; i++) {
    const day = String(i).padStart(2, "0");
    const image = i % 3 === 0 ? "image: /images/2020/hoi-nghi.jpg\nimage_alt: \"Hội trường\"\n" : "";
    await writeFile(
      path.join(content, "bai-viet", "2023", `tin-${day}.md`),
      `---\ntitle: "Tin số ${i}"\ndate: "${day}/04/2023 09:00"\ncategory: ${categories[i % categories.length]}\nhot: true\nfeatured: true\n${image}---\nNội dung tin số ${i}.\n`,
    );
  }
}

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(dir, f)).isFile()) : []);
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const meta = (html: string, property: string) => html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`))?.[1];

describe("photos in a real build of the photo fixture", () => {
  let root: string;
  let content: string;
  let cache: string;
  let out: string;
  let first: BuildResult;
  let cacheAfterFirst: Map<string, number>;
  const read = (url: string) => readFile(path.join(out, url.endsWith("/") ? `${url}index.html` : url), "utf8");

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "toa-soan-photos-"));
    content = path.join(root, "content");
    cache = path.join(root, "cache");
    out = path.join(root, "out");
    await cp(FIXTURE, content, { recursive: true });
    await addCrowd(content);
    await addPortrait(content);
    first = await build({ content, out, search: false, now: NOW, imageCache: cache });
    cacheAfterFirst = new Map(filesIn(cache).map((f) => [f, statSync(path.join(cache, f)).mtimeMs]));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("encodes every original once: four article photos, two body photos, a portrait and the site's share picture", () => {
    expect(first.images).toMatchObject({ images: 7, encoded: 7, reused: 0 });
    expect(first.images.files).toBe(cacheAfterFirst.size);
  });

  it("publishes AVIF, WebP and JPEG at the layout's widths, never wider than the original", async () => {
    const published = filesIn(path.join(out, "img"));
    const widths = (name: string, ext: string) =>
      published.filter((f) => f.startsWith(`${name}-`) && f.endsWith(`.${ext}`) && !f.includes("chia-se")).map((f) => Number(f.match(/-(\d+)\.\w+$/)![1])).sort((a, b) => a - b);
    for (const ext of ["avif", "webp", "jpeg"]) {
      expect(widths("hoi-nghi", ext)).toEqual([320, 640, 960, 1280, 1600]);
      expect(widths("canh-dong", ext)).toEqual([320, 640, 960, 1280]);
      expect(widths("phong-thi-nghiem", ext)).toEqual([320, 640, 960, 1280]);
      // An 800 px original: 640 is its largest size (a next size must be 25% narrower than the original).
      expect(widths("nho", ext)).toEqual([320, 640]);
    }
    const sample = published.find((f) => f.startsWith("hoi-nghi-") && f.endsWith("-640.avif"))!;
    const decoded = await sharp(path.join(out, "img", sample)).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(["heif", 640, 480]);
    expect((await sharp(path.join(out, "img", sample.replace(".avif", ".webp"))).metadata()).format).toBe("webp");
    expect((await sharp(path.join(out, "img", sample.replace(".avif", ".jpeg"))).metadata()).format).toBe("jpeg");
    // Originals stay in the repository: the site only has their processed sizes.
    expect(filesIn(path.join(out, "images"))).toEqual([]);
  });

  it("turns a phone's portrait photo upright (EXIF orientation) and sizes it as shown", async () => {
    const html = await read("/tin-tuc/dong-ho-nuoc/");
    const img = html.match(/<img src="\/img\/dong-ho-doc-[^>]+>/)![0];
    expect([attr(img, "width"), attr(img, "height")]).toEqual(["960", "1280"]);
    const file = filesIn(path.join(out, "img")).find((f) => f.startsWith("dong-ho-doc-") && f.endsWith("-960.jpeg"))!;
    const decoded = await sharp(path.join(out, "img", file)).metadata();
    expect([decoded.width, decoded.height]).toEqual([960, 1280]);
  });

  it("writes the lead photo as <picture>: AVIF and WebP sources, a sized JPEG <img>, fetched first, with its caption and credit", async () => {
    const html = await read(LEAD_URL);
    const figure = html.match(/<figure class="article-image photo">[\s\S]*?<\/figure>/)![0];
    const sources = [...figure.matchAll(/<source type="([^"]+)" srcset="([^"]+)" sizes="([^"]+)">/g)];
    expect(sources.map((s) => s[1])).toEqual(["image/avif", "image/webp"]);
    expect(sources[0]![2]).toMatch(/^\/img\/hoi-nghi-[\w-]+-320\.avif 320w, .* \/img\/hoi-nghi-[\w-]+-1600\.avif 1600w$/);
    const img = figure.match(/<img [^>]+>/)![0];
    expect(attr(img, "src")).toMatch(/^\/img\/hoi-nghi-[\w-]+-960\.jpeg$/);
    expect([attr(img, "width"), attr(img, "height"), attr(img, "fetchpriority"), attr(img, "loading")]).toEqual(["1600", "1200", "high", undefined]);
    expect(attr(img, "alt")).toBe("Hội trường với phông nền xanh và đại biểu ngồi kín các hàng ghế");
    // "Ảnh: " typed by the editor in image_credit is not doubled.
    expect(figure).toContain('<figcaption>Quang cảnh hội nghị sơ kết. <span class="photo-credit">Ảnh: Minh Anh</span></figcaption>');
    for (const [, , srcset] of sources) for (const url of srcset!.split(", ").map((s) => s.split(" ")[0]!)) expect(existsSync(path.join(out, url))).toBe(true);
  });

  it("makes body photos lazy figures, captioned from the italic line under them, by either spelling", async () => {
    const html = await read(LEAD_URL);
    const figures = [...html.matchAll(/<figure class="photo">([\s\S]*?)<\/figure>/g)].map((m) => m[1]!);
    expect(figures).toHaveLength(2);
    expect(figures[0]).toContain('alt="Cánh đồng lúa chín dưới trời xanh" loading="lazy"');
    expect(figures[0]).toContain('<figcaption>Ruộng trình diễn giống lúa mới. <span class="photo-credit">Ảnh: Hoàng Long</span></figcaption>');
    expect(figures[1]).toContain('<figcaption>Phòng thí nghiệm của Trung tâm. <span class="photo-credit">Ảnh: Thu Hà</span></figcaption>');
    // An image inside a sentence is still processed, but is no figure.
    expect(html).toMatch(/Ảnh giữa câu <picture>.*?<\/picture> không phải là ảnh có chú thích/);
    expect(html).not.toMatch(/<em>Ruộng trình diễn/);
  });

  it("shares a 1200×630 JPEG with its size and alt, and the site's own picture for articles without a photo", async () => {
    const withPhoto = await read(LEAD_URL);
    const url = meta(withPhoto, "og:image")!;
    expect(url).toMatch(new RegExp(`^${SITE}/img/hoi-nghi-[\\w-]+-chia-se\\.jpeg$`));
    expect([meta(withPhoto, "og:image:width"), meta(withPhoto, "og:image:height"), meta(withPhoto, "og:image:type")]).toEqual(["1200", "630", "image/jpeg"]);
    expect(meta(withPhoto, "og:image:alt")).toBe("Hội trường với phông nền xanh và đại biểu ngồi kín các hàng ghế");
    const decoded = await sharp(path.join(out, new URL(url).pathname)).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(["jpeg", 1200, 630]);
    const json = JSON.parse(withPhoto.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    expect(json.image).toBe(url);

    for (const page of ["/tin-tuc/thong-bao-khong-anh/", "/"]) {
      const html = await read(page);
      const fallback = meta(html, "og:image")!;
      expect(fallback).toMatch(new RegExp(`^${SITE}/img/chia-se-[\\w-]+-chia-se\\.jpeg$`));
      expect(meta(html, "og:image:alt")).toBe("Biểu trưng và tên Sở Khoa học và Công nghệ, Ủy ban nhân dân tỉnh");
      expect((await sharp(path.join(out, new URL(fallback).pathname)).metadata()).width).toBe(1200);
      expect(html.match(/property="og:image"/g)).toHaveLength(1);
    }
  });

  it("leads the home page with a photo fetched first and links no article more than twice", async () => {
    const html = await read("/");
    const lead = html.match(/<article class="lead-story">[\s\S]*?<\/article>/)![0];
    expect(attr(lead.match(/<img [^>]+>/)![0], "fetchpriority")).toBe("high");
    const links = [...html.matchAll(/href="(\/tin-tuc\/[^"]+)"/g)].map((m) => m[1]!);
    const counts = new Map<string, number>();
    for (const link of links) counts.set(link, (counts.get(link) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(10);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    // Every other photo on the page waits until it nears the screen (the header's logo is no photo).
    const others = [...html.replace(lead, "").matchAll(/<picture>.*?(<img [^>]+>)/gs)].map((m) => m[1]!);
    expect(others.length).toBeGreaterThan(3);
    expect(others.every((img) => attr(img, "loading") === "lazy")).toBe(true);
  });

  it("publishes a leader's JPEG portrait processed, asked for by a template while the pages render", async () => {
    const html = await read("/gioi-thieu/lanh-dao/");
    const img = html.match(/<picture><source type="image\/avif"[^>]*>.*?<img class="person-photo" src="(\/img\/hoang-ba-nam-[\w-]+-960\.jpeg)"[^>]*>/)!;
    expect(img).not.toBeNull();
    expect(existsSync(path.join(out, img[1]!))).toBe(true);
  });

  it("shows thumbnails beside summaries on category pages", async () => {
    const html = await read("/tieu-chuan-do-luong-chat-luong/");
    expect(html).toMatch(/<li class="article-item has-thumb">\s*<div class="thumb"><picture>.*?<img [^>]*alt=""[^>]*loading="lazy"/s);
  });

  it("puts the category beside the date and offers Facebook, Zalo and copy-link sharing without anyone's script", async () => {
    const html = await read(LEAD_URL);
    expect(html).toContain('<p class="article-meta"><a class="category-label" href="/hoat-dong-khcn/">Hoạt động KH&amp;CN</a> <span aria-hidden="true">·</span> <time datetime="2020-06-19T08:02:00+07:00">19/06/2020 08:02</time></p>');
    const encoded = encodeURIComponent(`${SITE}${LEAD_URL}`);
    expect(html).toContain(`href="https://www.facebook.com/sharer/sharer.php?u=${encoded}"`);
    expect(html).toContain(`href="https://sp.zalo.me/share_inline?url=${encoded}"`);
    expect(html).toMatch(/<button type="button" class="copy-link" data-copy="https:\/\/sokhcn\.netlify\.app\/tin-tuc\/hoi-nghi-co-anh\/" hidden>/);
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.every((src) => src!.startsWith("/assets/js/"))).toBe(true);
    expect(html).not.toMatch(/<iframe|\son[a-z]+=/);
  });

  it("encodes nothing on a second build: every output comes from the cache, untouched", async () => {
    const second = await build({ content, out: path.join(root, "out-2"), search: false, now: NOW, imageCache: cache });
    expect(second.images).toMatchObject({ images: 7, encoded: 0, reused: 7, files: first.images.files });
    const after = new Map(filesIn(cache).map((f) => [f, statSync(path.join(cache, f)).mtimeMs]));
    expect(after).toEqual(cacheAfterFirst);
    expect(filesIn(path.join(root, "out-2", "img")).sort()).toEqual(filesIn(path.join(out, "img")).sort());
  });

  it("encodes only the photo that changed, under a new name", async () => {
    const changed = path.join(content, "images", "nho.jpg");
    await sharp(changed).modulate({ brightness: 1.1 }).jpeg({ quality: 60 }).toFile(`${changed}.new`);
    await cp(`${changed}.new`, changed);
    await rm(`${changed}.new`);
    const third = await build({ content, out: path.join(root, "out-3"), search: false, now: NOW, imageCache: cache, pruneImageCache: true });
    expect(third.images).toMatchObject({ images: 7, encoded: 1, reused: 6 });
    const cached = filesIn(cache);
    // The pruned cache holds this build's files only: the old photo's sizes are gone.
    expect(cached.sort()).toEqual(filesIn(path.join(root, "out-3", "img")).sort());
    expect(cached.filter((f) => f.startsWith("nho-"))).toHaveLength(7);
  });
});
