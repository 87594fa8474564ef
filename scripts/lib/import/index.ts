/** `npm run import`: old portal pages (text or HTML) to Markdown articles, never replacing one. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { findCategory, suggestCategory } from "../content/schema.ts";
import type { Category } from "../site/settings.ts";
import { ImportError, writeArticle, type ImportedArticle } from "./article.ts";
import { parsePortalHtml } from "./html.ts";
import { parsePortalText } from "./text.ts";

export { ImportError, parsePortalHtml, parsePortalText, type ImportedArticle };

const EXTENSIONS = [".txt", ".html", ".htm", ".aspx", ".php"];

export interface ImportOptions {
  categories: Category[];
  /** Category slug or name for every file; otherwise the page's breadcrumb, then the first category. */
  category?: string;
  /** The content folder to write into. */
  out: string;
}

export type ImportOutcome =
  | { input: string; status: "written" | "exists"; file: string; category: Category; categoryReason: string; skippedImages: number }
  | { input: string; status: "failed"; reason: string };

/** Files of the given paths, folders walked for the extensions the portal saved. */
export function collectInputs(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    let stat;
    try {
      stat = statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) {
      const entries = readdirSync(given, { recursive: true, encoding: "utf8" }).sort();
      files.push(...entries.filter((e) => EXTENSIONS.includes(path.extname(e).toLowerCase())).map((e) => path.join(given, e)));
    } else {
      files.push(given);
    }
  }
  return { files, missing };
}

/** Reads one saved page: HTML when it looks like HTML, in the charset it declares; text must be UTF-8. */
export function readPortalFile(file: string): ImportedArticle {
  const bytes = readFileSync(file);
  const head = bytes.subarray(0, 2048).toString("latin1");
  const isHtml = /\.(html?|aspx|php)$/i.test(file) || /^\s*(<!doctype html|<html)/i.test(head);
  const charset = isHtml ? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? "utf-8" : "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new ImportError(`bảng mã ${charset} không đọc được`);
  }
  let text: string;
  try {
    // NFC: pages saved on macOS or by old portals can hold decomposed letters ("ộ" as o + two marks).
    text = decoder.decode(bytes).normalize("NFC");
  } catch {
    throw new ImportError(`tệp không đúng bảng mã ${charset}; lưu lại tệp dạng UTF-8`);
  }
  return isHtml ? parsePortalHtml(text) : parsePortalText(text);
}

/** The category an imported article goes to, and why, for the editor to review. */
export function chooseCategory(article: ImportedArticle, options: ImportOptions): { category: Category; reason: string } {
  if (options.category) return { category: requireCategory(options.categories, options.category), reason: "--category" };
  for (const section of [...article.sections].reverse()) {
    const found = findCategory(options.categories, section);
    if (found) return { category: found, reason: `đường dẫn trên trang cũ: ${section}` };
  }
  const first = [...options.categories].sort((a, b) => a.order - b.order)[0];
  if (!first) throw new ImportError("site.config.ts chưa khai báo chuyên mục nào");
  return { category: first, reason: "mặc định; đổi bằng --category" };
}

/** The category an editor named, or an error with the closest one. */
export function requireCategory(categories: Category[], value: string): Category {
  const found = findCategory(categories, value);
  if (found) return found;
  const suggestion = suggestCategory(categories, value);
  throw new ImportError(`chuyên mục "${value}" không có` + (suggestion ? `; có phải "${suggestion.slug}" (${suggestion.name})?` : `; dùng một trong: ${categories.map((c) => c.slug).join(", ")}`));
}

export function importFiles(paths: string[], options: ImportOptions): ImportOutcome[] {
  // A mistyped --category stops the run before any file is written.
  if (options.category) requireCategory(options.categories, options.category);
  const { files, missing } = collectInputs(paths);
  const outcomes: ImportOutcome[] = missing.map((input) => ({ input, status: "failed", reason: "không tìm thấy tệp hoặc thư mục" }));
  for (const input of files) {
    try {
      const article = readPortalFile(input);
      const { category, reason } = chooseCategory(article, options);
      const written = writeArticle(article, category.slug, options.out);
      outcomes.push({ input, ...written, category, categoryReason: reason, skippedImages: article.skippedImages });
    } catch (error) {
      const reason = error instanceof ImportError ? error.message : `không đọc được: ${error instanceof Error ? error.message : String(error)}`;
      outcomes.push({ input, status: "failed", reason });
    }
  }
  return outcomes;
}
