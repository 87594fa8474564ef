/**
 * The Pagefind index of the built site: article and document pages, language vi. Filters (category, year, month), the
 * sort key (date) and meta come from each article's <head> (layouts/partials/search-meta.njk).
 *
 * Pagefind's indexing is the longest part of a large build, so it starts first and runs beside the rest: a child
 * process (indexer-process.ts) reads the articles, renders each one's indexed part
 * (layouts/search-record.njk, the same partials as the page) and feeds Pagefind from its own event loop, while
 * the build checks the content and Eleventy renders. (Fed from Eleventy's event loop, busy with synchronous
 * writes, Pagefind received nothing until Eleventy had finished.)
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DateTime } from "luxon";
import type { PagefindServiceConfig } from "pagefind";
import type { Article } from "../content/load.ts";

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
  /** Pages indexed: the articles and the documents. */
  pages: number;
  /** The folder written: <siteDir>/pagefind. */
  outputPath: string;
}

/** What the search record template reads of an article: plain data, so it can cross to another process. */
export type SearchRecord = Pick<Article, "url" | "title" | "iso" | "month" | "dayText" | "dateText" | "image" | "imageAlt" | "imageCaption" | "imageCredit" | "photo" | "html" | "source" | "tags"> & {
  category: { name: string; slug: string };
};

export function toSearchRecord(article: Article): SearchRecord {
  const { url, title, iso, month, dayText, dateText, image, imageAlt, imageCaption, imageCredit, photo, html, source, tags, category } = article;
  return { url, title, iso, month, dayText, dateText, image, imageAlt, imageCaption, imageCredit, photo, html, source, tags, category: { name: category.name, slug: category.slug } };
}

/** Parent → indexer: first what to index, then (once the content check has passed) where to write. */
export type IndexerRequest = { content: string; now: string; preview: boolean } | { write: string };

export type IndexerReply = { ok: true; result: SearchIndexResult } | { ok: false; message: string };

export interface SearchIndexJob {
  /** The check passed and the output folder is clean: write <siteDir>/pagefind once every page is in. */
  write(siteDir: string): Promise<SearchIndexResult>;
  /** Stops the indexer (the check or the build failed). */
  cancel(): void;
}

const PROCESS = fileURLToPath(new URL("./indexer-process.ts", import.meta.url));

/**
 * Starts indexing the published articles of `content` in a child process and returns at once. It starts before
 * the content check, which runs meanwhile on the other core; nothing is written until `write` is called.
 */
export function startSearchIndex(content: string, { now, preview = false }: { now: DateTime; preview?: boolean }): SearchIndexJob {
  // `--import tsx` runs the TypeScript child as the build runs.
  const child = fork(PROCESS, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const done = new Promise<SearchIndexResult>((resolve, reject) => {
    child.once("message", (reply: IndexerReply) => (reply.ok ? resolve(reply.result) : reject(new Error(`Pagefind: ${reply.message}`))));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`Pagefind: the indexer stopped (exit ${code}) before writing the index`)));
  });
  // A cancelled job's rejection is expected; whoever calls `write` sees it.
  done.catch(() => {});
  child.send({ content, now: now.toISO()!, preview } satisfies IndexerRequest);
  return {
    write(siteDir) {
      child.send({ write: siteDir } satisfies IndexerRequest);
      return done;
    },
    cancel: () => child.kill(),
  };
}
