/**
 * The one route table: every page type, its layout, and the addresses it publishes.
 * Eleventy (plugin.ts), the preview (server/preview.ts) and the checker's list of site URLs read it.
 */
import type { Newsroom } from "./newsroom.ts";

/** Lists of the derived newsroom data that a paginated route publishes one page per item of. */
type ListKey = { [K in keyof Newsroom]-?: Newsroom[K] extends readonly unknown[] ? K : never }[keyof Newsroom];

export interface Route {
  /** Page type, and the virtual template's name. */
  name: string;
  /** Under layouts/: Nunjucks compiles each layout once, however many pages use it. */
  layout: string;
  /** A fixed address, or one page per item of a newsroom list at that item's `urlKey` property. */
  url: string | { list: ListKey; alias: string; urlKey: string };
  /** HTML shown to readers (and by the preview); feeds and text files are build-only. */
  html: boolean;
}

export const routes: readonly Route[] = [
  { name: "home", layout: "pages/home.njk", url: "/", html: true },
  { name: "article", layout: "pages/article.njk", url: { list: "articles", alias: "article", urlKey: "url" }, html: true },
  { name: "page", layout: "pages/page.njk", url: { list: "pages", alias: "doc", urlKey: "url" }, html: true },
  { name: "category", layout: "pages/category.njk", url: { list: "categoryPages", alias: "listing", urlKey: "url" }, html: true },
  { name: "archive", layout: "pages/archive.njk", url: "/luu-tru/", html: true },
  { name: "archive-year", layout: "pages/archive-year.njk", url: { list: "archive", alias: "year", urlKey: "url" }, html: true },
  { name: "archive-month", layout: "pages/archive-month.njk", url: { list: "archivePages", alias: "listing", urlKey: "url" }, html: true },
  { name: "tag", layout: "pages/tag.njk", url: { list: "tagPages", alias: "listing", urlKey: "url" }, html: true },
  { name: "schedule", layout: "pages/schedule.njk", url: "/lich-cong-tac/", html: true },
  { name: "schedule-week", layout: "pages/schedule-week.njk", url: { list: "scheduleWeeks", alias: "week", urlKey: "url" }, html: true },
  { name: "search", layout: "pages/search.njk", url: "/tim-kiem/", html: true },
  { name: "documents", layout: "pages/documents.njk", url: { list: "documentPages", alias: "listing", urlKey: "url" }, html: true },
  { name: "document", layout: "pages/document.njk", url: { list: "documents", alias: "document", urlKey: "url" }, html: true },
  { name: "about-section", layout: "pages/about-section.njk", url: { list: "aboutPages", alias: "section", urlKey: "url" }, html: true },
  { name: "procedures", layout: "pages/procedures.njk", url: { list: "proceduresPages", alias: "procedures", urlKey: "url" }, html: true },
  { name: "site-map", layout: "pages/site-map.njk", url: "/so-do-trang/", html: true },
  { name: "news-feeds", layout: "pages/news-feeds.njk", url: "/nhan-tin-moi/", html: true },
  { name: "english", layout: "pages/english.njk", url: { list: "englishPages", alias: "doc", urlKey: "url" }, html: true },
  { name: "not-found", layout: "pages/not-found.njk", url: "/404.html", html: true },
  { name: "feed", layout: "feeds/feed.njk", url: "/feed.xml", html: false },
  { name: "category-feed", layout: "feeds/category-feed.njk", url: { list: "categories", alias: "category", urlKey: "feedUrl" }, html: false },
  { name: "documents-feed", layout: "feeds/documents-feed.njk", url: "/van-ban/feed.xml", html: false },
  { name: "sitemap", layout: "feeds/sitemap.njk", url: "/sitemap.xml", html: false },
  { name: "robots", layout: "feeds/robots.njk", url: "/robots.txt", html: false },
  { name: "redirects", layout: "feeds/redirects.njk", url: "/_redirects", html: false },
];

export interface RoutedPage {
  url: string;
  route: Route;
  /** The template data of this page: `{ [alias]: item }` for a paginated route. */
  data: Record<string, unknown>;
}

/** Every page a newsroom publishes, address by address, in route order. */
export function pagesOf(newsroom: Newsroom, table: readonly Route[] = routes): RoutedPage[] {
  return table.flatMap((route) => {
    if (typeof route.url === "string") return [{ url: route.url, route, data: {} }];
    const { list, alias, urlKey } = route.url;
    return (newsroom[list] as unknown as readonly Record<string, unknown>[]).map((item) => ({ url: String(item[urlKey]), route, data: { [alias]: item } }));
  });
}

/** Eleventy's front matter for a route: pagination of size 1 over the newsroom list, or a fixed permalink. */
export function eleventyData(route: Route): Record<string, unknown> {
  const data: Record<string, unknown> = route.html ? {} : { eleventyExcludeFromCollections: true };
  if (typeof route.url === "string") return { ...data, permalink: route.url };
  const { list, alias, urlKey } = route.url;
  return { ...data, pagination: { data: `newsroom.${list}`, size: 1, alias }, permalink: `{{ ${alias}.${urlKey} }}` };
}
