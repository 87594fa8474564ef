/** The bytes a browser downloads for a first search, measured through the Node client on a built site. */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { findArticles, indexFilters, PAGE_SIZE, PAGEFIND_OPTIONS, rankedSearch, resultView } from "../../assets/js/lib/search-engine.js";
import { openPagefind, type PagefindFilters, type PagefindResult } from "../lib/search/node-client.ts";

/** Settings of the search page that change what a search downloads, read from its own engine. */
export const SEARCH_PAGE = {
  /** Results whose fragment `data()` loads at once; "Xem thêm" loads the next as many. */
  pageSize: PAGE_SIZE,
  pagefindOptions: PAGEFIND_OPTIONS,
  /** The page's worker (assets/js/search-worker.js), which loads Pagefind: fetched by every first search. */
  workerScript: "search-worker.js",
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

/** A search as the page runs it (`findArticles` of assets/js/lib/search-engine.js): category, day range and order. */
export interface PageSearch {
  categoryName?: string;
  /** YYYY-MM-DD, Vietnam time, inclusive. */
  from?: string;
  to?: string;
  sort?: "lien-quan" | "moi-nhat";
}

export interface MeasureOptions {
  /** Run the page's own search (category, day range, order) instead of a query with `filters`. */
  page?: PageSearch;
  /** Count the page's worker script (default), which a browser fetches before Pagefind. */
  worker?: boolean;
  pageSize?: number;
  pagefindOptions?: Record<string, unknown>;
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
  { page, pageSize = SEARCH_PAGE.pageSize, pagefindOptions = SEARCH_PAGE.pagefindOptions, worker = true }: MeasureOptions = {},
): Promise<FirstSearchBytes> {
  const fetched = new Map<string, number>();
  const pagefind = await openPagefind(siteDir, { onFetch: (file, bytes) => fetched.set(file, bytes), pagefindOptions });
  let results = 0;
  try {
    const term = query?.trim() ?? "";
    let found: PagefindResult[];
    if (page) found = await findArticles(pagefind, { q: term, categoryName: "", from: "", to: "", sort: "lien-quan", ...page });
    else if (term) found = await rankedSearch(pagefind, term, { filters });
    else found = (await pagefind.search(null, { filters: indexFilters(filters), sort: { date: "desc" } })).results;
    results = found.length;
    // What the page shows of the first page of results: fragments read, excerpts built.
    await Promise.all(found.slice(0, pageSize).map((r) => resultView(r, term)));
  } finally {
    pagefind.close();
    await pagefind.destroy();
  }
  const bundle = path.resolve(siteDir, "pagefind");
  const sources = new Map<string, string>([["pagefind.js", path.join(bundle, "pagefind.js")]]);
  if (worker) sources.set(SEARCH_PAGE.workerScript, await builtScript(siteDir, SEARCH_PAGE.workerScript));
  for (const [file, source] of sources) fetched.set(file, (await stat(source)).size);

  const files: FetchedFile[] = [];
  for (const [file, bytes] of fetched) {
    const kind = kindOf(file);
    const compressible = kind === "script" || kind === "worker" || kind === "entry";
    const gzipBytes = compressible ? gzipSync(await readFile(sources.get(file) ?? path.join(bundle, file)), { level: 9 }).length : bytes;
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

/** A script of assets/js/ as the build published it, under its fingerprinted name. */
async function builtScript(siteDir: string, name: string): Promise<string> {
  const dir = path.join(siteDir, "assets", "js");
  const stem = name.replace(/\.js$/, "");
  const found = (await readdir(dir)).find((f) => new RegExp(`^${stem}\\.[0-9a-f]{10}\\.js$`).test(f));
  if (!found) throw new Error(`${name} is not in ${dir}`);
  return path.join(dir, found);
}
