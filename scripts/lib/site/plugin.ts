/** The newsroom as one Eleventy plugin: data, the route table's templates, filters and assets. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import pluginRss from "@11ty/eleventy-plugin-rss";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { FOLDERS } from "../content/load.ts";
import { fingerprintAssets } from "./assets.ts";
import { SUPPORTED_EXTENSIONS, type ImageLibrary, type ShareImage } from "./images.ts";
import { NUNJUCKS_OPTIONS, templateFilters } from "./filters.ts";
import type { Newsroom } from "./newsroom.ts";
import { eleventyData, routes, type Route } from "./routes.ts";
import type { SiteSettings } from "./settings.ts";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const LAYOUTS = path.join(ROOT, "layouts");
export const ASSETS = path.join(ROOT, "assets");

export interface NewsroomOptions {
  site: SiteSettings;
  /** Content read and checked once by the build, derived once: every template reads it. */
  newsroom: Newsroom;
  /** The content folder, for the images editors commit. */
  contentDir: string;
  /** Drafts and scheduled articles are shown, marked. */
  preview?: boolean;
  /** The social preview of pages without a photo of their own. */
  shareImage?: ShareImage;
  /** The build's photos: templates may ask for more (portraits), encoded after the pages are written. */
  images?: ImageLibrary;
  /**
   * The pages this Eleventy run renders (the build renders in parts and keeps unchanged article pages): a fixed
   * route's page is asked with no item. Default: every page.
   */
  select?: (route: Route, item?: unknown) => boolean;
  /** Copy assets, images and attachments (default); a build rendering in several runs copies them once. */
  copies?: boolean;
}

export function newsroomPlugin(eleventyConfig: UserConfig, { site, newsroom, contentDir, preview = false, shareImage, images, select, copies = true }: NewsroomOptions): void {
  eleventyConfig.addPlugin(pluginRss);
  eleventyConfig.setNunjucksEnvironmentOptions(NUNJUCKS_OPTIONS);

  eleventyConfig.addGlobalData("site", site);
  eleventyConfig.addGlobalData("preview", preview);
  eleventyConfig.addGlobalData("newsroom", () => newsroom);
  eleventyConfig.addGlobalData("shareImage", () => shareImage);

  // Each page type only extends its layout: Nunjucks compiles a layout once, a paginated template once per page.
  for (const route of routes) {
    const data = eleventyData(route);
    if (select && typeof route.url === "string" && !select(route)) continue;
    // Pagination's `before` keeps the items of this run; the others' pages are not rendered.
    if (select && data.pagination) Object.assign(data.pagination as object, { before: (items: unknown[]) => items.filter((item) => select(route, item)) });
    eleventyConfig.addTemplate(`_routes/${route.name}.njk`, `{% extends "${route.layout}" %}`, data);
  }

  const assets = fingerprintAssets(ASSETS);
  if (copies) {
    for (const { source, url } of assets.values()) eleventyConfig.addPassthroughCopy({ [source]: url.slice(1) });
    // Photos are published processed, under /img/ (images.ts); other files editors keep there (a PDF) as they are.
    eleventyConfig.addPassthroughCopy({ [path.join(contentDir, FOLDERS.images)]: "images" }, { filter: (file) => !SUPPORTED_EXTENSIONS.test(file) });
    // Each attachment at its document's address, under a tone-less name (/van-ban/15-2025-qd-ubnd/15-2025-qd-ubnd.pdf).
    for (const doc of newsroom.documents) for (const a of doc.attachments) eleventyConfig.addPassthroughCopy({ [a.source]: a.url.slice(1) });
  }

  for (const [name, filter] of Object.entries(templateFilters(site, assets, () => images))) eleventyConfig.addFilter(name, filter);

  // Eleventy renders every page in promise chains that need no I/O, so nothing else this process waits for (the
  // search indexers' replies, the next shard's records going out) would move until the last page: a turn of the
  // event loop after each page lets them.
  eleventyConfig.addTransform("turn-event-loop", (content: unknown) => new Promise((resolve) => setImmediate(resolve, content)));
}

/** Eleventy's whole configuration, for `new Eleventy(input, output, { config })`: there is no config file. */
export function eleventyConfiguration(options: NewsroomOptions): (eleventyConfig: UserConfig) => void {
  return (eleventyConfig) => {
    // Only the route table's templates are Eleventy templates; editors' Markdown goes through the content loader.
    eleventyConfig.setTemplateFormats(["njk"]);
    // Layouts sit beside content/, not in it: editors' folder holds only what they write.
    eleventyConfig.setIncludesDirectory(path.relative(options.contentDir, LAYOUTS));
    eleventyConfig.addPlugin(newsroomPlugin, options);
  };
}
