/** `npm run bench` on 200 articles, as a real child process: the JSON line is complete and the build is searchable. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndex } from "../helpers/pagefind.ts";

const ARTICLES = 200;
let scratch: string;
let printed: Record<string, any>;
let saved: Record<string, any>;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "toa-soan-bench-test-"));
  const out = path.join(scratch, "result.json");
  // Shards of 50 pages: the publish then has shards to keep and one to write.
  const args = ["run", "--silent", "bench", "--", "--articles", String(ARTICLES), "--shard-pages", "50", "--out", out, "--keep"];
  const { stdout } = await promisify(execFile)("npm", args, {
    cwd: path.resolve(import.meta.dirname, "../.."),
    maxBuffer: 64 * 1024 * 1024,
    timeout: 290_000,
  });
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  printed = JSON.parse(lines[0]!);
  saved = JSON.parse(await readFile(out, "utf8"));
}, 300_000);

afterAll(async () => {
  if (printed?.dir) await rm(printed.dir, { recursive: true, force: true });
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const positive = (value: unknown) => {
  expect(typeof value).toBe("number");
  expect(Number.isFinite(value)).toBe(true);
  expect(value as number).toBeGreaterThan(0);
};

describe("npm run bench", () => {
  it("prints one JSON line and writes the same to --out", () => {
    expect(saved).toEqual(printed);
  });

  it("reports every figure of the issue, positive", () => {
    expect(printed.articles).toBe(ARTICLES);
    for (const key of ["pages", "wallSeconds", "siteSeconds", "searchSeconds", "peakRssMiB", "outputBytes", "indexBytes", "indexFiles", "firstSearchMaxGzipBytes"]) {
      positive(printed[key]);
    }
    // Every article page, plus home, categories, archives and static pages.
    expect(printed.pages).toBeGreaterThan(ARTICLES);
    expect(printed.wallSeconds).toBeGreaterThanOrEqual(printed.checkSeconds + printed.siteSeconds);
    expect(printed.wallSeconds).toBeGreaterThanOrEqual(printed.searchSeconds);
    positive(printed.checkSeconds);
    positive(printed.preview.firstPageSeconds);
    expect(printed.preview.editSeconds).toHaveLength(3);
    expect(printed.indexBytes).toBeLessThan(printed.outputBytes);
    expect(printed.memory.peakMiB).toBe(printed.peakRssMiB);
    positive(printed.memory.peakBeforeIndexMiB);
    positive(printed.memory.peakWhileIndexingMiB);
    expect(printed.memory.atPeak.length).toBeGreaterThan(0);
    expect(Object.keys(printed.memory.cpuSeconds).some((name) => /pagefind/.test(name))).toBe(true);
    expect(printed.memory.timeline.length).toBeGreaterThan(0);
    expect(typeof printed.machine.cores).toBe("number");
    expect(printed.machine.loadAverageStart).toHaveLength(3);
  });

  it("measures first searches of one to five syllables, with and without tones, and with a category filter", () => {
    const queries = printed.firstSearch.map((f: { query: string }) => f.query);
    expect(queries).toEqual(expect.arrayContaining(["OCOP", "đo lường", "do luong", "hội nghị sơ kết", "hoi nghi so ket", "chuyển đổi số quốc gia"]));
    expect(printed.firstSearch.some((f: { filters: object }) => Object.keys(f.filters).includes("category"))).toBe(true);
    for (const f of printed.firstSearch) {
      expect(typeof f.query).toBe("string");
      positive(f.results);
      positive(f.bytes);
      positive(f.gzipBytes);
      positive(f.byKind.wasm);
      positive(f.byKind.index);
      positive(f.byKind.fragment);
    }
    positive(printed.browse.gzipBytes);
    positive(printed.browse.results);
  });

  it("publishes one article more on the warm cache: one shard written, the others kept, the article found", () => {
    expect(printed.shards.length).toBeGreaterThan(2);
    expect(printed.publish.shardsWritten).toHaveLength(1);
    expect(printed.publish.shardsReused).toBe(printed.shards.length - 1);
    expect(printed.publish.url).toMatch(/^\/tin-tuc\/[a-z0-9-]+\/$/);
    for (const key of ["wallSeconds", "peakRssMiB", "cpuSeconds"]) positive(printed.publish[key]);
  });

  it("compares with one index of the same pages: bytes per search, the same first page where dates bound it, top-10 overlap", () => {
    positive(printed.oneIndex.indexBytes);
    for (const f of printed.firstSearch) {
      positive(f.oneIndex.gzipBytes);
      expect(f.ratio).toBeCloseTo(f.gzipBytes / f.oneIndex.gzipBytes, 1);
      expect(f.top10Overlap).toBeGreaterThanOrEqual(0);
      expect(f.top10Overlap).toBeLessThanOrEqual(10);
    }
    expect(printed.relevance.queries).toBeGreaterThan(5);
    const names = printed.pageSearches.map((p: { name: string }) => p.name);
    expect(names.some((n: string) => /no keyword, newest first/.test(n))).toBe(true);
    for (const p of printed.pageSearches) {
      positive(p.gzipBytes);
      // A listing is exact across shards. (With a keyword, Pagefind matches a word's extensions only within the index
      // chunk holding the word, so chunk boundaries, different in shards, can add or drop prefix matches.)
      if (/no keyword/.test(p.name)) expect(p.sameFirstPage, p.name).toBe(true);
    }
    // A listing without a keyword opens the newest shards only.
    expect(printed.browse.shards).toBeLessThan(printed.shards.length);
  });

  it("weighs an article page: HTML, CSS and JS, gzip", () => {
    const page = printed.articlePage;
    expect(page.url).toBe(printed.corpus.known.url);
    for (const key of ["htmlGzip", "cssGzip", "totalGzip"]) positive(page[key]);
    expect(page.jsGzip).toBeGreaterThanOrEqual(0);
    expect(page.totalGzip).toBe(page.htmlGzip + page.cssGzip + page.jsGzip);
    expect(page.missing).toEqual([]);
  });

  it("finds the known article on that build through Pagefind's own API", async () => {
    const { known } = printed.corpus;
    expect(known.title).toMatch(/^Hội nghị tổng kết đo lường chất lượng năm \d{4}$/);
    const index = await openIndex(path.join(printed.dir, "site"));
    try {
      for (const query of [known.title, "hoi nghi tong ket do luong chat luong"]) {
        const hits = await index.query(query);
        expect(hits.slice(0, 5).map((h) => h.url), query).toContain(known.url);
      }
      const filtered = await index.query(known.title, { filters: { category: known.category } });
      expect(filtered.every((h) => h.category === known.category)).toBe(true);
      expect(filtered.map((h) => h.url)).toContain(known.url);
    } finally {
      await index.close();
    }
  });
});

describe("npm run bench -- --photos", () => {
  let photos: Record<string, any>;

  beforeAll(async () => {
    const out = path.join(scratch, "photos.json");
    const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "bench", "--", "--articles", "30", "--photos", "3", "--out", out], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 290_000,
    });
    photos = JSON.parse(stdout.trim()).photos;
  }, 300_000);

  it("reports a first build that encodes every photo and a rebuild that encodes none", () => {
    expect(photos.count).toBe(3);
    positive(photos.originalBytes);
    positive(photos.publishedBytes);
    // Three articles' photos plus the site's share picture; each photo 5 widths × 3 formats and its preview.
    expect(photos.first).toMatchObject({ encoded: 4, reused: 0 });
    expect(photos.rebuild).toMatchObject({ encoded: 0, reused: 4 });
    expect(photos.publishedFiles).toBe(3 * 16 + 1);
    positive(photos.first.imageSeconds);
    positive(photos.rebuild.wallSeconds);
  });
});
