import { describe, expect, it } from "vitest";
import { articleSchema, findCategory, pageSchema, scheduleSchema, suggestCategory } from "../../scripts/lib/content/schema.ts";
import { site } from "../../site.config.ts";

const schema = articleSchema(site.categories);
const valid = { title: "Hội nghị sơ kết", date: "19/06/2020 08:02", category: "hoat-dong-khcn" };

function messages(input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("article schema", () => {
  it("accepts a minimal article and resolves its category", () => {
    const data = schema.parse(valid);
    expect(data.category.name).toBe("Hoạt động KH&CN");
    expect(data.date.toFormat("dd/MM/yyyy HH:mm")).toBe("19/06/2020 08:02");
  });

  it("accepts a category by display name, with or without tones", () => {
    expect(schema.parse({ ...valid, category: "Sở hữu trí tuệ" }).category.slug).toBe("so-huu-tri-tue");
    expect(findCategory(site.categories, "so huu tri tue")?.slug).toBe("so-huu-tri-tue");
  });

  it("names every missing required field in Vietnamese", () => {
    const m = messages({});
    expect(m.title).toMatch(/thiếu tiêu đề/);
    expect(m.date).toMatch(/thiếu ngày/);
    expect(m.category).toMatch(/thiếu chuyên mục/);
  });

  it("explains an unreadable date", () => {
    expect(messages({ ...valid, date: "19-06-2020 8 giờ" }).date).toMatch(/không đọc được.*19\/06\/2020 08:02/);
  });

  it("suggests the closest category for a typo", () => {
    expect(messages({ ...valid, category: "hoat-dong-kh-cn" }).category).toMatch(/có phải "hoat-dong-khcn"/);
    expect(suggestCategory(site.categories, "chuyen doi so hoa")?.slug).toBe("chuyen-doi-so");
  });

  it("requires alt text with an image", () => {
    expect(messages({ ...valid, image: "/images/a.jpg" }).image_alt).toMatch(/mô tả ảnh/);
    expect(schema.safeParse({ ...valid, image: "/images/a.jpg", image_alt: "Quang cảnh hội nghị" }).success).toBe(true);
  });

  it("rejects flags that are not booleans and slugs with tones", () => {
    const m = messages({ ...valid, hot: "có", slug: "Hội-nghị" });
    expect(m.hot).toMatch(/true hoặc false/);
    expect(m.slug).toMatch(/chữ cái không dấu viết thường.*ví dụ slug: hoi-nghi$/);
  });

  it("says how to write what editors get wrong most", () => {
    expect(messages({ ...valid, hot: "true" }).hot).toBe("viết hot: true (không có dấu nháy)");
    expect(messages({ ...valid, title: null }).title).toMatch(/^tiêu đề \(title\) đang để trống: viết tiêu đề sau dấu hai chấm, ví dụ title: "/);
    expect(messages({ ...valid, source: null }).source).toMatch(/hoặc xóa dòng này nếu không dùng$/);
    expect(messages({ ...valid, aliases: ["http://sokhcn.example.gov.vn/tin-tuc/99.html"] }).aliases).toBe(
      'địa chỉ cũ chỉ ghi phần sau tên miền: viết "/tin-tuc/99.html" thay cho "http://sokhcn.example.gov.vn/tin-tuc/99.html", ví dụ aliases: [/tin-tuc/99.html]',
    );
    // The editors' form only, never ISO 8601.
    expect(messages({ ...valid, date: "32/01/2020" }).date).not.toMatch(/T\d\d:|\+07:00/);
  });

  it("reads tags as a list, a single tag as a list of one", () => {
    expect(schema.parse({ ...valid, tags: "OCOP" }).tags).toEqual(["OCOP"]);
  });
});

describe("page and schedule schemas", () => {
  it("needs a title for a page", () => {
    expect(pageSchema.safeParse({ summary: "x" }).success).toBe(false);
  });

  it("reads a schedule entry and its session", () => {
    const entry = scheduleSchema.parse({ date: "27/11/2026", session: "Sáng", time: "08:00", content: "Họp giao ban" });
    expect(entry.session).toBe("sáng");
    expect(scheduleSchema.safeParse({ date: "27/11/2026", session: "tối", content: "x" }).success).toBe(false);
    expect(scheduleSchema.safeParse({ date: "27/11/2026", session: "chiều", time: "25:00", content: "x" }).success).toBe(false);
  });
});
