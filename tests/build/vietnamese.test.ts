import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

// English a reader could meet in the interface of a Vietnamese page (the "Atom" and "JavaScript" among them).
const ENGLISH_INTERFACE = [
  "Atom", "JavaScript", "Feed", "Search", "Home", "Next", "Previous", "Prev", "Page", "Read more", "More", "Loading", "Skip",
  "Archive", "Tags?", "Category", "Categories", "Published", "Updated", "Share", "Print", "Sitemap", "Submit", "Back",
  "Error", "Not found", "Untitled", "undefined", "null", "NaN", "Invalid Date", "Today", "Total", "Visits",
];
const ENGLISH_WORD = new RegExp(`(?<![\\p{L}\\d_-])(${ENGLISH_INTERFACE.join("|")})(?![\\p{L}\\d_-])`, "iu");
// Attributes that screen readers speak or browsers show.
const SPOKEN = ["alt", "title", "aria-label", "placeholder", "aria-description"];

/** What a reader sees or hears of a page: text outside scripts and styles, and the spoken attributes. */
function readerText(html: string): { lang?: string; parts: string[] } {
  const parts: string[] = [];
  let lang: string | undefined;
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "html") lang = attributes.lang;
        if (name === "script" || name === "style") hidden++;
        for (const attribute of SPOKEN) if (attributes[attribute]) parts.push(attributes[attribute]);
        if (name === "meta" && (attributes.name === "description" || attributes.property?.startsWith("og:"))) parts.push(attributes.content ?? "");
      },
      ontext(text) {
        if (!hidden && text.trim()) parts.push(text.trim());
      },
      onclosetag(name) {
        if (name === "script" || name === "style") hidden--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { lang, parts };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((f) => f.endsWith(".html")).map((f) => path.join(dir, f));
}

describe("the sample site's Vietnamese pages", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture(path.resolve("content"), { now: "2026-11-27T10:00:00+07:00" });
  });
  afterAll(() => site?.cleanup());

  it("carry no English interface words, in text or in what screen readers say", async () => {
    const files = await htmlFiles(site.out);
    expect(files.length).toBeGreaterThan(50);
    let vietnamese = 0;
    for (const file of files) {
      const { lang, parts } = readerText(await readFile(file, "utf8"));
      if (lang !== "vi") continue;
      vietnamese++;
      // An address (a feed's, on /nhan-tin-moi/) is not interface text.
      for (const part of parts) expect(ENGLISH_WORD.exec(part.replace(/https?:\/\/\S+/g, ""))?.[0], `${path.relative(site.out, file)}: ${part}`).toBeUndefined();
    }
    // The English pages (/en/) are English; tests/build/portal.test.ts reads them.
    expect(vietnamese).toBe(files.filter((f) => !path.relative(site.out, f).startsWith(`en${path.sep}`)).length);
  });

  it("would catch the words the issue found", () => {
    const { parts } = readerText('<html lang="vi"><body><a href="/feed.xml">Tin mới (Atom)</a><p>Chức năng tìm kiếm cần JavaScript.</p></body></html>');
    expect(parts.map((p) => ENGLISH_WORD.exec(p)?.[0])).toEqual(["Atom", "JavaScript"]);
  });
});
