/**
 * The Pagefind index of the built site: article pages only, language vi. Filters (category, year, month), the
 * sort key (date) and meta come from each article's <head> (layouts/partials/search-meta.njk).
 *
 * Eleventy renders on one core; Pagefind runs in its own process. To let the second core index while Eleventy
 * writes pages, a child process (scripts/lib/search-indexer-process.ts) renders each article's indexed part
 * (layouts/search-record.njk, the same partials as the page) and feeds Pagefind from its own event loop:
 * feeding it from Eleventy's, busy with synchronous writes, delivered nothing until Eleventy had finished.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PagefindServiceConfig } from "pagefind";
import type { Article } from "./content.ts";

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

/** What the search record template reads of an article: plain data, so it can cross to another process. */
export type SearchRecord = Pick<Article, "url" | "title" | "iso" | "month" | "dayText" | "dateText" | "image" | "imageAlt" | "html" | "source" | "tags"> & {
  category: { name: string; slug: string };
};

export function toSearchRecord(article: Article): SearchRecord {
  const { url, title, iso, month, dayText, dateText, image, imageAlt, html, source, tags, category } = article;
  return { url, title, iso, month, dayText, dateText, image, imageAlt, html, source, tags, category: { name: category.name, slug: category.slug } };
}

export interface IndexerRequest {
  records: SearchRecord[];
  siteDir: string;
}

export type IndexerReply = { ok: true; result: SearchIndexResult } | { ok: false; message: string };

export interface SearchIndexJob {
  /** Settles when <siteDir>/pagefind is written. */
  done: Promise<SearchIndexResult>;
  /** Stops the indexer (the build failed). */
  cancel(): void;
}

const PROCESS = fileURLToPath(new URL("./search-indexer-process.ts", import.meta.url));

/** Starts indexing `records` into <siteDir>/pagefind in a child process and returns at once. */
export function startSearchIndex(records: SearchRecord[], siteDir: string): SearchIndexJob {
  // `--import tsx` runs this TypeScript child as the build runs; advanced serialisation clones the records fast.
  const child = fork(PROCESS, [], { execArgv: ["--import", "tsx"], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const done = new Promise<SearchIndexResult>((resolve, reject) => {
    child.once("message", (reply: IndexerReply) => (reply.ok ? resolve(reply.result) : reject(new Error(`Pagefind: ${reply.message}`))));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`Pagefind: the indexer stopped (exit ${code}) before writing the index`)));
  });
  child.send({ records, siteDir } satisfies IndexerRequest);
  return { done, cancel: () => child.kill() };
}
