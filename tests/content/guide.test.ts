import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { ARTICLE_FIELDS, articleSchema, pageSchema, scheduleSchema } from "../../scripts/lib/content/schema.ts";
import { TITLE_MAX } from "../../scripts/lib/check/index.ts";

const guide = readFileSync("docs/huong-dan-bien-tap.md", "utf8");

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

  it("lists every category the site declares", () => {
    for (const category of site.categories) expect(guide).toContain(`\`${category.slug}\``);
  });

  it("explains each checker message", () => {
    for (const words of [
      "thiếu tiêu đề", "thiếu ngày đăng", "thiếu chuyên mục", "không đọc được", "có phải", "YAML sai cú pháp", "trùng với bài",
      "đã dùng cho chuyên mục", "địa chỉ cũ", "không tìm thấy ảnh", "mô tả ảnh (image_alt)", "thiếu mô tả cho người khiếm thị",
      "trang không có trên website", "<script>", "onclick", "javascript:", "<iframe>", "bài chưa có nội dung", "hẹn giờ đăng",
      "tiêu đề dài", "không có trong mẫu", "một bài chưa đăng", "style", "tệp không phải .md",
    ]) {
      expect(guide, words).toContain(words);
    }
    expect(guide).toContain(`${TITLE_MAX} ký tự`);
  });
});
