/** The Pagefind index of a fixture build, queried from Node through Pagefind's own browser API. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findArticles, monthsBetween, PAGE_SIZE, PAGEFIND_OPTIONS } from "../../assets/js/lib/search-engine.js";
import { parseDay } from "../../assets/js/lib/days.js";
import { indexText, readerText } from "../../assets/js/lib/search-fold.js";
import { measureFirstSearch, SEARCH_PAGE } from "../../scripts/bench/search-bytes.ts";
import { buildSite, FIXTURE_SHARD_PAGES, openIndex, type BuiltSite, type SearchIndex } from "../helpers/pagefind.ts";

const SEED = "/tin-tuc/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020/";
const KHCN = [SEED, "/tin-tuc/hoi-thao-ung-dung-khcn-nong-nghiep/", "/tin-tuc/chuyen-doi-so-trong-quan-ly/"];
const ARTICLES = 12;

interface PageState {
  q: string;
  categoryName: string;
  from: string;
  to: string;
  sort: "lien-quan" | "moi-nhat";
}

let site: BuiltSite;
let index: SearchIndex;
/**
 * The same fixture split into shards months apart: the page's searches by category, dates and order run on it,
 * proving the merge (assets/js/lib/search-shards.js) exact. (Ranking across shards of two or three pages is not
 * one index's; tests/search/relevance.test.ts runs the relevance suite on shards of the sample site.)
 */
let sharded: BuiltSite;
let shardedIndex: SearchIndex;

beforeAll(async () => {
  site = await buildSite();
  index = await openIndex(site.dir);
  sharded = await buildSite(undefined, undefined, { shardPages: FIXTURE_SHARD_PAGES });
  shardedIndex = await openIndex(sharded.dir);
});

afterAll(async () => {
  await index?.close();
  await site?.remove();
  await shardedIndex?.close();
  await sharded?.remove();
});

const urls = (hits: { url: string }[]) => hits.map((h) => h.url);

async function pageSearch(state: Partial<PageState>): Promise<{ url: string; date: string }[]> {
  const results = await findArticles(shardedIndex.pagefind, { q: "", categoryName: "", from: "", to: "", sort: "lien-quan", ...state });
  const data = await Promise.all(results.map((r) => r.data()));
  return data.map((d) => ({ url: d.url, date: d.meta.date ?? "" }));
}

describe("what is indexed", () => {
  it("holds the articles only, with the filters, sort key and meta the issue names", async () => {
    const filters = await index.pagefind.filters();
    expect(Object.keys(filters).sort()).toEqual(["category", "month", "year"]);
    const total = (counts: Record<string, number> = {}) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total(filters.year)).toBe(ARTICLES);
    expect(total(filters.month)).toBe(ARTICLES);
    // The index writes đ as ḓ, in filter values too; read back, they are the categories' names.
    const categories = Object.fromEntries(Object.entries(filters.category ?? {}).map(([name, n]) => [readerText(name), n]));
    expect(categories).toMatchObject({ "Hoạt động KH&CN": 3, "Thông báo": 5, "Tiêu chuẩn - Đo lường - Chất lượng": 2 });
    expect(Object.keys(filters.category ?? {})).toContain(indexText("Tiêu chuẩn - Đo lường - Chất lượng"));

    // The static page and the work-schedule entry both say "Hội nghị sơ kết" and "KH&CN".
    for (const q of ["hội nghị sơ kết", "KH&CN", "giới thiệu"]) {
      for (const url of urls(await index.query(q))) expect(url).toMatch(/^\/tin-tuc\/[a-z0-9-]+\/$/);
    }
    // "Website liên kết" heads a sidebar widget on every page.
    expect(await index.query("Website")).toEqual([]);

    const [seed] = await index.query("hoi nghi so ket");
    expect(seed).toMatchObject({ url: SEED, title: "Hội nghị sơ kết hoạt động KH&CN địa phương 6 tháng đầu năm 2020", date: "19/06/2020", category: "Hoạt động KH&CN", month: "2020-06" });
    const [withImage] = await index.query("kiem dinh do luong");
    const raw = await (await index.pagefind.search("kiem dinh do luong")).results[0]!.data();
    expect(withImage!.url).toBe("/tin-tuc/kiem-dinh-phuong-tien-do-luong-tai-cho/");
    // The result's image is the page's own JPEG fallback, never the unpublished original.
    expect(raw.meta.image).toMatch(/^\/img\/kiem-dinh-do-luong-[\w-]+-960\.jpeg$/);
    expect(raw.filters).toEqual({ category: [indexText("Tiêu chuẩn - Đo lường - Chất lượng")], year: ["2021"], month: ["2021-05"] });
  });

  it("keeps the printed date, tags and sidebar out of excerpts", async () => {
    const hits = await index.query("hoi nghi");
    for (const hit of hits) {
      expect(hit.excerpt).not.toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(hit.excerpt).not.toContain("Từ khóa");
      expect(hit.excerpt).not.toContain("Lịch công tác");
    }
  });
});

describe("tone-less and abbreviated queries", () => {
  it('"hoi nghi so ket" finds the seed article first', async () => {
    const hits = await index.query("hoi nghi so ket");
    expect(hits[0]!.url).toBe(SEED);
    expect(hits[0]!.excerpt).toMatch(/<mark>Hội<\/mark> <mark>nghị<\/mark> <mark>[Ss]ơ<\/mark> <mark>kết<\/mark>/);
  });

  it('"do luong" finds "đo lường"', async () => {
    const hits = await index.query("do luong");
    expect(hits[0]!.url).toBe("/tin-tuc/kiem-dinh-phuong-tien-do-luong-tai-cho/");
    expect(hits[0]!.excerpt).toContain("<mark>lường</mark>");
    expect(urls(hits)).toContain(SEED); // "tiêu chuẩn đo lường chất lượng" in its body
  });

  it.each(["KH&CN", "khcn", "KH CN", "kh&cn", "KHCN"])('"%s" finds the KH&CN articles first', async (q) => {
    const hits = await index.query(q);
    expect(urls(hits).slice(0, KHCN.length).sort()).toEqual([...KHCN].sort());
    expect(urls(hits)).not.toContain("/tin-tuc/so-ket-cong-tac-so-huu-tri-tue/");
  });
});

describe("filters, dates and order, as the search page asks for them", () => {
  it("a category plus a day range crossing months and years keeps exactly the articles inside, 00:00 and 23:59 included", async () => {
    const got = await pageSearch({ categoryName: "Thông báo", from: "2021-12-31", to: "2022-01-31" });
    expect(got).toEqual([
      { url: "/tin-tuc/thong-bao-ket-qua-xet-chon-31-01/", date: "31/01/2022" }, // 23:59 on the last day
      { url: "/tin-tuc/thong-bao-hoi-thi-sang-tao-ky-thuat/", date: "10/01/2022" },
      { url: "/tin-tuc/thong-bao-lich-nghi-tet-31-12/", date: "31/12/2021" }, // 00:00 on the first day (17:00 UTC the day before)
    ]);
    // Pagefind's side of it: the month filter alone also holds 30/12 23:59, which the day bounds then drop.
    const months = await shardedIndex.query(null, { filters: { category: "Thông báo", month: { any: monthsBetween("2021-12-31", "2022-01-31") } }, sort: { date: "desc" } });
    expect(urls(months)).toContain("/tin-tuc/thong-bao-tuyen-chon-de-tai-30-12/");
    expect(urls(months)).not.toContain("/tin-tuc/thong-bao-thu-tuc-hanh-chinh-01-02/");
  });

  it("one-day ranges on either side of midnight, open ranges and ranges with no articles", async () => {
    expect(await pageSearch({ from: "2021-12-31", to: "2021-12-31" })).toEqual([{ url: "/tin-tuc/thong-bao-lich-nghi-tet-31-12/", date: "31/12/2021" }]);
    expect(await pageSearch({ from: "2021-12-30", to: "2021-12-30" })).toEqual([{ url: "/tin-tuc/thong-bao-tuyen-chon-de-tai-30-12/", date: "30/12/2021" }]);
    expect(await pageSearch({ from: "2022-02-01", to: "2022-02-01" })).toEqual([{ url: "/tin-tuc/thong-bao-thu-tuc-hanh-chinh-01-02/", date: "01/02/2022" }]);
    expect((await pageSearch({ from: "2022-02-01" })).map((r) => r.date)).toEqual(["20/03/2022", "01/02/2022"]);
    expect((await pageSearch({ to: "2020-12-28" })).map((r) => r.date)).toEqual(["28/12/2020", "19/06/2020"]);
    expect(await pageSearch({ from: "2023-01-01", to: "2023-12-31" })).toEqual([]);
    expect(await pageSearch({ from: "1990-01-01", to: "2090-12-31", categoryName: "Chuyển đổi số" })).toHaveLength(1);
  });

  it("a keyword within a range keeps relevance order or newest first, as asked", async () => {
    const relevance = await pageSearch({ q: "thong bao", from: "2021-12-31", to: "2022-02-01" });
    expect(relevance.map((r) => r.url).sort()).toEqual(
      ["/tin-tuc/thong-bao-ket-qua-xet-chon-31-01/", "/tin-tuc/thong-bao-hoi-thi-sang-tao-ky-thuat/", "/tin-tuc/thong-bao-lich-nghi-tet-31-12/", "/tin-tuc/thong-bao-thu-tuc-hanh-chinh-01-02/"].sort(),
    );
    const newest = await pageSearch({ q: "thong bao", from: "2021-12-31", to: "2022-02-01", sort: "moi-nhat" });
    expect(newest.map((r) => r.date)).toEqual(["01/02/2022", "31/01/2022", "10/01/2022", "31/12/2021"]);
  });

  it("an empty keyword lists a category newest first", async () => {
    const got = await pageSearch({ categoryName: "Thông báo" });
    expect(got.map((r) => r.date)).toEqual(["01/02/2022", "31/01/2022", "10/01/2022", "31/12/2021", "30/12/2021"]);
  });

  it("sorts by date both ways and by relevance", async () => {
    const desc = await shardedIndex.query("thong bao", { sort: { date: "desc" } });
    const asc = await shardedIndex.query("thong bao", { sort: { date: "asc" } });
    expect(desc.length).toBeGreaterThanOrEqual(5);
    expect(urls(asc)).toEqual(urls(desc).reverse());
    const day = (d: string) => d.split("/").reverse().join("-");
    expect(desc.map((h) => day(h.date))).toEqual(desc.map((h) => day(h.date)).sort().reverse());
    const ranked = await shardedIndex.query("tieu chuan co so");
    expect(ranked[0]!.url).toBe("/tin-tuc/tap-huan-tieu-chuan-co-so/");
  });

  it("validates days and spans months across years", () => {
    expect(monthsBetween("2021-11-15", "2022-02-03")).toEqual(["2021-11", "2021-12", "2022-01", "2022-02"]);
    expect(monthsBetween("2022-02-03", "2021-11-15")).toEqual([]);
    expect(["29/02/2022", "01/13/2021", "1/1/21", "29/02/2024x", "2022-02-29"].map(parseDay)).toEqual([null, null, null, null, null]);
    expect(["29/02/2024", "", "31/12/2021", "1/2/2022", "01-02-2022", "01.02.2022", "2022-02-01"].map(parseDay)).toEqual(["2024-02-29", "", "2021-12-31", "2022-02-01", "2022-02-01", "2022-02-01", "2022-02-01"]);
  });
});

describe("first-search bytes", () => {
  it("counts what Pagefind fetches, with the page's settings", async () => {
    expect(SEARCH_PAGE.pageSize).toBe(PAGE_SIZE);
    expect(SEARCH_PAGE.pagefindOptions).toEqual(PAGEFIND_OPTIONS);
    const m = await measureFirstSearch(sharded.dir, "hoi nghi so ket");
    expect(m.results).toBeGreaterThan(0);
    expect(new Set(m.files.map((f) => f.kind))).toEqual(new Set(["manifest", "script", "worker", "wasm", "entry", "meta", "index", "fragment"]));
    expect(m.bytes).toBeGreaterThan(m.gzipBytes);
    // The page's own worker, minified, is the one script a search adds to Pagefind's: not Pagefind's worker.
    expect(m.files.map((f) => f.file)).not.toContain("pagefind-worker.js");
    const withoutWorker = await measureFirstSearch(sharded.dir, "hoi nghi so ket", {}, { worker: false });
    expect(m.gzipBytes - withoutWorker.gzipBytes).toBe(m.byKind.worker);
    const listing = await measureFirstSearch(sharded.dir, null, { category: "Thông báo" });
    expect(listing.results).toBe(5);
    expect(listing.byKind.filter).toBeGreaterThan(0);
  });
});
