/**
 * Pagefind's browser API, run in Node on a built site, and the bytes a browser downloads for a first search.
 * Node's fetch cannot read file:// URLs, so a shim serves them from disk and reports each file it reads:
 * the same requests the browser makes, because the browser runs this same pagefind.js.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

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
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith("file:")) return realFetch(input, init);
    let body: Buffer;
    try {
      body = await readFile(new URL(url));
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
  /** Passed to `options()`, as assets/js/search.js does. */
  pagefindOptions?: Record<string, unknown>;
}

/** A fresh Pagefind instance (own caches) on `<siteDir>/pagefind`, result URLs rooted at "/". */
export function openPagefind(siteDir: string, options: OpenOptions = {}): Promise<OpenedBundle> {
  return openBundle(path.join(siteDir, "pagefind"), options);
}

export type OpenedBundle = PagefindApi & { close(): void };

/** A fresh Pagefind instance on any bundle folder (`<site>/pagefind`, or a shard's), result URLs rooted at "/". */
export async function openBundle(bundleDir: string, { onFetch, pagefindOptions = {} }: OpenOptions = {}): Promise<OpenedBundle> {
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

const SEARCH_SCRIPT = fileURLToPath(new URL("../../assets/js/search.js", import.meta.url));

/** Settings of assets/js/search.js that change what a search downloads; keep both in step. */
export const SEARCH_PAGE = {
  /** Results whose fragment `data()` loads at once; "Xem thêm" loads the next as many. */
  pageSize: 10,
  pagefindOptions: { excerptLength: 24, noWorker: true },
  /** With `noWorker` false the browser runs Pagefind in a Web Worker, which loads this script too. */
  workerScript: "pagefind-worker.js",
} as const;

export type FileKind = "script" | "worker" | "wasm" | "entry" | "meta" | "index" | "filter" | "fragment";

export interface FetchedFile {
  file: string;
  kind: FileKind;
  bytes: number;
  /** Bytes on the wire with gzip: JavaScript and JSON compress, Pagefind's own files are already gzip. */
  gzipBytes: number;
}

export interface FirstSearchBytes {
  query: string | null;
  filters: PagefindFilters;
  results: number;
  files: FetchedFile[];
  /** Uncompressed bytes of every file fetched. */
  bytes: number;
  /** What a gzip-serving host sends. */
  gzipBytes: number;
  byKind: Record<FileKind, number>;
}

/** A search as the page runs it (assets/js/search.js `findArticles`): category, day range and order. */
export interface PageSearch {
  categoryName?: string;
  /** YYYY-MM-DD, Vietnam time, inclusive. */
  from?: string;
  to?: string;
  sort?: "lien-quan" | "moi-nhat";
}

interface SearchScript {
  findArticles(pf: PagefindApi, state: Required<PageSearch> & { q: string }): Promise<PagefindResult[]>;
}

export interface MeasureOptions {
  /** Run the page's own search logic instead of one Pagefind call: day ranges then cost what they cost there. */
  page?: PageSearch;
  /**
   * Count pagefind-worker.js, as a browser fetches it when Pagefind 1.6 searches in its Web Worker (its default).
   * Default: whatever the page does (`noWorker` in its options). Node itself never starts the worker.
   */
  worker?: boolean;
  pageSize?: number;
  pagefindOptions?: { noWorker?: boolean } & Record<string, unknown>;
}

/** What a file of a Pagefind bundle is, by its name. */
export function kindOf(file: string): FileKind {
  if (file === "pagefind.js") return "script";
  if (file === SEARCH_PAGE.workerScript) return "worker";
  if (file.startsWith("wasm.")) return "wasm";
  if (file === "pagefind-entry.json") return "entry";
  if (file.endsWith(".pf_meta")) return "meta";
  if (file.startsWith("index/")) return "index";
  if (file.startsWith("filter/")) return "filter";
  return "fragment";
}

/**
 * The bytes a browser downloads for its first search on a built site: pagefind.js (and its worker), the WASM,
 * the entry and meta files, the index and filter chunks the query needs and the first page of result fragments.
 * An empty `query` lists the filters' articles newest first, as the search page does.
 */
export async function measureFirstSearch(
  siteDir: string,
  query: string | null,
  filters: PagefindFilters = {},
  { page, pageSize = SEARCH_PAGE.pageSize, pagefindOptions = SEARCH_PAGE.pagefindOptions, worker = !pagefindOptions.noWorker }: MeasureOptions = {},
): Promise<FirstSearchBytes> {
  const fetched = new Map<string, number>();
  const pagefind = await openPagefind(siteDir, { onFetch: (file, bytes) => fetched.set(file, bytes), pagefindOptions });
  let results = 0;
  try {
    const term = query?.trim() ? query.trim() : null;
    let found: PagefindResult[];
    if (page) {
      const script = (await import(pathToFileURL(SEARCH_SCRIPT).href)) as SearchScript;
      found = await script.findArticles(pagefind, { q: term ?? "", categoryName: "", from: "", to: "", sort: "lien-quan", ...page });
    } else {
      found = (await pagefind.search(term, term ? { filters } : { filters, sort: { date: "desc" } })).results;
    }
    results = found.length;
    await Promise.all(found.slice(0, pageSize).map((r) => r.data()));
  } finally {
    pagefind.close();
    await pagefind.destroy();
  }
  const bundle = path.resolve(siteDir, "pagefind");
  const scripts = ["pagefind.js", ...(worker ? [SEARCH_PAGE.workerScript] : [])];
  for (const file of scripts) fetched.set(file, (await stat(path.join(bundle, file))).size);

  const files: FetchedFile[] = [];
  for (const [file, bytes] of fetched) {
    const kind = kindOf(file);
    const compressible = kind === "script" || kind === "worker" || kind === "entry";
    const gzipBytes = compressible ? gzipSync(await readFile(path.join(bundle, file)), { level: 9 }).length : bytes;
    files.push({ file, kind, bytes, gzipBytes });
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  const byKind = { script: 0, worker: 0, wasm: 0, entry: 0, meta: 0, index: 0, filter: 0, fragment: 0 } satisfies Record<FileKind, number>;
  for (const f of files) byKind[f.kind] += f.gzipBytes;
  return {
    query,
    filters,
    results,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    byKind,
  };
}
