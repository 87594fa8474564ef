/**
 * Pages of the previous build that would come out the same are kept (linked into the new site); Eleventy renders the rest,
 * in runs of a bounded number of pages (one run over 100,000 articles holds more than Node's heap).
 *
 * "The same" is tested, not inferred: every page is rendered with the layouts and filters Eleventy uses (the
 * preview's renderer, a quarter of Eleventy's cost a page) and its hash compared with the one recorded for the file
 * Eleventy wrote last time. No list of what a page depends on can go stale: a new article changes its neighbours'
 * links, its category's listing pages and the home page, and exactly those are rendered again. A changed layout,
 * setting, asset, dependency or build code changes the fingerprint, and then every page is rendered again.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import nunjucks from "nunjucks";
import { fingerprintOf } from "../fingerprint.ts";
import { fingerprintAssets } from "./assets.ts";
import type { ImageLibrary, ShareImage } from "./images.ts";
import { NUNJUCKS_OPTIONS, templateFilters } from "./filters.ts";
import type { Newsroom } from "./newsroom.ts";
import { ASSETS, LAYOUTS } from "./plugin.ts";
import { pagesOf, type Route, type RoutedPage } from "./routes.ts";
import type { SiteSettings } from "./settings.ts";

/** What every page is made with besides its data: a change to any of these renders every page again. */
export const BUILD_INPUTS = ["package-lock.json", "site.config.ts", "layouts", "assets", "scripts/lib"];
const STATE_FILE = "pages.json";

/** Pages Eleventy renders in one run at most: Eleventy holds about 60 KB a page until its run ends. */
export const DEFAULT_PAGES_PER_RUN = 4_000;

interface PageState {
  /** The output folder this record is of: another folder's build starts afresh. */
  out: string;
  fingerprint: string;
  /** URL → hash of the HTML Eleventy wrote there. */
  pages: Record<string, string>;
}

export interface PagePlanOptions {
  /** The published site, where kept pages come from. */
  out: string;
  /** Where this build writes the new site before it replaces `out` (scripts/lib/build.ts). */
  staging: string;
  /** Where the previous build recorded its pages; none: nothing is kept, every page is rendered. */
  cacheDir?: string;
  site: SiteSettings;
  newsroom: Newsroom;
  preview: boolean;
  /** What templates read besides the newsroom: the build's photos and the social preview. */
  images?: ImageLibrary;
  shareImage?: ShareImage;
  pagesPerRun?: number;
  /** One part of a build split across machines: its share of the pages (the first part also the rest). */
  part?: { index: number; count: number };
}

export interface PagePlan {
  /** HTML pages kept from the previous build, unchanged. */
  kept: number;
  /** Eleventy runs: each renders the pages its `select` keeps (the first also the feeds and copied files). */
  runs: { select(route: Route, item?: unknown): boolean; copies: boolean }[];
  /**
   * Puts the kept pages into the new site: hard links to the published files (a copy where a link cannot be
   * made), so the published site stays whole until the new one replaces it. Eleventy writes only other files.
   */
  keep(): Promise<void>;
  /** What one Eleventy run wrote (its templates): recorded for the next build. */
  wrote(templates: readonly { url?: string | false; content?: unknown }[]): void;
  /** Records every HTML page's hash, once the whole site is written. */
  commit(): Promise<void>;
}

export const hashOf = (html: string) => createHash("sha256").update(html).digest("base64url").slice(0, 22);

/** A hash of everything pages are made with besides their data. */
export function buildFingerprint(site: SiteSettings, preview: boolean): string {
  return fingerprintOf(BUILD_INPUTS, { site, preview });
}

/** The file Eleventy writes for a URL ("/tin-tuc/x/" → tin-tuc/x/index.html). */
export function outputFile(url: string): string {
  const parts = url.split("/").filter(Boolean);
  return url.endsWith("/") ? path.join(...parts, "index.html") : path.join(...parts);
}

export function planPages({ out, staging, cacheDir, site, newsroom, preview, images, shareImage, pagesPerRun = DEFAULT_PAGES_PER_RUN, part }: PagePlanOptions): PagePlan {
  const fingerprint = buildFingerprint(site, preview);
  // A part of a split build starts afresh: its machine has no previous build.
  const stateFile = cacheDir && !part ? path.join(cacheDir, STATE_FILE) : undefined;
  const previous = stateFile ? readState(stateFile) : undefined;
  const usable = previous?.fingerprint === fingerprint && previous.out === path.resolve(out) ? previous.pages : undefined;
  const pages = pagesOf(newsroom).filter((p) => p.route.html);
  const recorded = new Map<string, string>();
  const kept = new Set<string>();

  if (usable) {
    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS), NUNJUCKS_OPTIONS);
    for (const [name, filter] of Object.entries(templateFilters(site, fingerprintAssets(ASSETS), () => images))) env.addFilter(name, filter as (...args: unknown[]) => unknown);
    const unrenderable = new Set<string>();
    for (const page of pages) {
      const before = usable[page.url];
      if (!before || unrenderable.has(page.route.name) || !existsSync(path.join(out, outputFile(page.url)))) continue;
      let html: string;
      try {
        html = env.render(page.route.layout, { site, newsroom, shareImage, preview, page: { url: page.url }, ...page.data });
      } catch {
        // A layout that needs what only Eleventy gives (a plugin's filter): its pages are rendered by Eleventy.
        unrenderable.add(page.route.name);
        continue;
      }
      if (hashOf(html) === before) {
        kept.add(page.url);
        recorded.set(page.url, before);
      }
    }
  }

  // The pages to render, in runs: fixed routes, feeds and copied files with the first (of the first part).
  const share = (list: RoutedPage[]) => (part ? list.slice(Math.floor((list.length * part.index) / part.count), Math.floor((list.length * (part.index + 1)) / part.count)) : list);
  const first = !part || part.index === 0;
  const toRender = share(pages.filter((p) => !kept.has(p.url)));
  const runCount = Math.max(1, Math.ceil(toRender.length / pagesPerRun));
  const runOf = new Map<unknown, number>();
  toRender.forEach((p, i) => {
    if (typeof p.route.url !== "string") runOf.set(itemOf(p), Math.floor(i / pagesPerRun));
  });
  const runs = Array.from({ length: runCount }, (_, run) => ({
    copies: first && run === 0,
    select: (route: Route, item?: unknown) => {
      // A fixed route's page (no item) and the feeds go with the first run, an HTML page with its own.
      if (item === undefined) return first && run === 0 && !(route.html && kept.has(route.url as string));
      return route.html ? runOf.get(item) === run : first && run === 0;
    },
  }));

  return {
    kept: kept.size,
    runs,
    async keep() {
      // A build that stops half-way leaves no record: the next one then starts afresh.
      if (stateFile) await unlink(stateFile).catch(() => {});
      const files = [...kept].map(outputFile);
      const dirs = [...new Set(files.map((f) => path.dirname(f)))];
      await Promise.all(chunks(dirs, 64).map(async (part) => {
        for (const d of part) await mkdir(path.join(staging, d), { recursive: true });
      }));
      await Promise.all(chunks(files, 64).map(async (part) => {
        for (const f of part) await link(path.join(out, f), path.join(staging, f)).catch(() => copyFile(path.join(out, f), path.join(staging, f)));
      }));
    },
    wrote(templates) {
      for (const t of templates) if (typeof t.url === "string" && typeof t.content === "string") recorded.set(t.url, hashOf(t.content));
    },
    async commit() {
      if (!stateFile) return;
      const state: PageState = {
        out: path.resolve(out),
        fingerprint,
        pages: Object.fromEntries(pages.filter((p) => recorded.has(p.url)).map((p) => [p.url, recorded.get(p.url)!])),
      };
      await mkdir(path.dirname(stateFile), { recursive: true });
      await writeFile(stateFile, JSON.stringify(state));
    },
  };
}

/** The item a paginated page is made from (pagination hands Eleventy the same object). */
function itemOf(page: RoutedPage): unknown {
  return Object.values(page.data)[0];
}

function readState(file: string): PageState | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as PageState;
  } catch {
    return undefined;
  }
}

/** `items` dealt into `count` lists, for that many file operations at once on libuv's threads. */
function chunks<T>(items: readonly T[], count: number): T[][] {
  const lists: T[][] = Array.from({ length: Math.min(count, items.length) }, () => []);
  items.forEach((item, i) => lists[i % lists.length]!.push(item));
  return lists;
}
