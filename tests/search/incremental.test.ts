/**
 * Publishing one article into a built archive: only its shard is indexed again, only the pages it changes are
 * rendered again, and the site is the one a fresh build writes, search answers included.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../scripts/lib/build.ts";
import { ContentCheckError } from "../../scripts/lib/check/index.ts";
import { openIndex, SEARCH_FIXTURE, type Hit } from "../helpers/pagefind.ts";

const NEW_ARTICLE = `---
title: "Thông báo tuyển chọn nhiệm vụ khoa học năm 2023"
date: "28/03/2022 09:00"
category: thong-bao
---

Sở Khoa học và Công nghệ thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ năm 2023.
`;

let root: string;
let content: string;
const warm = { out: "", cache: "" };
let cold = "";
const NOW = DateTime.fromISO("2026-11-30T09:00:00+07:00", { setZone: true });
// Shards of three pages: the new article's year (2022) is cut into runs of months, so one of several shards changes.
const SHARD_PAGES = 3;
let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "toa-soan-incremental-"));
  content = path.join(root, "content");
  await cp(SEARCH_FIXTURE, content, { recursive: true });
  warm.out = path.join(root, "warm");
  warm.cache = path.join(root, "cache");
  cold = path.join(root, "cold");
  // One clock for all: the sidebar shows the current week's schedule.
  const options = { out: warm.out, cacheDir: warm.cache, shardPages: SHARD_PAGES, now: NOW };
  first = await build({ content, ...options });
  await writeFile(path.join(content, "bai-viet/2022/thong-bao-tuyen-chon-nhiem-vu-2023.md"), NEW_ARTICLE);
  second = await build({ content, ...options });
  await build({ content, out: cold, shardPages: SHARD_PAGES, now: NOW });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under a folder with its bytes, by relative path. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

describe("a warm rebuild after one new article", () => {
  it("indexes only the shard of the new article's month and keeps the others", () => {
    expect(first.search!.shards.every((s) => !s.reused)).toBe(true);
    const rewritten = second.search!.shards.filter((s) => !s.reused);
    expect(rewritten).toHaveLength(1);
    expect(rewritten[0]!.dir).toMatch(/^2022-\d{2}_2022-\d{2}$/);
    const [from, to] = rewritten[0]!.dir.split("_");
    expect(from! <= "2022-03" && "2022-03" <= to!).toBe(true);
    expect(second.search!.shards.length).toBeGreaterThan(2);
    expect(second.search!.pages).toBe(first.search!.pages + 1);
  });

  it("writes the same search index, byte for byte, as a fresh build", async () => {
    const [warmIndex, coldIndex] = await Promise.all([tree(path.join(warm.out, "pagefind")), tree(path.join(cold, "pagefind"))]);
    expect([...warmIndex.keys()].sort()).toEqual([...coldIndex.keys()].sort());
    for (const [file, bytes] of warmIndex) expect(bytes.equals(coldIndex.get(file)!), file).toBe(true);
  });

  it("parses again only the new article: every other file's reading is kept, keyed on its bytes", () => {
    expect(first.sourcesKept).toBe(0);
    expect(second.sources).toBe(first.sources + 1);
    expect(second.sourcesKept).toBe(first.sources);
  });

  it("renders again only the pages the new article changes, and writes the same site, byte for byte, as a fresh build", async () => {
    expect(first.pagesKept).toBe(0);
    // Kept: the other articles but its neighbours, other categories' listings, static pages, the schedule…
    expect(second.pagesKept).toBeGreaterThan(second.pages / 2);
    const [warmSite, coldSite] = await Promise.all([tree(warm.out), tree(cold)]);
    expect([...warmSite.keys()].sort()).toEqual([...coldSite.keys()].sort());
    const differing = [...warmSite].filter(([file, bytes]) => !bytes.equals(coldSite.get(file)!)).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  it("answers every kind of search as a fresh build does", async () => {
    const [a, b] = await Promise.all([openIndex(warm.out), openIndex(cold)]);
    try {
      const searches: [string | null, Parameters<typeof a.query>[1]][] = [
        ["thong bao", {}],
        ["khoa học", {}],
        ["tuyen chon", { sort: { date: "desc" } }],
        [null, { filters: { category: "Thông báo" }, sort: { date: "desc" } }],
        [null, { filters: { month: { any: ["2022-01", "2022-02", "2022-03"] } }, sort: { date: "asc" } }],
      ];
      for (const [term, options] of searches) {
        const summary = (hits: Hit[]) => hits.map((h) => `${h.url} ${h.date} ${h.excerpt}`);
        const warmHits = await a.query(term, options);
        expect(warmHits.length, String(term)).toBeGreaterThan(0);
        expect(summary(warmHits), String(term)).toEqual(summary(await b.query(term, options)));
      }
      expect((await a.query("tuyen chon nhiem vu 2023"))[0]?.url).toBe("/tin-tuc/thong-bao-tuyen-chon-nhiem-vu-2023/");
      expect(await a.pagefind.filters()).toEqual(await b.pagefind.filters());
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("leaves the published index as it was when the next build stops on a bad article, and keeps what it read", async () => {
    const before = await tree(path.join(warm.out, "pagefind"));
    const bad = path.join(content, "bai-viet/2022/thieu-tieu-de.md");
    await writeFile(bad, `---\ndate: "29/03/2022 09:00"\ncategory: thong-bao\n---\n\nKhông có tiêu đề.\n`);
    // A good article committed with the bad one: read by the stopped build, not published by it.
    await writeFile(path.join(content, "bai-viet/2022/cung-dot.md"), NEW_ARTICLE.replace("năm 2023", "năm 2024").replace("09:00", "10:00"));
    try {
      await expect(build({ content, out: warm.out, cacheDir: warm.cache, shardPages: SHARD_PAGES })).rejects.toBeInstanceOf(ContentCheckError);
    } finally {
      await rm(bad);
    }
    const after = await tree(path.join(warm.out, "pagefind"));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // Once the bad file is fixed (here: gone), the next build parses nothing again, the good article included.
    const fixed = await build({ content, out: warm.out, cacheDir: warm.cache, shardPages: SHARD_PAGES, now: NOW });
    expect(fixed.sources).toBe(second.sources + 1);
    expect(fixed.sourcesKept).toBe(fixed.sources);
  });
});
