/** Builds the search fixture site and queries its Pagefind index from Node, as the search page does. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { DateTime } from "luxon";
import { build, type BuildOptions } from "../../scripts/lib/build.ts";
import { indexFilters, rankedSearch, resultView } from "../../assets/js/lib/search-engine.js";
import { queryWords } from "../../assets/js/lib/search-fold.js";
import { openPagefind, type PagefindApi, type PagefindFilters, type PagefindResult } from "../../scripts/lib/search/node-client.ts";

export const SEARCH_FIXTURE = path.resolve("tests/fixtures/search");

export interface BuiltSite {
  dir: string;
  remove(): Promise<void>;
}

/** Pages per search shard that split the search fixture's three years into several shards, months apart. */
export const FIXTURE_SHARD_PAGES = 3;

/** A full build (pages and index) of a content folder into a fresh temporary folder; `now` is the build's clock. */
export async function buildSite(content = SEARCH_FIXTURE, now?: DateTime, options: Partial<BuildOptions> = {}): Promise<BuiltSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "toasoan-search-"));
  await build({ ...options, content, out: dir, now });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface Hit {
  url: string;
  title: string;
  /** dd/MM/yyyy */
  date: string;
  category: string;
  /** The excerpt as the page shows it, matches in <mark>. */
  excerpt: string;
  month: string;
}

export interface SearchIndex {
  pagefind: PagefindApi;
  /** Every hit, as the search engine ranks them (or in `sort` order); filters in readers' spelling. */
  query(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, "asc" | "desc"> }): Promise<Hit[]>;
  close(): Promise<void>;
}

export async function openIndex(siteDir: string): Promise<SearchIndex> {
  const pagefind = await openPagefind(siteDir);
  return {
    pagefind,
    async query(term, { filters = {}, sort } = {}) {
      const results: PagefindResult[] =
        term && !sort
          ? await rankedSearch(pagefind, term, { filters })
          : (await pagefind.search(term === null ? null : queryWords(term).join(" "), { filters: indexFilters(filters), sort })).results;
      return Promise.all(
        results.map(async (r) => {
          const [view, data] = await Promise.all([resultView(r, term ?? ""), r.data()]);
          return {
            url: view.url,
            title: view.title,
            date: view.date,
            category: view.category,
            excerpt: view.excerpt.map((p) => (p.mark ? `<mark>${p.text}</mark>` : p.text)).join(""),
            month: data.filters.month?.[0] ?? "",
          };
        }),
      );
    },
    async close() {
      pagefind.close();
      await pagefind.destroy();
    },
  };
}
