/** Every address the build publishes, from the route table over the content the build would publish. */
import path from "node:path";
import type { DateTime } from "luxon";
import type { Content } from "../content/load.ts";
import { createNewsroom, PROCEDURES_URL } from "../site/newsroom.ts";
import { pagesOf, routes } from "../site/routes.ts";
import type { SiteSettings } from "../site/settings.ts";

/** Top-level folders that belong to the machinery, never to an editor's page. */
export const RESERVED_PREFIXES = ["/tin-tuc/", "/van-ban/", "/images/", "/assets/", "/pagefind/", "/api/", "/en/", PROCEDURES_URL];

/** Addresses of the route table's fixed pages (/, /tim-kiem/, /feed.xml…). */
export function fixedUrls(): string[] {
  return routes.flatMap((r) => (typeof r.url === "string" ? [r.url] : []));
}

/** Addresses of a published site: every page of every route, and the documents' attachments. */
export function siteUrls(published: Content, site: SiteSettings, now: DateTime): Set<string> {
  const attachments = published.documents.flatMap((d) => d.attachments.map((a) => a.url));
  return new Set([...pagesOf(createNewsroom(published, site, now)).map((p) => p.url), ...attachments]);
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
