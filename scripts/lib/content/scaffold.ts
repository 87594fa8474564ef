/** `npm run new`: a new article (`--category <slug> "Tiêu đề"`) or document (`--van-ban "15/2025/QĐ-UBND"`), its front matter explained. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { site } from "../../../site.config.ts";
import { FOLDERS } from "./load.ts";
import { formatDateTime, VIETNAM } from "./dates.ts";
import { buildClock } from "../site/clock.ts";
import { ARTICLE_FIELDS, DOCUMENT_FIELDS, findCategory, suggestCategory } from "./schema.ts";
import type { Category, DocumentSettings, DocumentTerm } from "../site/settings.ts";
import { foldTones, slugify } from "./slug.ts";
import { cleanNumber, documentSlug, isWellFormedNumber, numberYear } from "./document-number.ts";

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

export interface NewDocumentOptions {
  /** Số ký hiệu: "15/2025/QĐ-UBND". */
  number: string;
  content?: string;
  now?: DateTime;
  documents?: DocumentSettings;
}

/**
 * Writes content/van-ban/<year>/<slug>.md for a document number and returns its path; never replaces a file.
 * Loại and cơ quan ban hành are guessed from the number's abbreviations ("QĐ", "UBND"); what cannot be guessed
 * is left empty, so the checker names it until the editor fills it in.
 */
export function createDocument({ number, content = "content", now = buildClock(), documents = site.documents }: NewDocumentOptions): string {
  const clean = cleanNumber(number);
  if (!isWellFormedNumber(clean)) {
    throw new NewArticleError(`Số ký hiệu "${number}" không đúng dạng. Ví dụ: npm run new -- --van-ban "15/2025/QĐ-UBND"`);
  }
  const local = now.setZone(VIETNAM);
  const year = numberYear(clean) ?? local.year;
  const slug = documentSlug(clean, year);
  const file = path.join(content, FOLDERS.documents, String(year), `${slug}.md`);
  const guess = guessTerms(clean, documents);
  const values: Record<string, string> = {
    so_ky_hieu: JSON.stringify(clean),
    loai: guess.type?.name ?? '""',
    linh_vuc: '""',
    co_quan_ban_hanh: guess.issuer?.name ?? '""',
    ngay_ban_hanh: year === local.year ? local.toFormat("dd/MM/yyyy") : '""',
    trich_yeu: '""',
    tep: `[${slug}.pdf]`,
  };
  const lines = ["---", "# Dòng bắt đầu bằng # là ghi chú. Điền các mục còn trống; bỏ dấu # ở đầu dòng để dùng một mục tùy chọn."];
  for (const { field, required, example, help } of DOCUMENT_FIELDS) {
    lines.push(`# ${help}${required ? " (bắt buộc)" : ""} Ví dụ: ${field}: ${example}`);
    const value = values[field];
    lines.push(value !== undefined ? `${field}: ${value}` : `# ${field}: ${example}`);
  }
  lines.push("---", "", `<!-- Tải tệp ${slug}.pdf lên cùng thư mục này. Tóm tắt nội dung chính (không bắt buộc) viết bên dưới dòng này. -->`, "");
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, lines.join("\n"), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new NewArticleError(`Đã có văn bản ${file}; không ghi đè. Sửa tệp đó.`);
    throw error;
  }
  return file;
}

/** Loại and cơ quan ban hành from the ký hiệu's parts: "QĐ-UBND" → Quyết định, UBND tỉnh; "QH15" → Luật, Quốc hội. */
export function guessTerms(number: string, documents: DocumentSettings): { type?: DocumentTerm; issuer?: DocumentTerm } {
  const symbol = number.replace(/^\d+[a-zA-Z]?(?:\/\d{4})?[/-]/, "");
  const parts = symbol.split(/[-/]/).map((p) => foldTones(p).replace(/\d+$/, "")).filter(Boolean);
  const coded = (terms: DocumentTerm[], part: string | undefined) => terms.find((t) => t.code !== undefined && part !== undefined && foldTones(t.code) === part);
  const issuer = [...parts].reverse().map((p) => coded(documents.issuers, p)).find(Boolean);
  const type = coded(documents.types, parts[0]) ?? (numberYear(number) === undefined && parts.length > 1 ? documents.types.find((t) => t.slug === "cong-van") : undefined);
  return { type, issuer };
}
