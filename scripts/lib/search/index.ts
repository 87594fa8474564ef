/**
 * The site's search index: article and document pages, language vi, split into shards of contiguous months
 * (shards.ts) written to <site>/pagefind/<first>_<last>/, with a manifest the search page reads first
 * (<site>/pagefind/shards.json) and Pagefind's runtime once at <site>/pagefind/. Filters, the sort key (date) and
 * meta come from each record's <head> (layouts/partials/search-meta.njk, document-search-meta.njk).
 *
 * Shards are written by child processes (shard-process.ts, one per core but one) that write the records and run
 * Pagefind's CLI, while this process checks the content and Eleventy renders. A shard is keyed on its records (the
 * same partials as the page), Pagefind's version and settings, never on timestamps: a shard of the published site
 * with the same key is hard-linked into the new one as it is, so publishing one article writes one shard.
 */
import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { copyFile, link, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import nunjucks from "nunjucks";
import type { PagefindServiceConfig } from "pagefind";
import type { OfficialDocument } from "../content/documents.ts";
import type { Article } from "../content/load.ts";
import { indexText } from "../../../assets/js/lib/search-fold.js";
import { NUNJUCKS_OPTIONS, pictureFilter } from "../site/filters.ts";
import { tagUrl } from "../site/newsroom.ts";
import { DEFAULT_SHARD_PAGES, MANIFEST_FILE, planShards, RUNTIME_FILES, type ShardCounts, type ShardEntry, type ShardManifest, type ShardPlan } from "./shards.ts";

/**
 * Inside the article, what readers search is the title and the text. The printed date ("19/06/2020 08:02")
 * would add a word per day and minute to the index and open every excerpt; the date filter covers it.
 */
export const SEARCH_EXCLUDE = [".article-meta"];

export const SEARCH_INDEX_CONFIG: PagefindServiceConfig = {
  forceLanguage: "vi",
  excludeSelectors: SEARCH_EXCLUDE,
};

/** Pagefind's version, part of every shard's cache key: a new Pagefind rewrites every shard. */
export const PAGEFIND_VERSION = pagefindVersion();

function pagefindVersion(): string {
  // The package exports no package.json: read it beside its entry point (lib/index.js).
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  return (JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
}


export interface SearchIndexResult {
  /** Pages indexed: the articles. */
  pages: number;
  /** The folder written: <siteDir>/pagefind. */
  outputPath: string;
  shards: { dir: string; pages: number; reused: boolean }[];
}

/** What the search record template reads of an article: plain data, so it can cross to another process. */
export type SearchRecord = Pick<Article, "url" | "title" | "iso" | "month" | "dayText" | "dateText" | "image" | "imageAlt" | "imageCaption" | "imageCredit" | "photo" | "html" | "source" | "tags"> & {
  category: { name: string; slug: string };
};

export function toSearchRecord(article: Article): SearchRecord {
  const { url, title, iso, month, dayText, dateText, image, imageAlt, imageCaption, imageCredit, photo, html, source, tags, category } = article;
  return { url, title, iso, month, dayText, dateText, image, imageAlt, imageCaption, imageCredit, photo, html, source, tags, category: { name: category.name, slug: category.slug } };
}

/** One page of the index: its address, the month whose shard holds it, and the HTML Pagefind reads of it. */
export interface SearchEntry {
  url: string;
  /** "YYYY-MM" in Vietnam: an article's date, a document's ngày ban hành. */
  month: string;
  record(): string;
}

const LAYOUTS = fileURLToPath(new URL("../../../layouts", import.meta.url));

/**
 * What the index holds: every published article (layouts/search-record.njk) and document
 * (layouts/search-record-document.njk); records are rendered when their shard is taken.
 */
export function searchEntries({ articles, documents }: { articles: readonly Article[]; documents: readonly OfficialDocument[] }): SearchEntry[] {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS), NUNJUCKS_OPTIONS);
  // The same <picture> as the page (its alt text is indexed, its JPEG is the result's image): addresses only.
  env.addFilter("picture", pictureFilter);
  // The article's partial links its tags; the record renders it as the page does.
  env.addFilter("tagUrl", tagUrl);
  // indexText: the index's spelling (đ as ḓ, which Pagefind folds to d; assets/js/lib/search-fold.js).
  return [
    ...articles.map((a) => ({ url: a.url, month: a.month, record: () => indexText(env.render("search-record.njk", { article: toSearchRecord(a) })) })),
    // Documents have their own filters (kind=van-ban…) and the number's spellings as hidden text.
    ...documents.map((d) => ({ url: d.url, month: d.issuedIso.slice(0, 7), record: () => indexText(env.render("search-record-document.njk", { document: d })) })),
  ];
}

/** The key of a shard's bundle: its records (URL and HTML, in order), Pagefind's version and settings. */
export function shardKey(records: readonly { url: string; html: string }[], config: PagefindServiceConfig = SEARCH_INDEX_CONFIG): string {
  const settings = JSON.stringify({ config, chunk: indexChunkSize(records.length) });
  const hash = createHash("sha256").update(`toa-soan search shard 1\0${PAGEFIND_VERSION}\0${settings}\0`);
  for (const r of records) hash.update(r.url).update("\0").update(r.html).update("\0");
  return hash.digest("hex").slice(0, 32);
}

const FILTER_META = /<meta\s+data-pagefind-filter="([^"[]+)\[content\]"\s+content="([^"]*)"/g;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** The filter values of a record as Pagefind reads them from its <head> (attribute text, unescaped). */
export function recordFilters(html: string): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  // Records put their filters in <head>: the body, most of the bytes, need not be scanned.
  const end = html.indexOf("</head>");
  for (const [, name, value] of (end < 0 ? html : html.slice(0, end)).matchAll(FILTER_META)) (filters[name!] ??= []).push(value!.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!));
  return filters;
}

/** Pages per filter value of one shard, and month × category (see ShardCounts). */
export function countFilters(htmls: Iterable<string>): ShardCounts {
  const counts: ShardCounts = { category: {}, year: {}, month: {}, monthCategory: {} };
  const table = counts as unknown as Record<string, Record<string, number>>;
  for (const html of htmls) {
    const filters = recordFilters(html);
    for (const [name, values] of Object.entries(filters)) {
      const counted = (table[name] ??= {});
      for (const v of values) counted[v] = (counted[v] ?? 0) + 1;
    }
    for (const month of filters.month ?? []) {
      const byCategory = (counts.monthCategory[month] ??= {});
      for (const c of filters.category ?? []) byCategory[c] = (byCategory[c] ?? 0) + 1;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Pagefind's CLI, one process per shard: it indexes on every core it gets and, fed from files, spends about a
// quarter less CPU than its Node API fed the same pages (measured: 2.3 against 3.1 ms a page).

/**
 * Pagefind's binary, found as its npm wrapper (`npx pagefind`, lib/runner/bin.cjs) finds it, and run directly: a
 * build that stops then stops the indexing too (the wrapper would leave the binary running).
 */
const PAGEFIND_BINARY = await pagefindBinary();

async function pagefindBinary(): Promise<string> {
  const resolver = path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "resolveBinary.js");
  const { resolveBinaryPath } = (await import(pathToFileURL(resolver).href)) as { resolveBinaryPath(names: string[]): string };
  return resolveBinaryPath(["pagefind_extended", "pagefind"]);
}

/**
 * Index chunk size in word locations (Pagefind's default 20,000), by shard size: a search loads, in each shard it
 * opens, the one chunk holding each of its words, so smaller shards need smaller chunks to download what one
 * index would. Pagefind 1.6 reads it from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; a Pagefind without it only loses bytes.
 */
export function indexChunkSize(pages: number): number {
  return Math.max(1000, Math.min(20000, Math.round(pages * CHUNK_LOCATIONS_PER_PAGE)));
}

/** 20,000 locations for the 10,000 pages of the bench's archive: the chunks one index of it had. */
const CHUNK_LOCATIONS_PER_PAGE = 2;

/** Pagefind's settings as its configuration file (snake_case keys) for one shard. */
export function cliConfig(config: PagefindServiceConfig, site: string, outputPath: string): Record<string, unknown> {
  const file: Record<string, unknown> = { site, output_path: outputPath, quiet: true };
  for (const [key, value] of Object.entries(config)) file[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
  return file;
}

/** Parent → shard process: one shard to write. */
export interface ShardRequest {
  id: number;
  records: { url: string; html: string }[];
  /** A scratch folder of its own: the records go to <work>/site, Pagefind's settings to <work>/pagefind.json. */
  work: string;
  /** Pagefind's configuration file, site and output path included. */
  config: Record<string, unknown>;
  /** The site's /pagefind/: the bundle's runtime moves there, once for all shards. */
  runtime: string;
  /** Pagefind's binary and the environment it needs beyond the build's. */
  cli: string;
  env: Record<string, string>;
}

export type ShardReply = { ready: true } | { id: number; failure?: string };

const SHARD_PROCESS = fileURLToPath(new URL("./shard-process.ts", import.meta.url));

export interface ShardWorker {
  /**
   * Resolves once Pagefind has written the shard into `outputPath` and its runtime into `runtime`; `delivered` is
   * told once the process has its records. A process takes several: it indexes them one after another.
   */
  write(records: { url: string; html: string }[], outputPath: string, runtime: string, delivered?: () => void): Promise<void>;
  /** Ends the process once its last shard's records are deleted. */
  stop(): void;
  /** Stops the process and its Pagefind now; resolves once it has exited. */
  kill(): Promise<void>;
}

/**
 * Processes writing shards: one per core. While the build checks the content and Eleventy renders, one of them is
 * held back (the build's thread has that core; see `reserved`), then all index at once.
 */
export const DEFAULT_WORKERS = Math.max(1, os.availableParallelism());

/** The processes that write shards: started before the content is read, so that loading them overlaps with it. */
export function startShardWorkers(count = DEFAULT_WORKERS): ShardWorker[] {
  return Array.from({ length: Math.max(1, count) }, startShardWorker);
}

/** A child process that writes shards one after another (TypeScript loaded once, while the content is read). */
function startShardWorker(): ShardWorker {
  // `--import tsx` runs the TypeScript child as the build runs.
  const child = fork(SHARD_PROCESS, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  // Shards sent and not answered, with the folder their records are written to.
  const pending = new Map<number, { resolve(): void; reject(error: Error): void; work: string }>();
  let nextId = 0;
  let ended: Error | undefined;
  child.on("message", (reply: ShardReply) => {
    if ("ready" in reply) return;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.failure) waiting?.reject(new Error(`Pagefind: ${reply.failure}`));
    else waiting?.resolve();
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      ended = new Error(`Pagefind: the indexer stopped (exit ${code}) before writing its shards`);
      const unanswered = [...pending.values()];
      pending.clear();
      for (const w of unanswered) w.reject(ended);
      // The process died before it could remove its records' folders.
      void Promise.all(unanswered.map((w) => rm(w.work, { recursive: true, force: true }).catch(() => {}))).then(() => resolve());
    }),
  );
  return {
    write(records, outputPath, runtime, delivered) {
      if (ended) return Promise.reject(ended);
      const id = nextId++;
      // Named by the indexer's own process: two builds in one process (tests, a preview) never share a folder.
      const work = path.join(os.tmpdir(), `toa-soan-shard-${child.pid}-${id}-${path.basename(outputPath)}`);
      const request: ShardRequest = {
        id,
        records,
        work,
        config: cliConfig(SEARCH_INDEX_CONFIG, path.join(work, "site"), outputPath),
        runtime,
        cli: PAGEFIND_BINARY,
        env: { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(indexChunkSize(records.length)) },
      };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, work });
        child.send(request, () => delivered?.());
      });
    },
    // A process already going (killed by a cancelled build) may have closed its end: nothing is left to stop then.
    stop: () => void (child.connected && child.send({ exit: true }, () => {})),
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      return exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Bundles: a changed shard is written by Pagefind straight into the new site; an unchanged one is hard-linked
// from the published site (its manifest names each shard's key), which stays whole until the new site replaces it.

/** Hard-links a folder's files into another (a copy where a link cannot be made). */
export async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (entry.isDirectory()) await linkTree(source, target);
      else await link(source, target).catch(() => copyFile(source, target));
    }),
  );
}

/** The previous build's manifest in this site folder, when it was written by this Pagefind. */
function previousManifest(siteDir: string): ShardManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(siteDir, "pagefind", MANIFEST_FILE), "utf8")) as ShardManifest;
    return manifest.version === 1 && manifest.pagefind === PAGEFIND_VERSION ? manifest : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------

export interface SearchIndexOptions {
  /** Keep the published site's shards whose key is unchanged (an incremental build); otherwise write all. */
  reuse?: boolean;
  /** Pages per shard at most (a single month above it stays whole). */
  shardPages?: number;
  /** Shards indexed at once (DEFAULT_WORKERS). */
  workers?: number;
  /** Processes already started (startShardWorkers); `workers` is then their number. */
  processes?: ShardWorker[];
  /** Of those, how many wait for `release()` before taking a shard (the core the build itself works on). */
  reserved?: number;
  /** One part of a build split across machines (scripts/lib/assemble.ts): only this part's shards are written. */
  part?: BuildPart;
}

/** Part `index` (from 0) of a build split into `count` parts, each on its own machine. */
export interface BuildPart {
  index: number;
  count: number;
}

/** Which part writes a shard: largest first, dealt round, so parts take about as many pages each. */
export function partOf(plans: readonly ShardPlan[], count: number): Map<string, number> {
  return new Map([...plans].sort((a, b) => b.urls.length - a.urls.length || a.dir.localeCompare(b.dir)).map((p, i) => [p.dir, i % count]));
}

export interface SearchIndexJob {
  /**
   * Resolves once every process has its first shard's records (or has none to write): from then on Pagefind works
   * whatever this process does, even while Eleventy keeps its thread busy for seconds at a time.
   */
  started: Promise<void>;
  /** Every shard written or kept: the runtime and the manifest complete <staging>/pagefind. */
  publish(): Promise<SearchIndexResult>;
  /** Lets the reserved processes take shards too: the build's own work is done, its core is free. */
  release(): void;
  /** Stops Pagefind (the check or the build failed); resolves once its processes have exited. */
  cancel(): Promise<void>;
}

/**
 * Starts indexing the published pages (any order) into `<staging>/pagefind` and returns at once: a shard whose
 * key the published site's manifest (`<out>/pagefind`) holds is linked from there, the others are indexed,
 * `workers` at a time, while the caller checks the content and renders the pages.
 */
export function startSearchIndex(out: string, staging: string, entries: readonly SearchEntry[], options: SearchIndexOptions = {}): SearchIndexJob {
  const { reuse = false, shardPages = DEFAULT_SHARD_PAGES, workers = DEFAULT_WORKERS, part, processes, reserved = 0 } = options;
  const published = path.join(out, "pagefind");
  const target = path.join(staging, "pagefind");
  const previous = reuse ? previousManifest(out) : undefined;
  const kept = new Map((previous?.shards ?? []).filter((s) => s.key).map((s) => [s.key!, s.dir]));
  const byUrl = new Map(entries.map((e) => [e.url, e]));
  // Newest first: the manifest's order. A part writes its own shards and says which the whole build has.
  const planned = planShards(entries, shardPages).reverse();
  const owner = part && partOf(planned, part.count);
  const plans = owner ? planned.filter((p) => owner.get(p.dir) === part.index) : planned;
  const results = new Map<string, { entry: ShardEntry; reused: boolean }>();
  let fresh = false;
  let cancelled = false;
  const handoffs: Promise<void>[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));

  // Largest first, so the last shard to finish is a small one; each process takes the next shard when free.
  // Records are rendered when a shard is taken and dropped once sent: memory follows the shards in work.
  const queue = [...plans].sort((a, b) => b.urls.length - a.urls.length);
  const pool = processes ?? startShardWorkers(Math.min(workers, Math.max(1, plans.length)));
  const indexed = Promise.all(
    pool.map(async (worker, i) => {
      let handedOff!: () => void;
      handoffs.push(new Promise<void>((resolve) => (handedOff = resolve)));
      // Each process holds the shard it indexes and the next one, sent while it works: it never waits for this
      // process, whose thread Eleventy may keep busy for seconds.
      let running: Promise<void> | undefined;
      try {
        if (i >= pool.length - reserved) {
          handedOff();
          await released;
        }
        for (let plan = queue.shift(); plan && !cancelled; plan = queue.shift()) {
          const records = plan.urls.map((url) => ({ url, html: byUrl.get(url)!.record() }));
          const key = shardKey(records);
          const entry: ShardEntry = { dir: plan.dir, first: plan.first, last: plan.last, pages: records.length, key, counts: countFilters(records.map((r) => r.html)) };
          const reused = kept.has(key);
          results.set(plan.dir, { entry, reused });
          if (reused) {
            await linkTree(path.join(published, kept.get(key)!), path.join(target, plan.dir));
            continue;
          }
          const writing = worker.write(records, path.join(target, plan.dir), target, handedOff).then(() => void (fresh = true));
          writing.catch(() => {}); // awaited below
          await running;
          running = writing;
        }
        await running;
      } finally {
        handedOff();
      }
    }),
  ).finally(() => {
    for (const worker of pool) worker.stop();
  });
  indexed.catch(() => {}); // whoever publishes sees it

  // The runtime and the manifest complete the folder; started now, so that a cancel can wait for its last write.
  const finished = indexed.then(async (): Promise<SearchIndexResult> => {
    if (cancelled) throw new Error("Pagefind: the search index was cancelled");
    const shards = plans.map((p) => results.get(p.dir)!);
    await mkdir(target, { recursive: true });
    // Every shard kept: the runtime is the published one (the same Pagefind, which the keys include).
    if (shards.length && !fresh) {
      for (const name of await readdir(published)) if (RUNTIME_FILES.test(name)) await link(path.join(published, name), path.join(target, name)).catch(() => copyFile(path.join(published, name), path.join(target, name)));
    }
    const manifest: ShardManifest = { version: 1, pagefind: PAGEFIND_VERSION, shards: shards.map((s) => s.entry), ...(part ? { part: { ...part, planned: planned.map((p) => p.dir) } } : {}) };
    await writeFile(path.join(target, MANIFEST_FILE), JSON.stringify(manifest));
    return { pages: entries.length, outputPath: target, shards: shards.map((s) => ({ dir: s.entry.dir, pages: s.entry.pages, reused: s.reused })) };
  });
  finished.catch(() => {}); // whoever publishes sees it

  return {
    started: Promise.all(handoffs).then(() => {}),
    release,
    publish: () => finished,
    async cancel() {
      cancelled = true;
      release();
      await Promise.all(pool.map((worker) => worker.kill()));
      // A shard being linked from the published site, or the manifest, is written before the caller removes the folder.
      await finished.catch(() => {});
    },
  };
}
