/** An article read from the old portal, and how it becomes a Markdown file of ours. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { FOLDERS, listMarkdown } from "../content/load.ts";
import { formatDateTime, parseDate, VIETNAM } from "../content/dates.ts";
import { parseFrontMatter } from "../content/front-matter.ts";
import { slugify } from "../content/slug.ts";

export interface ImportedArticle {
  title: string;
  date: DateTime;
  paragraphs: string[];
  source?: string;
  /** Breadcrumb or section names seen on the page, to find the category. */
  sections: string[];
  /** The page's old address, when it has no query string (Netlify redirects match paths). */
  oldPath?: string;
  /** Images left behind: they live on the old server. */
  skippedImages: number;
}

export class ImportError extends Error {}

/** The portal's sidebar starts here; nothing from it on belongs to the article. */
export const CHROME_START = /^\s*Tìm kiếm theo chuyên mục/u;

/** "19/06/2020 08:02", alone on its line or in its element. */
export const PORTAL_DATE = /^\s*(\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2})\s*$/;

/** Reads the portal's date as Vietnam time. */
export function portalDate(text: string): DateTime | undefined {
  const match = PORTAL_DATE.exec(text);
  return match ? parseDate(match[1]!.replace(/\s+/g, " "), VIETNAM) : undefined;
}

/**
 * The portal ends an article with its source, short and without final punctuation
 * ("Trung tâm Ứng dụng và Thống kê KH&CN"); a body paragraph is longer or ends a sentence.
 */
export function looksLikeSource(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length > 0 && text.length <= 100 && text.split(/\s+/).length <= 15 && !/[.!?…:;,]$/.test(text);
}

/** Markdown-safe text: a paragraph must not turn into a heading, a list, a quote or HTML. */
export function escapeParagraph(text: string): string {
  return text
    .replace(/^(\s*)([#>*+-]|\d+[.)])(?=\s)/, "$1\\$2")
    .replace(/<(?=[A-Za-z!/?])/g, "&lt;")
    .replace(/([*_`[\]])/g, "\\$1");
}

export function toMarkdown(article: ImportedArticle, category: string): string {
  const lines = ["---", `title: ${JSON.stringify(article.title)}`, `date: ${JSON.stringify(formatDateTime(article.date))}`, `category: ${category}`];
  if (article.source) lines.push(`source: ${JSON.stringify(article.source)}`);
  if (article.oldPath) lines.push(`aliases: [${JSON.stringify(article.oldPath)}]`);
  lines.push("---", "", article.paragraphs.map(escapeParagraph).join("\n\n"), "");
  return lines.join("\n");
}

export type WriteResult = { status: "written"; file: string } | { status: "exists"; file: string };

/**
 * Writes <out>/bai-viet/<year>/<slug>.md. The same article imported twice is left alone; another article
 * with the same title gets "-2", "-3"… since addresses are unique across years.
 */
export function writeArticle(article: ImportedArticle, category: string, out: string): WriteResult {
  const base = slugify(article.title) || "bai-viet";
  const existing = existingArticles(out);
  const year = String(article.date.setZone(VIETNAM).year);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const same = existing.get(slug);
    if (same) {
      if (same.title === article.title && same.date === formatDateTime(article.date)) return { status: "exists", file: same.file };
      continue;
    }
    const file = path.join(out, FOLDERS.articles, year, `${slug}.md`);
    if (existsSync(file)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, toMarkdown(article, category), { flag: "wx" });
    existing.set(slug, { file, title: article.title, date: formatDateTime(article.date) });
    return { status: "written", file };
  }
}

const cache = new Map<string, Map<string, { file: string; title?: string; date?: string }>>();

/** Articles already in the output, by slug (front-matter slug or file name). */
function existingArticles(out: string): Map<string, { file: string; title?: string; date?: string }> {
  const key = path.resolve(out);
  const known = cache.get(key);
  if (known) return known;
  const found = new Map<string, { file: string; title?: string; date?: string }>();
  for (const file of listMarkdown(path.join(out, FOLDERS.articles))) {
    let data: Record<string, unknown> = {};
    try {
      data = parseFrontMatter(readFileSync(file, "utf8")).data;
    } catch {
      // Unreadable front matter still holds its file name's address.
    }
    const slug = typeof data.slug === "string" ? data.slug : slugify(path.basename(file, ".md"));
    const date = parseDate(data.date);
    found.set(slug, { file, title: typeof data.title === "string" ? data.title : undefined, date: date && formatDateTime(date) });
  }
  cache.set(key, found);
  return found;
}
