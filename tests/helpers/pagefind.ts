/** Builds the search fixture site and queries its Pagefind index from Node, as the search page does. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "../../scripts/lib/build.ts";
import { openPagefind, type PagefindApi, type PagefindFilters } from "../../scripts/lib/search/node-client.ts";

export const SEARCH_FIXTURE = path.resolve("tests/fixtures/search");

export interface BuiltSite {
  dir: string;
  remove(): Promise<void>;
}

/** A full build (pages and index) of a content folder into a fresh temporary folder. */
export async function buildSite(content = SEARCH_FIXTURE): Promise<BuiltSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "toasoan-search-"));
  await build({ content, out: dir });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface Hit {
  url: string;
  title: string;
  /** dd/MM/yyyy */
  date: string;
  category: string;
  excerpt: string;
  month: string;
}

export interface SearchIndex {
  pagefind: PagefindApi;
  /** Every hit, in Pagefind's order; `sort` as the page passes it. */
  query(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, "asc" | "desc"> }): Promise<Hit[]>;
  close(): Promise<void>;
}

export async function openIndex(siteDir: string): Promise<SearchIndex> {
  const pagefind = await openPagefind(siteDir);
  return {
    pagefind,
    async query(term, options = {}) {
      const response = await pagefind.search(term, options);
      const data = await Promise.all(response.results.map((r) => r.data()));
      return data.map((d) => ({
        url: d.url,
        title: d.meta.title ?? "",
        date: d.meta.date ?? "",
        category: d.meta.category ?? "",
        excerpt: d.excerpt,
        month: d.filters.month?.[0] ?? "",
      }));
    },
    async close() {
      pagefind.close();
      await pagefind.destroy();
    },
  };
}
