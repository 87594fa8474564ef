/**
 * The production build. Content is read and checked once, derived once, then rendered by Eleventy while the
 * search index is built beside it; nothing is written before the check has passed.
 */
import { rm } from "node:fs/promises";
import type { DateTime } from "luxon";
import { site as configuredSite } from "../../site.config.ts";
import { ContentCheckError, checkLoaded } from "./check/index.ts";
import { loadContent, publishedOnly } from "./content/load.ts";
import { startSearchIndex } from "./search/index.ts";
import { buildClock } from "./site/clock.ts";
import { createNewsroom } from "./site/newsroom.ts";
import { eleventyConfiguration } from "./site/plugin.ts";
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
}

export interface BuildResult {
  pages: number;
  /** Reading and checking the content, before anything is written. */
  checkSeconds: number;
  /** Eleventy's run. */
  siteSeconds: number;
  /** The search index, from the build's start to written; it runs in another process beside the rest. */
  searchSeconds: number;
  /** The whole build: check, pages and index. */
  seconds: number;
}

export async function build({ content, out, search = true, site = configuredSite, now = buildClock(), preview = false }: BuildOptions): Promise<BuildResult> {
  const began = performance.now();
  // The search index takes longest: it starts first, in another process, and writes only once all is well.
  const indexing = search ? startSearchIndex(content, { now, preview }) : undefined;
  try {
    // Content with errors publishes nothing and leaves the previous output in place.
    const loaded = loadContent(content, { categories: site.categories, documents: site.documents, now, includeUnpublished: true });
    const report = checkLoaded(loaded, { content, site, now });
    if (report.errors > 0) throw new ContentCheckError(report);
    const newsroom = createNewsroom(preview ? loaded : publishedOnly(loaded, now), site, now);
    const checkSeconds = seconds(began);
    // Stale pages of deleted articles must not survive into the published folder.
    await rm(out, { recursive: true, force: true });
    const indexed = indexing?.write(out).then(() => seconds(began));
    const started = performance.now();
    const { Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy(content, out, {
      quietMode: true,
      runMode: "build",
      config: eleventyConfiguration({ site, newsroom, contentDir: content, preview }),
    });
    // The build prints its own Vietnamese summary; errors still throw.
    eleventy.disableLogger();
    // write() answers [passthrough copies, templates written].
    const [, templates] = (await eleventy.write()) as [unknown, unknown[]];
    const siteSeconds = seconds(started);
    const searchSeconds = (await indexed) ?? 0;
    return { pages: templates.length, checkSeconds, siteSeconds, searchSeconds, seconds: seconds(began) };
  } catch (error) {
    indexing?.cancel();
    throw error;
  }
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

