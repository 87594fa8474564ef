// The route table is the one list of page types: every layout exists, and a real build writes exactly its pages.
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { site as settings } from "../../site.config.ts";
import { loadContent, publishedOnly } from "../../scripts/lib/content/load.ts";
import { createNewsroom } from "../../scripts/lib/site/newsroom.ts";
import { LAYOUTS } from "../../scripts/lib/site/plugin.ts";
import { eleventyData, pagesOf, routes } from "../../scripts/lib/site/routes.ts";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const FIXTURE = path.resolve("tests/fixtures/site");
const NOW = "2024-06-12T10:00:00+07:00";

/** Every file under dir, as site addresses: a/index.html is /a/. */
async function writtenUrls(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return files
    .map((e) => "/" + path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    // Static files and processed photos (/img/) are no pages.
    .filter((url) => !url.startsWith("/assets/") && !url.startsWith("/images/") && !url.startsWith("/img/"))
    .map((url) => url.replace(/(^|\/)index\.html$/, "$1"));
}

describe("the route table", () => {
  it("names each page type once and points at a layout that exists", () => {
    expect(new Set(routes.map((r) => r.name)).size).toBe(routes.length);
    for (const route of routes) expect(existsSync(path.join(LAYOUTS, route.layout)), route.layout).toBe(true);
  });

  it("gives Eleventy one page per list item at the item's address, and fixed pages their address", () => {
    const article = routes.find((r) => r.name === "article")!;
    expect(eleventyData(article)).toEqual({ pagination: { data: "newsroom.articles", size: 1, alias: "article" }, permalink: "{{ article.url }}" });
    const feed = routes.find((r) => r.name === "feed")!;
    expect(eleventyData(feed)).toEqual({ permalink: "/feed.xml", eleventyExcludeFromCollections: true });
  });

  describe("against a real build", () => {
    let built: BuiltSite;
    beforeAll(async () => {
      built = await buildFixture(FIXTURE, { now: NOW });
    });
    afterAll(() => built?.cleanup());

    it("lists exactly the pages the build writes", async () => {
      const now = DateTime.fromISO(NOW, { setZone: true });
      const content = publishedOnly(loadContent(built.content, { categories: settings.categories, documents: settings.documents, now, includeUnpublished: true }), now);
      const listed = pagesOf(createNewsroom(content, settings, now)).map((p) => p.url);
      expect(new Set(listed).size).toBe(listed.length);
      expect([...listed].sort()).toEqual((await writtenUrls(built.out)).sort());
    });
  });
});
