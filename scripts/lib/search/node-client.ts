/**
 * Pagefind's browser API, run in Node on a built site (tests and the bench query the real index this way).
 * Node's fetch cannot read file:// URLs, so a shim serves them from disk and reports each file it reads:
 * the same requests the browser makes, because the browser runs this same pagefind.js.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PAGEFIND_OPTIONS } from "../../../assets/js/lib/search-engine.js";
import { openShards } from "../../../assets/js/lib/search-shards.js";
import { runtimeRedirect } from "./shards.ts";

/** The parts of Pagefind's browser API we use (pagefind.js ships no types). */
export interface PagefindResultData {
  url: string;
  raw_url?: string;
  excerpt: string;
  plain_excerpt?: string;
  content: string;
  word_count: number;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export type PagefindFilters = Record<string, string | string[] | { any?: string[]; all?: string[]; none?: string[]; not?: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, "asc" | "desc">;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindApi;
}

type FetchListener = (url: string, bytes: number) => void;
const listeners = new Set<FetchListener>();
let shimmed = false;

/** Lets Node's fetch read file:// URLs (as a browser reads the site over HTTP); other URLs go to the real fetch. */
function installFileFetch(): void {
  if (shimmed) return;
  shimmed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const requested = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!requested.startsWith("file:")) return realFetch(input, init);
    // The site's redirect of a shard's runtime to the one copy, as the browser follows it.
    const base = requested.replace(/\?.*$/, "");
    const url = runtimeRedirect(base) ?? requested;
    let body: Buffer;
    try {
      body = await readFile(new URL(url.replace(/\?.*$/, "")));
    } catch {
      return new Response(null, { status: 404 });
    }
    for (const listener of listeners) listener(url, body.length);
    return new Response(new Uint8Array(body));
  };
}

export interface OpenOptions {
  /** Called for every file Pagefind reads from this site's index. */
  onFetch?: (file: string, bytes: number) => void;
  /** Passed to `options()`; by default the search engine's own (assets/js/lib/search-engine.js), as on the page. */
  pagefindOptions?: Record<string, unknown>;
}

/**
 * The site's search as the page runs it: every shard under `<siteDir>/pagefind` merged by
 * assets/js/lib/search-shards.js, each shard a fresh Pagefind instance (own caches) opened on first need, result
 * URLs rooted at "/".
 */
export async function openPagefind(siteDir: string, { onFetch, pagefindOptions = PAGEFIND_OPTIONS }: OpenOptions = {}): Promise<OpenedSite> {
  installFileFetch();
  const root = pathToFileURL(path.resolve(siteDir)).href + "/";
  const bundle = `${root}pagefind/`;
  const listener: FetchListener | undefined = onFetch && ((url, bytes) => url.startsWith(bundle) && onFetch(url.slice(bundle.length).replace(/\?.*$/, ""), bytes));
  if (listener) listeners.add(listener);
  const merged = (await openShards({ base: root, options: pagefindOptions })) as unknown as PagefindApi & { opened(): string[] };
  return Object.assign(merged, { close: () => void (listener && listeners.delete(listener)) });
}

export type OpenedBundle = PagefindApi & { close(): void };
export type OpenedSite = OpenedBundle & { opened(): string[] };

/** A fresh Pagefind instance on any bundle folder (`<site>/pagefind`, or a shard's), result URLs rooted at "/". */
export async function openBundle(bundleDir: string, { onFetch, pagefindOptions = PAGEFIND_OPTIONS }: OpenOptions = {}): Promise<OpenedBundle> {
  installFileFetch();
  const bundle = path.resolve(bundleDir);
  const basePath = pathToFileURL(bundle).href + "/";
  // pagefind-entry.json is fetched with a cache-busting "?ts=…": name files without their query.
  const listener: FetchListener | undefined = onFetch && ((url, bytes) => url.startsWith(basePath) && onFetch(url.slice(basePath.length).replace(/\?.*$/, ""), bytes));
  if (listener) listeners.add(listener);
  const module = (await import(pathToFileURL(path.join(bundle, "pagefind.js")).href)) as PagefindModule;
  // Node has no document, so Pagefind falls back to the index with the most pages: our only one, "vi".
  // Options go in at creation, as the page's options() before its first search does (noWorker is no options() key).
  const instance = module.createInstance({ ...pagefindOptions, basePath, baseUrl: "/" });
  return Object.assign(instance, { close: () => void (listener && listeners.delete(listener)) });
}
