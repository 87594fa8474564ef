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

export async function buildSearchIndex(siteDir: string, config: PagefindServiceConfig = SEARCH_INDEX_CONFIG): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex(config);
  if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    return { pages: added.page_count, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}
