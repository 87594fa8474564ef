/**
 * Search across several Pagefind indexes ("shards"), each covering a contiguous range of publication years, as if
 * they were one index. Prototype for a 100,000-article archive (docs/benchmark.md): one index per year range keeps
 * Pagefind's memory bounded at build time, and this module keeps search correct across them:
 * - newest first: shards are disjoint year ranges, so the shards' own date-sorted lists, newest shard first,
 *   concatenate into the exact global order (no fragment needs loading to compare dates);
 * - relevance: results of every shard, merged by Pagefind's score (scores come from per-shard statistics, see
 *   the prototype's measurements for how far that drifts from one index);
 * - filters: counts are per page, so the shards' counts add up exactly;
 * - a month or year filter only opens the shards whose years it names (the download win of splitting by date).
 * The merged object has the shape of Pagefind's own API, so the search engine's `findArticles` (assets/js/lib/search-engine.js) runs on it unchanged.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { openBundle, type OpenedBundle, type PagefindApi, type PagefindFilters, type PagefindResponse, type PagefindResult, type PagefindSearchOptions } from "../lib/search/node-client.ts";

/** One shard as written by the build: `<site>/<dir>/` holds a complete Pagefind bundle for years first..last. */
export interface ShardInfo {
  /** Folder under the site root, e.g. "pagefind-2021-2026". */
  dir: string;
  firstYear: number;
  lastYear: number;
  pages: number;
}

/** Written next to the shards as `<site>/pagefind-shards.json`, newest shard first. */
export interface ShardManifest {
  shards: ShardInfo[];
}

export const SHARD_MANIFEST = "pagefind-shards.json";

// ---------------------------------------------------------------------------------------------------------------
// file:// fetch for Pagefind in Node, with a byte count per file read.

export async function readManifest(siteDir: string): Promise<ShardManifest> {
  return JSON.parse(await readFile(path.join(siteDir, SHARD_MANIFEST), "utf8")) as ShardManifest;
}

// ---------------------------------------------------------------------------------------------------------------
// The merged API.

export interface ShardedResult extends PagefindResult {
  /** The shard's folder. */
  shard: string;
}

export interface ShardedResponse extends PagefindResponse {
  results: ShardedResult[];
  /** Shards this search opened (a month or year filter narrows them). */
  shards: string[];
}

export interface ShardedPagefind extends PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<ShardedResponse>;
  /**
   * Newest first, one shard at a time, stopping once `limit` results are in: the first page of a date-ordered
   * list then opens only the newest shards. `complete` is false when older shards were not searched (the
   * total count is then unknown).
   */
  searchNewestFirst(term: string | null, filters: PagefindFilters, limit: number): Promise<{ results: ShardedResult[]; complete: boolean; shards: string[] }>;
  /** Shards opened so far by any call: each costs its entry, meta and index chunks on a first search. */
  opened(): string[];
  close(): Promise<void>;
}

/** Years named by a `year` or `month` filter ("2020", "2020-06", { any: [...] }); undefined when unbounded. */
export function yearsOfFilters(filters: PagefindFilters | undefined): Set<number> | undefined {
  let years: Set<number> | undefined;
  for (const key of ["year", "month"] as const) {
    const value = filters?.[key];
    if (value === undefined) continue;
    let values: string[];
    if (typeof value === "string") values = [value];
    else if (Array.isArray(value)) values = value;
    else if (value.any || value.all) values = [...(value.any ?? []), ...(value.all ?? [])];
    else continue; // none / not: every shard may hold matches
    const these = new Set(values.map((v) => Number(v.slice(0, 4))));
    years = years ? new Set([...years].filter((y) => these.has(y))) : these;
  }
  return years;
}

function addCounts(into: Record<string, Record<string, number>>, from: Record<string, Record<string, number>>): void {
  for (const [filter, values] of Object.entries(from)) {
    const target = (into[filter] ??= {});
    for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
  }
}

/**
 * One search API over a site's shards. `open` is called once per shard, on the first search that needs it
 * (the browser would likewise load a shard's entry and meta only when a query reaches it).
 */
export function shardedPagefind(shards: ShardInfo[], open: (shard: ShardInfo) => Promise<OpenedBundle>): ShardedPagefind {
  const ordered = [...shards].sort((a, b) => b.lastYear - a.lastYear);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]!.lastYear >= ordered[i - 1]!.firstYear) throw new Error(`shards overlap: ${ordered[i]!.dir} and ${ordered[i - 1]!.dir}`);
  }
  const instances = new Map<string, Promise<OpenedBundle>>();
  const instance = (shard: ShardInfo) => {
    let opened = instances.get(shard.dir);
    if (!opened) instances.set(shard.dir, (opened = open(shard)));
    return opened;
  };
  const touched = (filters: PagefindFilters | undefined) => {
    const years = yearsOfFilters(filters);
    return years ? ordered.filter((s) => [...years].some((y) => y >= s.firstYear && y <= s.lastYear)) : ordered;
  };

  return {
    async options(options) {
      await Promise.all([...instances.values()].map(async (i) => (await i).options(options)));
    },
    async search(term, options = {}) {
      const sortKeys = Object.keys(options.sort ?? {});
      if (sortKeys.some((k) => k !== "date")) throw new Error(`only the date sort merges across shards, not ${sortKeys.join(", ")}`);
      const targets = touched(options.filters);
      const responses = await Promise.all(targets.map(async (s) => ({ shard: s.dir, response: await (await instance(s)).search(term, options) })));
      const merged: ShardedResponse = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, shards: targets.map((s) => s.dir) };
      for (const { shard, response } of responses) {
        merged.results.push(...response.results.map((r) => Object.assign(r, { shard })));
        merged.unfilteredResultCount += response.unfilteredResultCount;
        addCounts(merged.filters, response.filters);
        addCounts(merged.totalFilters, response.totalFilters);
      }
      const direction = options.sort?.date;
      if (direction === "asc") {
        // Oldest shard first, each already ascending.
        merged.results = responses.slice().reverse().flatMap(({ shard }) => merged.results.filter((r) => r.shard === shard));
      } else if (!direction) {
        // Relevance: Pagefind's score; the sort is stable, so equal scores keep newest shard first.
        merged.results.sort((a, b) => b.score - a.score);
      }
      // "desc": already newest shard first, each shard newest first.
      return merged;
    },
    async searchNewestFirst(term, filters, limit) {
      const results: ShardedResult[] = [];
      const targets = touched(filters);
      const searched: string[] = [];
      for (const s of targets) {
        const response = await (await instance(s)).search(term, { filters, sort: { date: "desc" } });
        searched.push(s.dir);
        results.push(...response.results.map((r) => Object.assign(r, { shard: s.dir })));
        if (results.length >= limit) break;
      }
      return { results, complete: searched.length === targets.length, shards: searched };
    },
    async preload(term, options) {
      await Promise.all(touched(options?.filters).map(async (s) => (await instance(s)).preload(term, options)));
    },
    async filters() {
      const all: Record<string, Record<string, number>> = {};
      for (const counts of await Promise.all(ordered.map(async (s) => (await instance(s)).filters()))) addCounts(all, counts);
      return all;
    },
    async destroy() {
      await this.close();
    },
    opened: () => ordered.filter((s) => instances.has(s.dir)).map((s) => s.dir),
    async close() {
      for (const opened of instances.values()) {
        const i = await opened;
        i.close();
        await i.destroy();
      }
      instances.clear();
    },
  };
}

/** Opens every shard of a built site on first use. */
export async function openShards(siteDir: string, pagefindOptions: Record<string, unknown> = {}, onFetch?: (shard: string, file: string, bytes: number) => void): Promise<ShardedPagefind> {
  const { shards } = await readManifest(siteDir);
  return shardedPagefind(shards, (s) => openBundle(path.join(siteDir, s.dir), { pagefindOptions, onFetch: onFetch && ((file, bytes) => onFetch(s.dir, file, bytes)) }));
}
