/** The bytes a browser downloads for a first search, measured through the Node client on a built site. */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { findArticles, indexFilters, PAGE_SIZE, PAGEFIND_OPTIONS, rankedSearch, resultView } from "../../assets/js/lib/search-engine.js";
import { openBundle, openPagefind, type PagefindFilters, type PagefindResult } from "../lib/search/node-client.ts";

/** Settings of the search page that change what a search downloads, read from its own engine. */
export const SEARCH_PAGE = {
  /** Results whose fragment `data()` loads at once; "Xem thêm" loads the next as many. */
  pageSize: PAGE_SIZE,
  pagefindOptions: PAGEFIND_OPTIONS,
  /** The page's worker (assets/js/search-worker.js), which loads Pagefind: fetched by every first search. */
  workerScript: "search-worker.js",
} as const;

export type FileKind = "script" | "worker" | "manifest" | "wasm" | "entry" | "meta" | "index" | "filter" | "fragment";

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
  /** Shards the search opened (their folders); empty for a plain bundle. */
  shards: string[];
  /** The first page's results, their addresses in order. */
  urls: string[];
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
  /** `<siteDir>/pagefind` is one plain Pagefind bundle (Hugo's, from Pagefind's CLI), not this site's shards. */
  plain?: boolean;
}

/** What a file under the site's /pagefind/ is, by its name ("<shard>/index/…" in a shard's bundle). */
export function kindOf(name: string): FileKind {
  if (name === "shards.json") return "manifest";
  const file = name.replace(/^[^/]+_[^/]+\//, "");
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
  { page, pageSize = SEARCH_PAGE.pageSize, pagefindOptions = SEARCH_PAGE.pagefindOptions, plain = false, worker = !plain }: MeasureOptions = {},
): Promise<FirstSearchBytes> {
  const fetched = new Map<string, number>();
  const onFetch = (file: string, bytes: number) => fetched.set(file, bytes);
  const pagefind = plain ? await openBundle(path.join(siteDir, "pagefind"), { onFetch, pagefindOptions }) : await openPagefind(siteDir, { onFetch, pagefindOptions });
  let results = 0;
  let urls: string[] = [];
  try {
    const term = query?.trim() ?? "";
    let found: PagefindResult[];
    if (page) found = await findArticles(pagefind, { q: term, categoryName: "", from: "", to: "", sort: "lien-quan", ...page });
    else if (term) found = await rankedSearch(pagefind, term, { filters });
    else found = (await pagefind.search(null, { filters: indexFilters(filters), sort: { date: "desc" } })).results;
    results = found.length;
    // What the page shows of the first page of results: fragments read, excerpts built.
    urls = (await Promise.all(found.slice(0, pageSize).map((r) => resultView(r, term)))).map((v) => v.url);
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
    const compressible = kind === "script" || kind === "worker" || kind === "entry" || kind === "manifest";
    const gzipBytes = compressible ? gzipSync(await readFile(sources.get(file) ?? path.join(bundle, file)), { level: 9 }).length : bytes;
    files.push({ file, kind, bytes, gzipBytes });
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  const byKind = { script: 0, worker: 0, manifest: 0, wasm: 0, entry: 0, meta: 0, index: 0, filter: 0, fragment: 0 } satisfies Record<FileKind, number>;
  for (const f of files) byKind[f.kind] += f.gzipBytes;
  return {
    query,
    filters,
    results,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    byKind,
    shards: [...new Set(files.map((f) => /^(\d{4}-\d{2}_\d{4}-\d{2})\//.exec(f.file)?.[1]).filter((d): d is string => !!d))],
    urls,
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
