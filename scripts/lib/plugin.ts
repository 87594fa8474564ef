/** The newsroom as one Eleventy plugin: data, templates, filters and assets. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pluginRss from "@11ty/eleventy-plugin-rss";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { fingerprintAssets } from "./assets.ts";
import { buildClock, isPreview } from "./build-mode.ts";
import { FOLDERS, formatProblem, loadContent, type ContentCache } from "./content.ts";
import { NUNJUCKS_OPTIONS, templateFilters } from "./filters.ts";
import { createNewsroom } from "./newsroom.ts";
import type { SiteSettings } from "./site-types.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LAYOUTS = path.join(ROOT, "layouts");

export interface NewsroomOptions {
  site: SiteSettings;
}

// A symbol from the global registry: under vitest the build and Eleventy's config load separate module copies.
const CONTENT_CACHE = Symbol.for("toasoan.contentCache");

/** Hands the files the build's check has read to this plugin, so Eleventy does not read them again. */
export function shareContentCache(eleventyConfig: UserConfig, cache: ContentCache): void {
  (eleventyConfig as unknown as Record<symbol, ContentCache>)[CONTENT_CACHE] = cache;
}

export function newsroomPlugin(eleventyConfig: UserConfig, { site }: NewsroomOptions): void {
  eleventyConfig.addPlugin(pluginRss);
  eleventyConfig.setNunjucksEnvironmentOptions(NUNJUCKS_OPTIONS);

  eleventyConfig.addGlobalData("site", site);
  eleventyConfig.addGlobalData("preview", () => isPreview());
  eleventyConfig.addGlobalData("newsroom", () => {
    const contentDir = eleventyConfig.directories.input;
    const now = buildClock();
    const cache = (eleventyConfig as unknown as Record<symbol, ContentCache | undefined>)[CONTENT_CACHE];
    const content = loadContent(contentDir, { categories: site.categories, now, includeUnpublished: isPreview(), cache });
    const errors = content.problems.filter((p) => p.severity === "error");
    if (errors.length > 0) {
      throw new Error(`Nội dung có ${errors.length} lỗi, chưa thể xuất bản:\n${errors.map(formatProblem).join("\n")}`);
    }
    return createNewsroom(content, site, now);
  });

  // Listing, feed and article templates live in layouts/pages/ so any content folder builds the same site.
  for (const name of readdirSync(path.join(LAYOUTS, "pages")).sort()) {
    eleventyConfig.addTemplate(`_pages/${name}`, readFileSync(path.join(LAYOUTS, "pages", name), "utf8"), {});
  }

  const assets = fingerprintAssets(path.join(ROOT, "assets"));
  for (const { source, url } of assets.values()) eleventyConfig.addPassthroughCopy({ [source]: url.slice(1) });
  eleventyConfig.addPassthroughCopy({ [path.join(eleventyConfig.directories.input, FOLDERS.images)]: "images" });

  for (const [name, filter] of Object.entries(templateFilters(site, assets))) eleventyConfig.addFilter(name, filter);
}
