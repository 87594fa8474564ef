/** Every address the build publishes, computed from the content the way the templates compute it. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DateTime } from "luxon";
import type { Content } from "../content.ts";
import { parseFrontMatter } from "../front-matter.ts";
import { createNewsroom } from "../newsroom.ts";
import type { SiteSettings } from "../site-types.ts";

const TEMPLATES = fileURLToPath(new URL("../../../layouts/pages", import.meta.url));

/** Top-level folders that belong to the machinery, never to an editor's page. */
export const RESERVED_PREFIXES = ["/tin-tuc/", "/images/", "/assets/", "/pagefind/", "/api/"];

/** Permalinks of the templates that publish one fixed address (/, /tim-kiem/, /feed.xml…). */
export function fixedUrls(dir = TEMPLATES): string[] {
  const urls: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".njk"))) {
    const permalink = parseFrontMatter(readFileSync(path.join(dir, name), "utf8")).data.permalink;
    if (typeof permalink === "string" && !permalink.includes("{")) urls.push(permalink);
  }
  return urls;
}

/** Addresses of a published site: articles, pages, categories and their pages, archive, schedule weeks, fixed pages. */
export function siteUrls(published: Content, site: SiteSettings, now: DateTime): Set<string> {
  const newsroom = createNewsroom(published, site, now);
  return new Set([
    ...fixedUrls(),
    ...newsroom.articles.map((a) => a.url),
    ...newsroom.pages.map((p) => p.url),
    ...newsroom.categories.flatMap((c) => [c.url, c.feedUrl]),
    ...newsroom.categoryPages.map((p) => p.url),
    ...newsroom.archive.flatMap((y) => [y.url, ...y.months.map((m) => m.url)]),
    ...newsroom.archivePages.map((p) => p.url),
    ...newsroom.scheduleWeeks.map((w) => w.url),
  ]);
}

/** The path a link points to on this site, or undefined for another site, mail, phone or an in-page anchor. */
export function internalPath(href: string, pageUrl: string, siteUrl: string): string | undefined {
  const value = href.trim();
  if (value === "" || value.startsWith("#")) return undefined;
  let url: URL;
  try {
    url = new URL(value, new URL(pageUrl, siteUrl));
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(siteUrl).origin) return undefined;
  let pathname = url.pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // Keep the raw path; it will simply not match.
  }
  // Netlify serves /a/b as /a/b/ when the folder exists: a missing final slash is not a broken link.
  return pathname.endsWith("/") || path.posix.extname(pathname) ? pathname : `${pathname}/`;
}
