/** The bytes a browser downloads for a first search, measured through the Node client on a built site. */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { openPagefind, type PagefindApi, type PagefindFilters, type PagefindResult } from "../lib/search/node-client.ts";

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
