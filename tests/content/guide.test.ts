import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { ARTICLE_FIELDS, articleSchema, DOCUMENT_FIELDS, documentSchema, organisationSchema, pageSchema, proceduresSchema, scheduleSchema } from "../../scripts/lib/content/schema.ts";
import { checkContent, TITLE_MAX } from "../../scripts/lib/check/index.ts";
import { FrontMatterError, parseFrontMatter } from "../../scripts/lib/content/front-matter.ts";

const guide = readFileSync("docs/huong-dan-bien-tap.md", "utf8");

/** The guide's fenced blocks of one language, list indentation removed. */
function codeBlocks(lang: string): string[] {
  return [...guide.matchAll(/^( *)```(\w*)\n([\s\S]*?)\n\1```$/gm)]
    .filter((m) => m[2] === lang)
    .map((m) => m[3]!.split("\n").map((line) => line.slice(m[1]!.length)).join("\n"));
}

/** The guide's own section on documents, whatever its number. */
const documentsSection = () => guide.slice(guide.search(/^## \d+\. Văn bản \(thư viện văn bản\)$/m));

describe("docs/huong-dan-bien-tap.md", () => {
  it("has a row for every article field, with the schema's example and help", () => {
    for (const { field, example, help, required } of ARTICLE_FIELDS) {
      expect(guide).toContain(`| \`${field}\` | ${required ? "có" : "không"} | \`${field}: ${example}\` | ${help} |`);
    }
    expect(ARTICLE_FIELDS.map((f) => f.field).sort()).toEqual(Object.keys(articleSchema(site.categories).shape).sort());
  });

  it("documents every page and schedule field", () => {
    for (const field of [...Object.keys(pageSchema.shape), ...Object.keys(scheduleSchema.shape)]) expect(guide).toMatch(new RegExp(`\\| \`${field}\` \\|`));
  });

  it("documents every key of the data files in content/du-lieu/", () => {
    const keysOf = (schema: unknown): string[] => {
      const inner = (schema as { unwrap?: () => unknown }).unwrap?.() ?? schema;
      const shape = (inner as { shape?: Record<string, unknown> }).shape;
      const element = (inner as { element?: unknown }).element;
      if (shape) return Object.entries(shape).flatMap(([key, child]) => [key, ...keysOf(child)]);
      return element ? keysOf(element) : [];
    };
    const keys = new Set([...keysOf(organisationSchema), ...keysOf(proceduresSchema)]);
    expect(keys.size).toBeGreaterThan(15);
    for (const key of keys) expect(guide, key).toMatch(new RegExp(`\\| [^|]*\`${key}\`[^|]*\\|`));
  });

  it("lists every category the site declares", () => {
    for (const category of site.categories) expect(guide).toContain(`\`${category.slug}\``);
  });

  it("explains each checker message", () => {
    for (const words of [
      "thiếu tiêu đề", "thiếu ngày đăng", "thiếu chuyên mục", "không đọc được", "có phải", "viết sai ở dòng này", "trùng với bài",
      "đang để trống", "phải là chữ", "không có dấu nháy", "được viết hai lần", "phần sau tên miền", "mã HTML", "không đọc được tệp này",
      "đã dùng cho chuyên mục", "địa chỉ cũ", "không tìm thấy ảnh", "mô tả ảnh (image_alt)", "thiếu mô tả cho người khiếm thị",
      "trang không có trên website", "<script>", "onclick", "javascript:", "<iframe>", "bài chưa có nội dung", "hẹn giờ đăng",
      "tiêu đề dài", "không có trong mẫu", "một bài chưa đăng", "style", "tệp không phải .md",
    ]) {
      expect(guide, words).toContain(words);
    }
    expect(guide).toContain(`${TITLE_MAX} ký tự`);
  });

  it("gives a template that passes the checker as pasted (step 4 of adding an article)", () => {
    const template = codeBlocks("markdown").find((block) => block.startsWith("---\ntitle:"));
    const schedule = codeBlocks("markdown").find((block) => block.includes("\nsession:"));
    expect(template).toBeDefined();
    expect(schedule).toBeDefined();
    const content = mkdtempSync(path.join(tmpdir(), "guide-"));
    mkdirSync(path.join(content, "bai-viet", "2026"), { recursive: true });
    mkdirSync(path.join(content, "lich-cong-tac"), { recursive: true });
    writeFileSync(path.join(content, "bai-viet", "2026", "bai-mau.md"), `${template}\n`);
    writeFileSync(path.join(content, "lich-cong-tac", "2026-11-16-sang-giao-ban.md"), `${schedule}\n`);
    const report = checkContent({ content, now: DateTime.fromISO("2026-12-01T08:00:00+07:00") });
    expect(report.problems).toEqual([]);
  });

  it("says rightly which quotation marks a title may hold", () => {
    const [example] = codeBlocks("yaml").filter((block) => block.includes("# Sai"));
    expect(example).toBeDefined();
    const [right, wrong] = example!.split(/^# Sai.*$/m) as [string, string];
    const titles = (text: string) => text.split("\n").filter((line) => line.startsWith("title:"));
    expect(titles(right)).toHaveLength(2);
    for (const line of titles(right)) expect(parseFrontMatter(`---\n${line}\n---\n`).data.title).toMatch(/^Hội thảo .Chuyển đổi số/);
    expect(titles(wrong)).toHaveLength(1);
    expect(() => parseFrontMatter(`---\n${titles(wrong)[0]}\n---\n`)).toThrow(FrontMatterError);
  });

  it("has a row for every document field, with the schema's example and help, in its own section", () => {
    const section = documentsSection();
    for (const { field, example, help, required } of DOCUMENT_FIELDS) {
      expect(section).toContain(`| \`${field}\` | ${required ? "có" : "không"} | \`${field}: ${example}\` | ${help} |`);
    }
    expect(DOCUMENT_FIELDS.map((f) => f.field).sort()).toEqual(Object.keys(documentSchema(site.documents).shape).sort());
  });

  it("explains each checker message about documents", () => {
    const section = documentsSection();
    for (const words of [
      "thiếu số ký hiệu", "không đúng dạng", "loại văn bản", "không tìm thấy tệp đính kèm", "quá giới hạn 20 MB", "không phải tệp PDF thật",
      "không thuộc loại được đăng", "trước ngày ban hành", "không có văn bản số", "trùng với văn bản", "lien_ket", "không được văn bản nào khai báo", "nhưng số ký hiệu",
    ]) {
      expect(section, words).toContain(words);
    }
  });
});
