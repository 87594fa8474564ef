/**
 * The production build. Content is read and checked once, derived once, then rendered by Eleventy while the
 * search index is built beside it, into a folder that replaces the published site once complete. Pages and search
 * shards that would come out the same as in the published site are kept from it.
 */
import { existsSync, renameSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import type { DateTime } from "luxon";
import { site as configuredSite } from "../../site.config.ts";
import { assertPublishable } from "./check/index.ts";
import { loadContent, publishedOnly, type Content } from "./content/load.ts";
import { openSourceCache } from "./content/source-cache.ts";
import { searchEntries, startSearchIndex, startShardWorkers, type BuildPart, type SearchIndexJob, type SearchIndexResult } from "./search/index.ts";
import { buildClock } from "./site/clock.ts";
import { createNewsroom } from "./site/newsroom.ts";
import { DEFAULT_IMAGE_CACHE, ImageLibrary, type EncodeReport } from "./site/images.ts";
import { planPages } from "./site/page-reuse.ts";
import { eleventyConfiguration, ROOT } from "./site/plugin.ts";
import type { SiteSettings } from "./site/settings.ts";

export interface BuildOptions {
  content: string;
  out: string;
  /** Skip the Pagefind index (tests of pages only). */
  search?: boolean;
  site?: SiteSettings;
  /** The build's clock: articles dated later are scheduled, not published. */
  now?: DateTime;
  /** Publish drafts and scheduled articles too, marked (a preview deploy). */
  preview?: boolean;
  /** Told as each stage begins (the CLI prints it). */
  onStage?: (stage: BuildStage) => void;
  /** Encoded photos kept between builds (.cache/images by default). */
  imageCache?: string;
  /** Delete cached encodings this build does not use (the CLI's production builds). */
  pruneImageCache?: boolean;
  /**
   * Where the build records what it read and wrote (.cache); with it, files unchanged since the last build are not
   * parsed again, and pages and search shards of the published site that would come out the same are kept. Without
   * it everything is built afresh.
   */
  cacheDir?: string;
  /** Pages per search shard at most (scripts/lib/search/shards.ts). */
  shardPages?: number;
  /** Processes writing search shards at once; default one per core but one. */
  searchWorkers?: number;
  /** Pages Eleventy renders in one run at most (scripts/lib/site/page-reuse.ts). */
  pagesPerRun?: number;
  /** Build only this part of the site, on one machine of several (scripts/lib/assemble.ts joins the parts). */
  part?: BuildPart;
}

export type BuildStage = "check" | "pages" | "search-index" | "publish";

export interface BuildResult {
  pages: number;
  /** Of them, pages kept from the published site because they would come out the same. */
  pagesKept: number;
  /** Markdown files read, and of them those whose reading was kept from the last build (unchanged bytes). */
  sources: number;
  sourcesKept: number;
  /** Reading and checking the content, before anything is written. */
  checkSeconds: number;
  /** Deciding which pages to keep, then Eleventy's runs. */
  siteSeconds: number;
  /** The search index, from the build's start to written; it runs in another process beside the rest. */
  searchSeconds: number;
  /** Photos: originals used, encoded now, reused from the cache, files published. */
  images: EncodeReport;
  /** Encoding photos, from the check's end to the last file; it runs beside Eleventy. */
  imageSeconds: number;
  /** The whole build: check, pages and index. */
  seconds: number;
  /** The search shards: which were written and which kept. */
  search?: SearchIndexResult;
}

/** The folders beside `out`: the new site is built in one, the old one waits in the other during the swap. */
export function buildFolders(out: string): { staging: string; previous: string } {
  const parent = path.dirname(path.resolve(out));
  const name = path.basename(path.resolve(out));
  return { staging: path.join(parent, `.${name}.building`), previous: path.join(parent, `.${name}.previous`) };
}

/**
 * The new site replaces the old one only once its pages and its index are complete. A kill at any moment leaves
 * the previous output whole: in `out`, or (between the two renames) in `previous`, which the next build restores.
 * The replaced site stays in `previous` until the next build removes it, beside its work: deleting some
 * 25,000 files (10,000 articles) is not worth the publisher's wait (kept pages are hard links: it holds what changed).
 */
async function swapIn(staging: string, out: string, previous: string): Promise<void> {
  if (existsSync(out)) await rename(out, previous);
  await rename(staging, out);
}

/**
 * What the last build left in `previous`: the old site put back when a kill came between swapIn's two renames,
 * otherwise the replaced site, removed in the background (awaited before this build's own swap).
 */
function settlePrevious(out: string, previous: string): Promise<void> {
  if (!existsSync(previous)) return Promise.resolve();
  if (!existsSync(out)) {
    renameSync(previous, out);
    return Promise.resolve();
  }
  return rm(previous, { recursive: true, force: true });
}

export async function build({
  content,
  out,
  search = true,
  site = configuredSite,
  now = buildClock(),
  preview = false,
  onStage,
  imageCache = DEFAULT_IMAGE_CACHE,
  pruneImageCache = false,
  cacheDir,
  shardPages,
  searchWorkers,
  pagesPerRun,
  part,
}: BuildOptions): Promise<BuildResult> {
  const began = performance.now();
  const { staging, previous } = buildFolders(out);
  // The processes that write search shards start first: they load while this one reads the content.
  const processes = search ? startShardWorkers(searchWorkers) : undefined;
  let indexing: SearchIndexJob | undefined;
  let removing: Promise<void> | undefined;
  try {
    onStage?.("check");
    removing = settlePrevious(out, previous);
    removing.catch(() => {});
    // Content with errors publishes nothing and leaves the previous output in place.
    const images = new ImageLibrary({ contentDir: content, cacheDir: imageCache });
    const sources = cacheDir ? openSourceCache(cacheDir) : undefined;
    let loaded: Content | undefined = loadContent(content, { categories: site.categories, documents: site.documents, now, includeUnpublished: true, images, sources: sources?.read });
    const sourceCount = loaded.files.length;
    const newsroom = createNewsroom(preview ? loaded : publishedOnly(loaded, now), site, now);
    // A fresh folder: no stale page of a deleted article, nothing of a build that was killed.
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    // The search index takes longest: Pagefind works on the other cores while this one checks the content; the
    // new site, its index included, replaces the published one only once the check has passed and all is written.
    indexing = search ? startSearchIndex(out, staging, searchEntries(newsroom), { reuse: cacheDir !== undefined, shardPages, processes, reserved: processes!.length > 1 ? 1 : 0, part }) : undefined;
    const indexed = indexing?.publish().then((result) => ({ result, seconds: seconds(began) }));
    // Awaited once the pages are written; a failure before that must not end the process with Eleventy mid-write.
    indexed?.catch(() => {});
    // Pagefind starts on the first shards now, rather than after the check, which holds this thread.
    await indexing?.started;
    // Kept whatever the check finds: the build after a fix parses the fixed files only.
    const sourcesKept = sources?.kept ?? 0;
    await sources?.save();
    assertPublishable(loaded, { content, site, now });
    // The files as read (front matter, Markdown) served the check; a quarter of the heap at 100,000 articles.
    loaded = undefined;
    const shareImage = images.share(path.resolve(ROOT, site.shareImage.file), site.shareImage.alt);
    const checkSeconds = seconds(began);
    // sharp encodes on libuv's threads: photos are encoded while Eleventy renders on the main thread.
    const encodingStarted = performance.now();
    const encoding = images.encode();
    encoding.catch(() => {});
    onStage?.("pages");
    const started = performance.now();
    const pages = planPages({ out, staging, cacheDir, site, newsroom, preview, images, shareImage, pagesPerRun, part });
    const keeping = pages.keep();
    keeping.catch(() => {});
    const { Eleventy } = await import("@11ty/eleventy");
    let rendered = 0;
    for (const run of pages.runs) {
      const eleventy = new Eleventy(content, staging, {
        quietMode: true,
        runMode: "build",
        config: eleventyConfiguration({ site, newsroom, contentDir: content, preview, shareImage, images, select: run.select, copies: run.copies }),
      });
      // The build prints its own Vietnamese summary; errors still throw.
      eleventy.disableLogger();
      // write() answers [passthrough copies, templates written].
      const [, templates] = (await eleventy.write()) as [unknown, Parameters<typeof pages.wrote>[0]];
      pages.wrote(templates);
      rendered += templates.length;
    }
    // Eleventy's runs are garbage now: collected before a second Pagefind starts, the build stays in its memory.
    collectGarbage();
    // This thread's share of the work is done: every core indexes the shards left.
    indexing?.release();
    await keeping;
    const siteSeconds = seconds(started);
    await encoding;
    // Photos the templates asked for while rendering (portraits) are encoded now; the others are done already.
    const encoded = await images.encode();
    const imageSeconds = seconds(encodingStarted);
    await images.publish(staging);
    if (indexing) onStage?.("search-index");
    const index = await indexed;
    onStage?.("publish");
    await removing;
    await swapIn(staging, out, previous);
    await pages.commit();
    if (pruneImageCache) await images.prune();
    return {
      pages: rendered + pages.kept,
      pagesKept: pages.kept,
      sources: sourceCount,
      sourcesKept,
      checkSeconds,
      siteSeconds,
      searchSeconds: index?.seconds ?? 0,
      images: encoded,
      imageSeconds,
      seconds: seconds(began),
      search: index?.result,
    };
  } catch (error) {
    // Pagefind stopped before the folder it writes into is removed.
    await indexing?.cancel();
    await Promise.all((processes ?? []).map((p) => p.kill()));
    await removing?.catch(() => {});
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** A full garbage collection now (V8 otherwise waits for heap pressure, holding the memory meanwhile). */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

