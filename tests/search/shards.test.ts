/** Shard planning (scripts/lib/search/shards.ts, index.ts) and the merge the search page runs (assets/js/lib/search-shards.js). */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { cliConfig, countFilters, indexChunkSize, recordFilters, shardKey } from "../../scripts/lib/search/index.ts";
import { planShards, runtimeRedirect, type ShardEntry } from "../../scripts/lib/search/shards.ts";

interface Scored {
  id: string;
  score: number;
}

interface ShardsModule {
  monthsOfFilters(filters?: Record<string, unknown>): Set<string> | undefined;
  routeShards<T extends { first: string; last: string }>(shards: T[], filters?: Record<string, unknown>): T[];
  countInShard(shard: ShardEntry, filters?: Record<string, unknown>): number | undefined;
  idf(total: number, withTerm: number): number;
  rescoreAcrossShards(shards: { pages: number; termPages: number[]; termScores: Map<string, number>[]; results: Scored[] }[]): void;
}

const merge = (await import(pathToFileURL(path.resolve("assets/js/lib/search-shards.js")).href)) as ShardsModule;

/** `n` articles in a month, URLs named after it. */
const month = (m: string, n: number) => Array.from({ length: n }, (_, i) => ({ url: `/tin-tuc/${m}-${i}/`, month: m }));
const year = (y: number, perMonth: number) => Array.from({ length: 12 }, (_, i) => month(`${y}-${String(i + 1).padStart(2, "0")}`, perMonth)).flat();

describe("planShards", () => {
  it("packs whole years from the oldest while they fit; the newest year stands alone", () => {
    const plan = planShards([...year(2020, 10), ...year(2021, 10), ...year(2022, 10), ...month("2023-01", 5)], 250);
    expect(plan.map((s) => [s.dir, s.urls.length])).toEqual([
      ["2020-01_2021-12", 240],
      ["2022-01_2022-12", 120],
      ["2023-01_2023-01", 5],
    ]);
  });

  it("cuts a year above the budget into runs of whole months; a month above it stays whole", () => {
    const plan = planShards([...year(2020, 10), ...month("2021-01", 50), ...month("2021-02", 5)], 45);
    expect(plan.map((s) => [s.dir, s.urls.length])).toEqual([
      ["2020-01_2020-04", 40],
      ["2020-05_2020-08", 40],
      ["2020-09_2020-12", 40],
      ["2021-01_2021-01", 50],
      ["2021-02_2021-02", 5],
    ]);
  });

  it("changes only the newest shard when articles are added to the newest year", () => {
    const before = planShards([...year(2020, 10), ...year(2021, 10), ...month("2022-01", 10)], 245);
    const after = planShards([...year(2020, 10), ...year(2021, 10), ...month("2022-01", 10), ...month("2022-02", 3)], 245);
    expect(before).toHaveLength(2);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)!.urls).toEqual([...before.at(-1)!.urls, ...month("2022-02", 3).map((a) => a.url)]);
  });

  it("packs last year in once a new year begins: the shard before it changes once a year", () => {
    const before = planShards([...year(2019, 10), ...year(2020, 10), ...month("2021-01", 10)], 130);
    const after = planShards([...year(2019, 10), ...year(2020, 10), ...month("2021-01", 10), ...month("2022-01", 5)], 130);
    expect(before.map((s) => s.dir)).toEqual(["2019-01_2019-12", "2020-01_2020-12", "2021-01_2021-01"]);
    expect(after.map((s) => s.dir)).toEqual(["2019-01_2019-12", "2020-01_2021-01", "2022-01_2022-01"]);
  });

  it("covers every article once, in contiguous months, whatever the order given", () => {
    const articles = [...year(2019, 7), ...year(2020, 3), ...month("2021-06", 40)].reverse();
    const plan = planShards(articles, 30);
    expect(plan.flatMap((s) => s.urls).sort()).toEqual(articles.map((a) => a.url).sort());
    for (let i = 1; i < plan.length; i++) expect(plan[i]!.first > plan[i - 1]!.last).toBe(true);
  });

  it("keeps an archive within the budget whole", () => {
    expect(planShards([...year(2020, 10), ...month("2021-01", 5)], 125).map((s) => s.dir)).toEqual(["2020-01_2021-01"]);
    expect(planShards([...year(2020, 10), ...month("2021-01", 5)], 124).map((s) => s.dir)).toEqual(["2020-01_2020-12", "2021-01_2021-01"]);
  });

  it("refuses a bad month or budget", () => {
    expect(() => planShards([{ url: "/a/", month: "2020-13" }])).toThrow(/\/a\/: month "2020-13"/);
    expect(() => planShards([], 0)).toThrow(/positive integer/);
    expect(planShards([])).toEqual([]);
  });
});

describe("what a shard is written from", () => {
  const record = (category: string, m: string) =>
    `<html><head><meta data-pagefind-filter="category[content]" content="${category}">\n<meta data-pagefind-filter="year[content]" content="${m.slice(0, 4)}">\n<meta data-pagefind-filter="month[content]" content="${m}"></head><body>…</body></html>`;

  it("reads filters as Pagefind does, entities unescaped, and counts them with month × category", () => {
    expect(recordFilters(record("Hoạt động KH&amp;CN", "2020-06"))).toEqual({ category: ["Hoạt động KH&CN"], year: ["2020"], month: ["2020-06"] });
    const counts = countFilters([record("A", "2020-06"), record("A", "2020-07"), record("B", "2020-06")]);
    expect(counts).toEqual({
      category: { A: 2, B: 1 },
      year: { "2020": 3 },
      month: { "2020-06": 2, "2020-07": 1 },
      monthCategory: { "2020-06": { A: 1, B: 1 }, "2020-07": { A: 1 } },
    });
  });

  it("keys a shard on its records, in order", () => {
    const a = [{ url: "/a/", html: "<p>a</p>" }, { url: "/b/", html: "<p>b</p>" }];
    expect(shardKey(a)).toBe(shardKey(a.map((r) => ({ ...r }))));
    expect(shardKey(a)).not.toBe(shardKey([...a].reverse()));
    expect(shardKey(a)).not.toBe(shardKey([a[0]!, { url: "/b/", html: "<p>b.</p>" }]));
    expect(shardKey(a)).not.toBe(shardKey(a, { forceLanguage: "en" }));
  });

  it("gives Pagefind's CLI the same settings, and smaller chunks to smaller shards", () => {
    expect(cliConfig({ forceLanguage: "vi", excludeSelectors: [".x"], keepIndexUrl: false }, "/s", "/o")).toEqual({
      site: "/s",
      output_path: "/o",
      quiet: true,
      force_language: "vi",
      exclude_selectors: [".x"],
      keep_index_url: false,
    });
    expect(indexChunkSize(10_000)).toBe(20_000);
    expect(indexChunkSize(2_500)).toBeLessThan(indexChunkSize(5_000));
    expect(indexChunkSize(3)).toBeGreaterThan(0);
  });

  it("redirects only a shard's runtime files", () => {
    expect(runtimeRedirect("/pagefind/2020-01_2021-12/wasm.unknown.pagefind")).toBe("/pagefind/wasm.unknown.pagefind");
    expect(runtimeRedirect("file:///tmp/site/pagefind/2020-01_2021-12/pagefind-worker.js")).toBe("file:///tmp/site/pagefind/pagefind-worker.js");
    expect(runtimeRedirect("/pagefind/wasm.unknown.pagefind")).toBeUndefined();
    expect(runtimeRedirect("/pagefind/2020-01_2021-12/fragment/vi_1.pf_fragment")).toBeUndefined();
  });
});

describe("the search page's merge", () => {
  const shard = (first: string, last: string, monthCategory: Record<string, Record<string, number>>): ShardEntry => ({
    dir: `${first}_${last}`,
    first,
    last,
    pages: 0,
    counts: { category: {}, year: {}, month: {}, monthCategory },
  });
  const shards = [shard("2022-01_2022-12".slice(0, 7), "2022-12", { "2022-03": { A: 2, B: 1 } }), shard("2020-01", "2021-12", { "2020-06": { A: 4 }, "2021-01": { B: 3 } })];

  it("opens only the shards of the months or years a filter names", () => {
    expect(merge.routeShards(shards, {}).map((s) => s.dir)).toEqual(["2022-01_2022-12", "2020-01_2021-12"]);
    expect(merge.routeShards(shards, { month: { any: ["2021-12", "2022-01"] } }).map((s) => s.dir)).toEqual(["2022-01_2022-12", "2020-01_2021-12"]);
    expect(merge.routeShards(shards, { month: "2022-05" }).map((s) => s.dir)).toEqual(["2022-01_2022-12"]);
    expect(merge.routeShards(shards, { year: "2020" }).map((s) => s.dir)).toEqual(["2020-01_2021-12"]);
    expect(merge.routeShards(shards, { month: { any: ["2019-01"] } })).toEqual([]);
    // Exclusions do not bound the months.
    expect(merge.routeShards(shards, { month: { none: ["2022-05"] } })).toHaveLength(2);
    expect(merge.monthsOfFilters({ year: "2020", month: { any: ["2020-06", "2021-01"] } })).toEqual(new Set(["2020-06"]));
  });

  it("knows a listing's total per shard from the manifest, or says it cannot", () => {
    const old = shards[1]!;
    expect(merge.countInShard(old, {})).toBe(7);
    expect(merge.countInShard(old, { category: "A" })).toBe(4);
    expect(merge.countInShard(old, { category: "B", month: { any: ["2021-01", "2021-02"] } })).toBe(3);
    expect(merge.countInShard(old, { category: "A", year: "2021" })).toBe(0);
    expect(merge.countInShard(old, { category: ["A", "B"] })).toBeUndefined();
    expect(merge.countInShard(old, { tag: "x" })).toBeUndefined();
    expect(merge.countInShard(old, { month: { none: ["2020-06"] } })).toBeUndefined();
  });

  it("puts scores of shards of different sizes on the scale of one index", () => {
    // One term; page "big" in a shard of 1,000 pages where the term is common, page "small" in a shard of 10 where it is rare.
    // Pagefind scores by the IDF of each shard: the rare-here page wins, though over all 1,010 pages the term is as common.
    const big = { pages: 1000, termPages: [500], termScores: [new Map([["big", 1.0]])], results: [{ id: "big", score: 1.0 }] };
    const small = { pages: 10, termPages: [1], termScores: [new Map([["small", 2.0]])], results: [{ id: "small", score: 2.0 }] };
    merge.rescoreAcrossShards([big, small]);
    const global = merge.idf(1010, 501);
    expect(big.results[0]!.score).toBeCloseTo((1.0 * global) / merge.idf(1000, 500), 6);
    expect(small.results[0]!.score).toBeCloseTo((2.0 * global) / merge.idf(10, 1), 6);
    expect(small.results[0]!.score).toBeLessThan(big.results[0]!.score);
  });

  it("rescales each term by its own share of a page's score", () => {
    // Two terms: the page owes 3/4 of its score to term 0, 1/4 to term 1.
    const a = { pages: 100, termPages: [10, 50], termScores: [new Map([["p", 3]]), new Map([["p", 1]])], results: [{ id: "p", score: 4 }] };
    const b = { pages: 100, termPages: [30, 50], termScores: [new Map(), new Map()], results: [] };
    merge.rescoreAcrossShards([a, b]);
    const ratio0 = merge.idf(200, 40) / merge.idf(100, 10);
    const ratio1 = merge.idf(200, 100) / merge.idf(100, 50);
    expect(a.results[0]!.score).toBeCloseTo(4 * (0.75 * ratio0 + 0.25 * ratio1), 6);
  });
});
