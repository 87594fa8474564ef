/**
 * The Pagefind index of the built site: article pages only (they alone carry data-pagefind-body), language vi.
 * Filters (category, year, month), the sort key (date) and meta come from each article's <head>.
 */
import * as pagefind from "pagefind";
import type { PagefindServiceConfig } from "pagefind";

/**
 * Inside the article, what readers search is the title and the text. The printed date ("19/06/2020 08:02")
 * would add a word per day and minute to the index and open every excerpt; the date filter covers it.
 */
export const SEARCH_EXCLUDE = [".article-meta"];

export const SEARCH_INDEX_CONFIG: PagefindServiceConfig = {
  forceLanguage: "vi",
  excludeSelectors: SEARCH_EXCLUDE,
};

export interface SearchIndexResult {
  /** Pages indexed: the articles. */
  pages: number;
  /** The folder written: <siteDir>/pagefind. */
  outputPath: string;
}

/**
 * A Pagefind index fed page by page while Eleventy renders: Pagefind parses in its own process, so the
 * second core indexes while the first renders, instead of waiting for the whole site and reading it back.
 */
export interface SearchIndexer {
  /** Queues one rendered page; pages without data-pagefind-body are left out. */
  add(url: string, html: string): void;
  /** Waits for the queued pages and writes <siteDir>/pagefind. */
  finish(siteDir: string): Promise<SearchIndexResult>;
  /** Stops Pagefind's process; safe to call after finish or on failure. */
  close(): Promise<void>;
}

export async function createSearchIndexer(config: PagefindServiceConfig = SEARCH_INDEX_CONFIG): Promise<SearchIndexer> {
  const { index, errors } = await pagefind.createIndex(config);
  if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
  const pending: Promise<unknown>[] = [];
  const failures: string[] = [];
  return {
    add(url, html) {
      if (!html.includes("data-pagefind-body")) return;
      pending.push(index.addHTMLFile({ url, content: html }).then((r) => failures.push(...r.errors.map((e) => `${url}: ${e}`))));
    },
    async finish(siteDir) {
      await Promise.all(pending);
      if (failures.length) throw new Error(`Pagefind: ${failures.join("; ")}`);
      const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
      return { pages: pending.length, outputPath: written.outputPath };
    },
    async close() {
      await pagefind.close();
    },
  };
}
