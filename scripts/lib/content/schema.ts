/** The front matter's one source of truth: the build, the checker and the editors' guide read these schemas. */
import { distance as editDistance } from "fastest-levenshtein";
import { z } from "zod";
import type { DateTime } from "luxon";
import { parseDate } from "./dates.ts";
import { foldTones, slugify } from "./slug.ts";
import type { Category } from "../site/settings.ts";

const DATE_HELP = 'viết theo dạng "19/06/2020 08:02" (giờ Việt Nam) hoặc "2020-06-19T08:02:00+07:00"';

const text = (field: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `thiếu ${field}` : `${field} phải là chữ`) }).trim().min(1, `${field} đang để trống`);

const optionalText = (field: string) => z.string({ error: `${field} phải là chữ` }).trim().min(1, `${field} đang để trống`).optional();

const flag = (field: string) => z.boolean({ error: `${field} chỉ nhận true hoặc false` }).optional();

const dateField = z.union([z.string(), z.date()], { error: (issue) => (issue.input === undefined ? "thiếu ngày đăng" : `ngày không đọc được: ${DATE_HELP}`) }).transform((value, ctx): DateTime => {
  const dt = parseDate(value);
  if (!dt) {
    ctx.addIssue({ code: "custom", message: `ngày "${String(value)}" không đọc được: ${DATE_HELP}` });
    return z.NEVER;
  }
  return dt;
});

/** The category declared in site.config.ts that a name or slug designates, if any. */
export function findCategory(categories: Category[], value: string): Category | undefined {
  const wanted = foldTones(value.trim());
  return categories.find((c) => c.slug === value.trim() || foldTones(c.name) === wanted || c.slug === slugify(value));
}

/** Closest declared category to a mistyped one, by edit distance on tone-less text. */
export function suggestCategory(categories: Category[], value: string): Category | undefined {
  const wanted = slugify(value);
  let best: { category: Category; distance: number } | undefined;
  for (const category of categories) {
    const distance = Math.min(editDistance(wanted, category.slug), editDistance(foldTones(value), foldTones(category.name)));
    if (!best || distance < best.distance) best = { category, distance };
  }
  return best && best.distance <= Math.max(3, wanted.length / 2) ? best.category : undefined;
}


const slugField = z
  .string({ error: "slug phải là chữ" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ hoi-nghi-so-ket-2020")
  .optional();

const tagsField = z
  .union([z.string(), z.array(z.string({ error: "mỗi thẻ phải là chữ" }))], { error: "tags là một danh sách, ví dụ [hội nghị, OCOP]" })
  .transform((value) => (Array.isArray(value) ? value : [value]).map((t) => t.trim()).filter(Boolean))
  .optional();

const aliasesField = z
  .array(z.string().regex(/^\//, "địa chỉ cũ phải bắt đầu bằng /"), { error: "aliases là danh sách địa chỉ cũ, ví dụ [/tin-tuc/123.html]" })
  .optional();

/** An article's front matter; the category is resolved against the site's categories. */
export function articleSchema(categories: Category[]) {
  return z
    .object({
      title: text("tiêu đề (title)"),
      date: dateField,
      category: text("chuyên mục (category)").transform((value, ctx): Category => {
        const found = findCategory(categories, value);
        if (found) return found;
        const suggestion = suggestCategory(categories, value);
        ctx.addIssue({
          code: "custom",
          message: `chuyên mục "${value}" không có` + (suggestion ? `; có phải "${suggestion.slug}" (${suggestion.name})?` : `; dùng một trong: ${categories.map((c) => c.slug).join(", ")}`),
        });
        return z.NEVER;
      }),
      source: optionalText("nguồn tin (source)"),
      summary: optionalText("tóm tắt (summary)"),
      image: optionalText("ảnh (image)"),
      image_alt: optionalText("mô tả ảnh (image_alt)"),
      tags: tagsField,
      hot: flag("tin nóng (hot)"),
      featured: flag("tin tiêu điểm (featured)"),
      draft: flag("bản nháp (draft)"),
      slug: slugField,
      aliases: aliasesField,
    })
    .superRefine((data, ctx) => {
      if (data.image && !data.image_alt) {
        ctx.addIssue({ code: "custom", path: ["image_alt"], message: "có ảnh thì phải có mô tả ảnh (image_alt) cho người khiếm thị" });
      }
    });
}

export const pageSchema = z.object({
  title: text("tiêu đề (title)"),
  summary: optionalText("tóm tắt (summary)"),
  slug: slugField,
  draft: flag("bản nháp (draft)"),
  aliases: aliasesField,
});

export const SESSIONS = ["sáng", "chiều"] as const;

export const scheduleSchema = z.object({
  date: dateField,
  session: z
    .string({ error: (issue) => (issue.input === undefined ? "thiếu buổi (session): sáng hoặc chiều" : "buổi (session) phải là sáng hoặc chiều") })
    .transform((value) => value.trim().normalize("NFC").toLowerCase())
    .pipe(z.enum(SESSIONS, { error: "buổi (session) phải là sáng hoặc chiều" })),
  time: z
    .string({ error: 'giờ (time) viết dạng "08:00"' })
    .regex(/^([01]?\d|2[0-3])[:h]([0-5]\d)$/, 'giờ (time) viết dạng "08:00"')
    .optional(),
  content: text("nội dung (content)"),
  location: optionalText("địa điểm (location)"),
  chair: optionalText("chủ trì (chair)"),
  attendees: optionalText("thành phần (attendees)"),
});

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
export type PageData = z.output<typeof pageSchema>;
export type ScheduleData = z.output<typeof scheduleSchema>;

/** Field-by-field documentation for the editors' guide and the scaffold. */
export const ARTICLE_FIELDS = [
  { field: "title", required: true, example: '"Hội nghị sơ kết hoạt động KH&CN 6 tháng đầu năm 2020"', help: "Tiêu đề bài viết." },
  { field: "date", required: true, example: '"19/06/2020 08:02"', help: "Ngày giờ đăng, giờ Việt Nam. Ngày trong tương lai: bài tự lên trang vào ngày đó." },
  { field: "category", required: true, example: "hoat-dong-khcn", help: "Chuyên mục: tên hoặc mã (slug) khai báo trong site.config.ts." },
  { field: "source", required: false, example: '"Trung tâm Ứng dụng và Thống kê KH&CN"', help: "Đơn vị hoặc tác giả, in ở cuối bài." },
  { field: "summary", required: false, example: '"Sở KH&CN tổ chức hội nghị sơ kết…"', help: "Tóm tắt; bỏ trống thì lấy đoạn đầu tiên." },
  { field: "image", required: false, example: "/images/hoi-nghi.jpg", help: "Ảnh đại diện, trong thư mục content/images/." },
  { field: "image_alt", required: false, example: '"Quang cảnh hội nghị"', help: "Mô tả ảnh cho người khiếm thị; bắt buộc khi có ảnh." },
  { field: "tags", required: false, example: "[hội nghị, OCOP]", help: "Từ khóa." },
  { field: "hot", required: false, example: "true", help: "Đưa vào mục Tin nóng." },
  { field: "featured", required: false, example: "true", help: "Đưa vào mục Tin tiêu điểm." },
  { field: "draft", required: false, example: "true", help: "Bản nháp: chỉ hiện khi xem thử, không đăng." },
  { field: "slug", required: false, example: "hoi-nghi-so-ket-2020", help: "Địa chỉ bài viết; giữ nguyên địa chỉ khi sửa tiêu đề." },
  { field: "aliases", required: false, example: "[/tin-tuc/12345.html]", help: "Địa chỉ cũ của bài trên cổng cũ, tự chuyển hướng về bài mới." },
] as const;
