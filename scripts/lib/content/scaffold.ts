/** `npm run new -- --category <slug> "Tiêu đề bài viết"`: a new article with its front matter explained. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { site } from "../../../site.config.ts";
import { FOLDERS } from "./load.ts";
import { formatDateTime, VIETNAM } from "./dates.ts";
import { buildClock } from "../site/clock.ts";
import { ARTICLE_FIELDS, findCategory, suggestCategory } from "./schema.ts";
import type { Category } from "../site/settings.ts";
import { slugify } from "./slug.ts";

export interface NewArticleOptions {
  title: string;
  category: string;
  /** The content folder; content/ by default. */
  content?: string;
  now?: DateTime;
  categories?: Category[];
}

export class NewArticleError extends Error {}

/** Writes content/bai-viet/<year>/<slug>.md and returns its path; never replaces an existing file. */
export function createArticle({ title, category, content = "content", now = buildClock(), categories = site.categories }: NewArticleOptions): string {
  const cleanTitle = title.trim().replace(/\s+/g, " ");
  if (!cleanTitle) throw new NewArticleError('Thiếu tiêu đề. Ví dụ: npm run new -- --category hoat-dong-khcn "Tiêu đề bài viết"');
  const found = findCategory(categories, category);
  if (!found) {
    const suggestion = suggestCategory(categories, category);
    throw new NewArticleError(
      `Chuyên mục "${category}" không có` +
        (suggestion ? `; có phải "${suggestion.slug}" (${suggestion.name})?` : "") +
        `\nCác chuyên mục: ${categories.map((c) => `${c.slug} (${c.name})`).join(", ")}`,
    );
  }
  const slug = slugify(cleanTitle);
  if (!slug) throw new NewArticleError("Tiêu đề phải có ít nhất một chữ hoặc số để đặt địa chỉ bài viết.");
  const local = now.setZone(VIETNAM);
  const file = path.join(content, FOLDERS.articles, String(local.year), `${slug}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": fail rather than replace an article someone already wrote.
    writeFileSync(file, scaffold(cleanTitle, formatDateTime(local), found), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new NewArticleError(`Đã có bài ${file}; không ghi đè. Sửa bài đó, hoặc đặt tiêu đề khác.`);
    }
    throw error;
  }
  return file;
}

/** The front matter with one comment per field, from the schema's own documentation. */
export function scaffold(title: string, dateText: string, category: Category): string {
  const values: Record<string, string> = { title: JSON.stringify(title), date: JSON.stringify(dateText), category: category.slug };
  const lines = ["---", "# Dòng bắt đầu bằng # là ghi chú, không hiện trên trang. Bỏ dấu # ở đầu dòng để dùng một mục tùy chọn."];
  for (const { field, required, example, help } of ARTICLE_FIELDS) {
    lines.push(`# ${help}${required ? " (bắt buộc)" : ""} Ví dụ: ${field}: ${example}`);
    const value = values[field];
    lines.push(value !== undefined ? `${field}: ${value}` : `# ${field}: ${example}`);
  }
  lines.push("---", "", "<!-- Viết nội dung bài bên dưới dòng này. Mỗi đoạn cách nhau một dòng trống. Ảnh: ![mô tả ảnh](/images/ten-anh.jpg) -->", "");
  return lines.join("\n");
}
