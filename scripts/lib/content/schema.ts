/** The front matter's one source of truth: the build, the checker and the editors' guide read these schemas. */
import { distance as editDistance } from "fastest-levenshtein";
import { z } from "zod";
import type { DateTime } from "luxon";
import { isPlausibleYear, parseDate, VIETNAM, YEARS } from "./dates.ts";
import { foldTones, slugify } from "./slug.ts";
import type { Category, DocumentSettings, DocumentTerm } from "../site/settings.ts";
import { cleanNumber, isWellFormedNumber } from "./document-number.ts";

// Our own messages cover every field; Vietnamese is the safety net for anything they miss, never a library's English.
z.config(z.locales.vi());

/** A field as messages name it: its key, the editors' word for it ("tiêu đề (title)") and a correct value. */
interface Field {
  key: string;
  label: string;
  /** Defaults to the example of ARTICLE_FIELDS or DOCUMENT_FIELDS. */
  example?: string;
}

const IF_UNUSED = ", hoặc xóa dòng này nếu không dùng";

/** A correct line for the field: `title: "Hội nghị sơ kết…"`. */
function exampleLine({ key, example }: Field): string {
  return `${key}: ${example ?? [...ARTICLE_FIELDS, ...DOCUMENT_FIELDS].find((f) => f.field === key)?.example ?? '"…"'}`;
}

/** The message for a value that is absent, empty (`title:` alone) or of the wrong kind. */
function textMessage(field: Field, input: unknown, optional: boolean): string {
  const unused = optional ? IF_UNUSED : "";
  if (input === undefined) return `thiếu ${field.label}: thêm dòng ${exampleLine(field)}`;
  if (input === null || (typeof input === "string" && input.trim() === "")) {
    return `${field.label} đang để trống: viết ${field.label.replace(/ \(.*\)$/, "")} sau dấu hai chấm, ví dụ ${exampleLine(field)}${unused}`;
  }
  return `${field.label} phải là chữ, đặt trong dấu nháy kép, ví dụ ${exampleLine(field)}${unused}`;
}

const text = (field: Field) =>
  z
    .string({ error: (issue) => textMessage(field, issue.input, false) })
    .trim()
    .min(1, { error: () => textMessage(field, "", false) });

const optionalText = (field: Field) =>
  z
    .string({ error: (issue) => textMessage(field, issue.input, true) })
    .trim()
    .min(1, { error: () => textMessage(field, "", true) })
    .optional();

const flag = (field: Field) =>
  z
    .boolean({
      error: ({ input }) => {
        if (input === null) return `${field.label} đang để trống: viết ${field.key}: true${IF_UNUSED}`;
        if (typeof input === "string" && /^\s*(true|false)\s*$/i.test(input)) return `viết ${field.key}: ${input.trim().toLowerCase()} (không có dấu nháy)`;
        return `${field.label} chỉ nhận true hoặc false, viết không có dấu nháy, ví dụ ${field.key}: true${IF_UNUSED}`;
      },
    })
    .optional();

/** Dates in the editors' form only: "19/06/2020 08:02" for articles, "16/11/2026" for the schedule. */
const dateField = (field: Field & { example: string }) =>
  z
    .union([z.string(), z.date()], {
      error: ({ input }) => (input === undefined || input === null ? textMessage(field, input, false) : dateMessage(field, input)),
    })
    .transform((value, ctx): DateTime => {
      const dt = parseDate(value);
      if (!dt) {
        ctx.addIssue({ code: "custom", message: dateMessage(field, value) });
        return z.NEVER;
      }
      if (!isPlausibleYear(dt)) {
        ctx.addIssue({ code: "custom", message: yearMessage(dt, value) });
        return z.NEVER;
      }
      return dt;
    });

/** A date that reads but cannot be meant: year 0099, 1900, 20200. */
function yearMessage(dt: DateTime, value: unknown): string {
  return `năm ${dt.setZone(VIETNAM).toFormat("yyyy")} của ngày "${String(value)}" không hợp lý: năm phải từ ${YEARS.first} đến ${YEARS.last}; kiểm tra lại năm (ví dụ 2020)`;
}

function dateMessage(field: Field & { example: string }, value: unknown): string {
  const form = field.example.includes(":") ? "ngày/tháng/năm giờ:phút (giờ Việt Nam)" : "ngày/tháng/năm";
  return `ngày "${String(value)}" không đọc được: viết ${form} trong dấu nháy kép, ví dụ ${exampleLine(field)}`;
}

const ARTICLE_DATE = { key: "date", label: "ngày đăng (date)", example: '"19/06/2020 08:02"' };

/** The category declared in site.config.ts that a name or slug designates, if any. */
export function findCategory(categories: Category[], value: string): Category | undefined {
  const trimmed = value.trim();
  const wanted = foldTones(trimmed);
  // Once per article, not once per category tried: every article's front matter comes through here.
  const slug = slugify(value);
  return categories.find((c) => c.slug === trimmed || foldTones(c.name) === wanted || c.slug === slug);
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


const SLUG_RULE = "chỉ gồm chữ cái không dấu viết thường, chữ số và dấu gạch ngang";

const slugField = z
  .string({ error: ({ input }) => (input === null ? textMessage({ key: "slug", label: "địa chỉ bài (slug)" }, input, true) : `địa chỉ bài (slug) ${SLUG_RULE}, ví dụ slug: hoi-nghi-so-ket-2020${IF_UNUSED}`) })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: ({ input }) => `địa chỉ bài (slug) "${String(input)}" ${SLUG_RULE}, ví dụ slug: ${slugify(String(input)) || "hoi-nghi-so-ket-2020"}` })
  .optional();

const tagsField = z
  // One tag may be written without brackets.
  .preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(z.string({ error: ({ input }) => `từ khóa ${String(input)} phải là chữ; từ khóa là số thì đặt trong dấu nháy, ví dụ tags: [OCOP, "2020"]` }), {
      error: ({ input }) =>
        input === null
          ? `từ khóa (tags) đang để trống: viết các từ khóa trong ngoặc vuông, ví dụ tags: [hội nghị, OCOP]${IF_UNUSED}`
          : `từ khóa (tags) viết thành danh sách trong ngoặc vuông, ví dụ tags: [hội nghị, OCOP]${IF_UNUSED}`,
    }),
  )
  .transform((value) => value.map((t) => t.trim()).filter(Boolean))
  .optional();

/** What to write instead of an old address that does not start with "/": a pasted full URL keeps its path. */
function aliasMessage(input: unknown): string {
  if (typeof input !== "string") return `mỗi địa chỉ cũ phải là chữ, ví dụ aliases: [/tin-tuc/12345.html]`;
  let path: string | undefined;
  try {
    const url = new URL(input.trim());
    // The query is left out: a redirect cannot match it (aliasProblem).
    if (url.protocol === "http:" || url.protocol === "https:") path = url.pathname;
  } catch {
    // Not a full address: the editor left out the leading "/".
  }
  if (path) return `địa chỉ cũ chỉ ghi phần sau tên miền: viết "${path}" thay cho "${input.trim()}", ví dụ aliases: [${path}]`;
  return `địa chỉ cũ "${input}" phải bắt đầu bằng dấu /, ví dụ aliases: [/${input.trim().replace(/^\/*/, "")}]`;
}

/**
 * Why an old address cannot be a redirect's source, or undefined when it can: a plain path of this site, so each
 * becomes exactly one "alias url 301" rule of _redirects (no whitespace, no redirect syntax).
 */
export function aliasProblem(alias: string): string | undefined {
  const shown = JSON.stringify(alias);
  if (!alias.startsWith("/")) return aliasMessage(alias);
  if (alias.startsWith("//")) return `địa chỉ cũ ${shown} phải là đường dẫn trên website này, bắt đầu bằng một dấu /`;
  if (/[\s\u0000-\u001F\u007F-\u009F]/u.test(alias)) return `địa chỉ cũ ${shown} có khoảng trắng hoặc xuống dòng; đường dẫn không được có khoảng trắng (viết %20 nếu địa chỉ cũ có dấu cách)`;
  if (/[*:!\\]/.test(alias)) return `địa chỉ cũ ${shown} có ký tự * : ! hoặc \\, là ký hiệu của quy tắc chuyển hướng; chỉ ghi đường dẫn của trang cũ`;
  if (/[?#]/.test(alias)) return `địa chỉ cũ ${shown} có phần sau dấu ? hoặc #, phần này không chuyển hướng được; chỉ ghi đường dẫn trước dấu ?`;
  if (alias.split("/").some((segment) => segment === "." || segment === "..")) return `địa chỉ cũ ${shown} có đoạn . hoặc ..; ghi đường dẫn đầy đủ của trang cũ`;
  return undefined;
}

const aliasesField = z
  .array(
    z.string({ error: ({ input }) => aliasMessage(input) }).superRefine((alias, ctx) => {
      const problem = aliasProblem(alias);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    {
      error: ({ input }) =>
        input === null
          ? `địa chỉ cũ (aliases) đang để trống: viết các địa chỉ cũ trong ngoặc vuông, ví dụ aliases: [/tin-tuc/12345.html]${IF_UNUSED}`
          : `địa chỉ cũ (aliases) viết thành danh sách trong ngoặc vuông, ví dụ aliases: [/tin-tuc/12345.html]${IF_UNUSED}`,
    },
  )
  .optional();

/** Numbers of documents in the library ("15/2025/QĐ-UBND"), one or a list; resolved by the loader. */
const numberList = (field: string) =>
  z
    .union([z.string(), z.array(z.string({ error: `mỗi mục của ${field} là một số ký hiệu` }))], { error: `${field} là một danh sách số ký hiệu, ví dụ ["15/2025/QĐ-UBND"]` })
    .transform((value) => (Array.isArray(value) ? value : [value]).map(cleanNumber).filter(Boolean))
    .optional();

const citedDocumentsField = numberList("văn bản liên quan (van_ban)");

/** An article's front matter; the category is resolved against the site's categories. */
export function articleSchema(categories: Category[]) {
  return z
    .object({
      title: text({ key: "title", label: "tiêu đề (title)" }),
      date: dateField(ARTICLE_DATE),
      category: text({ key: "category", label: "chuyên mục (category)" }).transform((value, ctx): Category => {
        const found = findCategory(categories, value);
        if (found) return found;
        const suggestion = suggestCategory(categories, value);
        ctx.addIssue({
          code: "custom",
          message: `chuyên mục "${value}" không có` + (suggestion ? `; có phải "${suggestion.slug}" (${suggestion.name})?` : `; dùng một trong: ${categories.map((c) => c.slug).join(", ")}`),
        });
        return z.NEVER;
      }),
      source: optionalText({ key: "source", label: "nguồn tin (source)" }),
      summary: optionalText({ key: "summary", label: "tóm tắt (summary)" }),
      image: optionalText({ key: "image", label: "ảnh (image)" }),
      image_alt: optionalText({ key: "image_alt", label: "mô tả ảnh (image_alt)" }),
      image_caption: optionalText({ key: "image_caption", label: "chú thích ảnh (image_caption)" }),
      // "Ảnh: " is printed by the page; an editor who types it too does not get it twice.
      image_credit: optionalText({ key: "image_credit", label: "tác giả ảnh (image_credit)" }).transform((value) => value?.replace(/^\s*ảnh\s*:\s*/iu, "") || undefined),
      tags: tagsField,
      hot: flag({ key: "hot", label: "tin nóng (hot)" }),
      featured: flag({ key: "featured", label: "tin tiêu điểm (featured)" }),
      draft: flag({ key: "draft", label: "bản nháp (draft)" }),
      slug: slugField,
      aliases: aliasesField,
      van_ban: citedDocumentsField,
    })
    .superRefine((data, ctx) => {
      if (data.image && !data.image_alt) {
        ctx.addIssue({ code: "custom", path: ["image_alt"], message: `có ảnh thì phải có mô tả ảnh (image_alt) cho người khiếm thị: thêm dòng ${exampleLine({ key: "image_alt", label: "" })}` });
      }
    });
}

export const pageSchema = z.object({
  title: text({ key: "title", label: "tiêu đề (title)", example: '"Giới thiệu"' }),
  summary: optionalText({ key: "summary", label: "tóm tắt (summary)", example: '"Chức năng, nhiệm vụ của Sở"' }),
  slug: slugField,
  draft: flag({ key: "draft", label: "bản nháp (draft)" }),
  aliases: aliasesField,
});

export const SESSIONS = ["sáng", "chiều"] as const;

const sessionMessage = (input: unknown) =>
  input === undefined
    ? "thiếu buổi (session): thêm dòng session: sáng (hoặc session: chiều)"
    : input === null
      ? "buổi (session) đang để trống: viết session: sáng hoặc session: chiều"
      : `buổi (session) "${String(input)}" không có: chỉ nhận sáng hoặc chiều, ví dụ session: sáng`;

const timeMessage = (input: unknown) =>
  input === null
    ? `giờ (time) đang để trống: viết giờ bắt đầu, ví dụ time: "08:00"${IF_UNUSED}`
    : `giờ (time) "${String(input)}" không đọc được: viết giờ:phút trong dấu nháy kép, ví dụ time: "08:00"${IF_UNUSED}`;

export const scheduleSchema = z.object({
  date: dateField({ key: "date", label: "ngày làm việc (date)", example: '"16/11/2026"' }),
  session: z
    .string({ error: ({ input }) => sessionMessage(input) })
    .transform((value) => value.trim().normalize("NFC").toLowerCase())
    .pipe(z.enum(SESSIONS, { error: ({ input }) => sessionMessage(input) })),
  time: z
    .string({ error: ({ input }) => timeMessage(input) })
    .regex(/^([01]?\d|2[0-3])[:h]([0-5]\d)$/, { error: ({ input }) => timeMessage(input) })
    .optional(),
  content: text({ key: "content", label: "nội dung (content)", example: '"Họp giao ban Ban Giám đốc Sở"' }),
  location: optionalText({ key: "location", label: "địa điểm (location)", example: '"Phòng họp tầng 2, Sở KH&CN"' }),
  chair: optionalText({ key: "chair", label: "chủ trì (chair)", example: '"Giám đốc Sở"' }),
  attendees: optionalText({ key: "attendees", label: "thành phần (attendees)", example: '"Các Phó Giám đốc Sở; Trưởng các phòng, đơn vị trực thuộc"' }),
});

/** The list entry a name, short name or slug designates ("UBND tỉnh", "ubnd-tinh", "Ủy ban nhân dân tỉnh"). */
export function findTerm(terms: readonly DocumentTerm[], value: string): DocumentTerm | undefined {
  const wanted = foldTones(value.trim().replace(/\s+/g, " "));
  return terms.find((t) => t.slug === value.trim() || foldTones(t.name) === wanted || (t.short !== undefined && foldTones(t.short) === wanted) || t.slug === slugify(value));
}

/** Closest entry to a mistyped one, by edit distance on tone-less text. */
export function suggestTerm(terms: readonly DocumentTerm[], value: string): DocumentTerm | undefined {
  const wanted = foldTones(value.trim());
  let best: { term: DocumentTerm; distance: number } | undefined;
  for (const term of terms) {
    const names = [term.name, term.short, term.slug].filter((n): n is string => Boolean(n)).map(foldTones);
    const distance = Math.min(...names.map((n) => editDistance(wanted, n)));
    if (!best || distance < best.distance) best = { term, distance };
  }
  return best && best.distance <= Math.max(3, wanted.length / 2) ? best.term : undefined;
}

const term = (terms: readonly DocumentTerm[], field: string, value: string, ctx: z.RefinementCtx): DocumentTerm => {
  const found = findTerm(terms, value);
  if (found) return found;
  const suggestion = suggestTerm(terms, value);
  ctx.addIssue({
    code: "custom",
    message: `${field} "${value}" không có trong danh sách` + (suggestion ? `; có phải "${suggestion.name}"?` : `; dùng một trong: ${terms.map((t) => t.name).join(", ")}`),
  });
  return z.NEVER;
};

const DAY_HELP = 'viết theo dạng ngày/tháng/năm, ví dụ "14/03/2025"';

/** A calendar day in Vietnam ("14/03/2025" or "2025-03-14"); a time, if written, is dropped. */
const dayField = (field: string) =>
  z.union([z.string(), z.date()], { error: (issue) => (issue.input === undefined ? `thiếu ${field}` : `${field} không đọc được: ${DAY_HELP}`) }).transform((value, ctx): DateTime => {
    const dt = parseDate(value);
    if (!dt) {
      ctx.addIssue({ code: "custom", message: `${field} "${String(value)}" không đọc được: ${DAY_HELP}` });
      return z.NEVER;
    }
    return dt.startOf("day");
  });

const attachmentField = z
  .array(
    z.union([
      z.string({ error: "mỗi tệp đính kèm là tên tệp, ví dụ 15-2025-qd-ubnd.pdf" }).trim().min(1, "tên tệp đính kèm đang để trống"),
      z.object({ duong_dan: text({ key: "duong_dan", label: "đường dẫn tệp (duong_dan)" }), ten: optionalText({ key: "ten", label: "tên hiển thị của tệp (ten)" }) }, { error: "mỗi tệp đính kèm là tên tệp, hoặc hai dòng duong_dan: và ten:" }),
    ]),
    { error: (issue) => (issue.input === undefined ? "thiếu tệp đính kèm (tep): mỗi văn bản cần ít nhất một tệp PDF, Word hoặc Excel" : "tep là danh sách tệp, mỗi dòng bắt đầu bằng dấu -") },
  )
  .min(1, "thiếu tệp đính kèm (tep): mỗi văn bản cần ít nhất một tệp")
  .transform((items) => items.map((item) => (typeof item === "string" ? { path: item } : { path: item.duong_dan, label: item.ten })));

/** A document of the library (văn bản); its lists come from site.config.ts. Relations are resolved by the loader. */
export function documentSchema(settings: DocumentSettings) {
  return z
    .object({
      so_ky_hieu: text({ key: "so_ky_hieu", label: "số ký hiệu (so_ky_hieu)" }).transform((value, ctx) => {
        const number = cleanNumber(value);
        if (!isWellFormedNumber(number)) {
          ctx.addIssue({ code: "custom", message: `số ký hiệu "${value}" không đúng dạng: viết số/năm/ký hiệu như "15/2025/QĐ-UBND", hoặc số/ký hiệu như "569/QĐ-TTg"` });
          return z.NEVER;
        }
        return number;
      }),
      loai: text({ key: "loai", label: "loại văn bản (loai)" }).transform((v, ctx) => term(settings.types, "loại văn bản", v, ctx)),
      linh_vuc: z
        .union([z.string(), z.array(z.string({ error: "mỗi lĩnh vực phải là chữ" }))], { error: (issue) => (issue.input === undefined ? "thiếu lĩnh vực (linh_vuc)" : "linh_vuc là một lĩnh vực hoặc một danh sách, ví dụ [Sở hữu trí tuệ]") })
        .transform((value, ctx) => {
          const names = (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
          if (!names.length) ctx.addIssue({ code: "custom", message: "lĩnh vực (linh_vuc) đang để trống" });
          return [...new Set(names.map((v) => term(settings.fields, "lĩnh vực", v, ctx)))];
        }),
      co_quan_ban_hanh: text({ key: "co_quan_ban_hanh", label: "cơ quan ban hành (co_quan_ban_hanh)" }).transform((v, ctx) => term(settings.issuers, "cơ quan ban hành", v, ctx)),
      nguoi_ky: optionalText({ key: "nguoi_ky", label: "người ký (nguoi_ky)" }),
      ngay_ban_hanh: dayField("ngày ban hành (ngay_ban_hanh)"),
      ngay_hieu_luc: dayField("ngày có hiệu lực (ngay_hieu_luc)").optional(),
      ngay_het_hieu_luc: dayField("ngày hết hiệu lực (ngay_het_hieu_luc)").optional(),
      trich_yeu: text({ key: "trich_yeu", label: "trích yếu (trich_yeu)" }),
      thay_the: numberList("thay thế (thay_the)"),
      sua_doi: numberList("sửa đổi (sua_doi)"),
      bo_sung: numberList("bổ sung (bo_sung)"),
      tep: attachmentField,
      lien_ket: z
        .string({ error: "liên kết (lien_ket) phải là địa chỉ https://…" })
        .trim()
        .refine((value) => {
          try {
            const url = new URL(value);
            return url.protocol === "https:" && settings.linkHosts.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`));
          } catch {
            return false;
          }
        }, `liên kết (lien_ket) phải là địa chỉ https:// trên cơ sở dữ liệu văn bản: ${settings.linkHosts.join(", ")}`)
        .optional(),
    })
    .superRefine((data, ctx) => {
      const day = (dt: DateTime) => dt.toFormat("dd/MM/yyyy");
      if (data.ngay_hieu_luc && data.ngay_hieu_luc < data.ngay_ban_hanh) {
        ctx.addIssue({ code: "custom", path: ["ngay_hieu_luc"], message: `ngày có hiệu lực ${day(data.ngay_hieu_luc)} trước ngày ban hành ${day(data.ngay_ban_hanh)}; kiểm tra lại hai ngày` });
      }
      const effective = data.ngay_hieu_luc ?? data.ngay_ban_hanh;
      if (data.ngay_het_hieu_luc && data.ngay_het_hieu_luc <= effective) {
        ctx.addIssue({ code: "custom", path: ["ngay_het_hieu_luc"], message: `ngày hết hiệu lực ${day(data.ngay_het_hieu_luc)} không sau ngày có hiệu lực ${day(effective)}` });
      }
    });
}

export type DocumentData = z.output<ReturnType<typeof documentSchema>>;
export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
export type PageData = z.output<typeof pageSchema>;
export type ScheduleData = z.output<typeof scheduleSchema>;

/** Field-by-field documentation for the editors' guide and the scaffold. */
export const ARTICLE_FIELDS = [
  { field: "title", required: true, example: '"Hội nghị sơ kết hoạt động KH&CN 6 tháng đầu năm 2020"', help: "Tiêu đề bài viết." },
  { field: "date", required: true, example: '"19/06/2020 08:02"', help: 'Ngày giờ đăng, giờ Việt Nam (viết `"2020-06-19 08:02"` cũng được; năm từ 1990 đến 2100). Giờ trong tương lai: bài lên trang ở lần xuất bản đầu tiên sau giờ đó, muộn nhất 00:05 hôm sau.' },
  { field: "category", required: true, example: "hoat-dong-khcn", help: "Chuyên mục: tên hoặc mã (slug) khai báo trong site.config.ts." },
  { field: "source", required: false, example: '"Trung tâm Ứng dụng và Thống kê KH&CN"', help: "Đơn vị hoặc tác giả, in ở cuối bài." },
  { field: "summary", required: false, example: '"Sở KH&CN tổ chức hội nghị sơ kết…"', help: "Tóm tắt; bỏ trống thì lấy đoạn đầu tiên." },
  { field: "image", required: false, example: "/images/hoi-nghi.jpg", help: "Ảnh đại diện, trong thư mục content/images/." },
  { field: "image_alt", required: false, example: '"Quang cảnh hội nghị"', help: "Mô tả ảnh cho người khiếm thị; bắt buộc khi có ảnh." },
  { field: "image_caption", required: false, example: '"Quang cảnh hội nghị sơ kết."', help: "Chú thích in dưới ảnh đại diện." },
  { field: "image_credit", required: false, example: '"Minh Anh"', help: "Tác giả ảnh, in sau chữ \"Ảnh:\" dưới ảnh." },
  { field: "tags", required: false, example: "[hội nghị, OCOP]", help: "Từ khóa. Mỗi từ khóa dẫn tới trang các bài cùng từ khóa (/tu-khoa/hoi-nghi/), nên viết giống nhau ở mọi bài." },
  { field: "hot", required: false, example: "true", help: "Đưa vào mục Tin nóng." },
  { field: "featured", required: false, example: "true", help: "Đưa vào mục Tin tiêu điểm." },
  { field: "draft", required: false, example: "true", help: "Bản nháp: chỉ hiện khi xem thử, không đăng." },
  { field: "slug", required: false, example: "hoi-nghi-so-ket-2020", help: "Địa chỉ bài viết; giữ nguyên địa chỉ khi sửa tiêu đề." },
  { field: "aliases", required: false, example: "[/tin-tuc/12345.html]", help: "Địa chỉ cũ của bài trên cổng cũ, tự chuyển hướng về bài mới. Chỉ ghi đường dẫn bắt đầu bằng `/`, không khoảng trắng, không phần sau dấu `?`." },
  { field: "van_ban", required: false, example: '["15/2025/QĐ-UBND"]', help: "Số ký hiệu các văn bản bài viết nhắc tới, có trong thư viện văn bản; hiện thành liên kết cuối bài." },
] as const;

/** A document's fields, for the editors' guide and the scaffold. */
export const DOCUMENT_FIELDS = [
  { field: "so_ky_hieu", required: true, example: '"15/2025/QĐ-UBND"', help: "Số ký hiệu, đúng như trên văn bản; là địa chỉ trang văn bản." },
  { field: "loai", required: true, example: "Quyết định", help: "Loại văn bản, trong danh sách của site.config.ts." },
  { field: "linh_vuc", required: true, example: "[Quản lý nhiệm vụ khoa học và công nghệ]", help: "Một hoặc nhiều lĩnh vực, trong danh sách của site.config.ts." },
  { field: "co_quan_ban_hanh", required: true, example: "Ủy ban nhân dân tỉnh", help: "Cơ quan ban hành, tên đầy đủ hoặc viết tắt trong danh sách (UBND tỉnh)." },
  { field: "nguoi_ky", required: false, example: "Trần Quốc Bảo", help: "Người ký." },
  { field: "ngay_ban_hanh", required: true, example: "14/03/2025", help: "Ngày ban hành (ngày/tháng/năm)." },
  { field: "ngay_hieu_luc", required: false, example: "25/03/2025", help: "Ngày có hiệu lực; bỏ trống nếu có hiệu lực từ ngày ký." },
  { field: "ngay_het_hieu_luc", required: false, example: "01/01/2026", help: "Ngày đầu tiên văn bản không còn hiệu lực; văn bản bị thay thế tự hết hiệu lực khi văn bản thay thế có hiệu lực." },
  { field: "trich_yeu", required: true, example: '"Sửa đổi, bổ sung một số điều của Quy định…"', help: "Trích yếu nội dung, như trên văn bản." },
  { field: "thay_the", required: false, example: '["28/2023/QĐ-UBND"]', help: "Số ký hiệu các văn bản mà văn bản này thay thế." },
  { field: "sua_doi", required: false, example: '["28/2023/QĐ-UBND"]', help: "Số ký hiệu các văn bản được văn bản này sửa đổi." },
  { field: "bo_sung", required: false, example: '["28/2023/QĐ-UBND"]', help: "Số ký hiệu các văn bản được văn bản này bổ sung." },
  { field: "tep", required: true, example: "[15-2025-qd-ubnd.pdf]", help: "Tệp đính kèm đặt cùng thư mục (PDF, DOC, DOCX, XLS, XLSX, ODT, ODS; tối đa 20 MB); kèm tên hiển thị: - duong_dan: … / ten: …" },
  { field: "lien_ket", required: false, example: "https://vbpl.vn/…", help: "Liên kết tới văn bản trên Cơ sở dữ liệu quốc gia về văn bản pháp luật." },
] as const;

// Structured data of content/du-lieu/ (YAML read with the failsafe schema: every value arrives as text,
// so "0232 3822 615" and a procedure code "2.000720" keep their leading and trailing zeros).

/** A field of a data file: "họ tên" and key "name" give the label "họ tên (name)". */
const dataKey = (key: string, words: string, example: string): Field => ({ key, label: `${words} (${key})`, example });

const phoneField = (field: Field) =>
  text(field).refine((value) => /^\+?[\d\s.()-]+$/.test(value) && value.replace(/\D/g, "").length >= 8 && value.replace(/\D/g, "").length <= 12, {
    message: `${field.label} viết bằng chữ số, có thể cách nhau bằng dấu cách, ví dụ ${field.key}: 0232 3822 615`,
  });

const emailField = (field: Field) =>
  text(field).refine((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), { message: `${field.label} không đúng dạng ten@ten-mien.gov.vn` });

const photoField = z
  .string({ error: "ảnh (photo) phải là chữ" })
  .trim()
  .regex(/^\/images\/[^\s]+\.(jpe?g|png|webp|svg)$/i, "ảnh (photo) là tệp trong content/images/, viết dạng photo: /images/lanh-dao/ho-ten.jpg")
  .optional();

/** An address on a public-service portal: https and a .gov.vn host only, so no entry can send readers elsewhere. */
const portalUrlField = z
  .string({ error: "liên kết (url) phải là chữ" })
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && (url.hostname === "gov.vn" || url.hostname.endsWith(".gov.vn")) && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "liên kết (url) phải bắt đầu bằng https:// và thuộc tên miền .gov.vn (Cổng Dịch vụ công quốc gia hoặc của tỉnh)")
  .optional();

const PERSON = {
  name: dataKey("name", "họ tên", "Hoàng Bá Nam"),
  position: dataKey("position", "chức vụ", "Giám đốc Sở"),
  positionEn: dataKey("position_en", "chức vụ bằng tiếng Anh", "Director"),
  phone: dataKey("phone", "số điện thoại", "0232 3822 600"),
  email: dataKey("email", "thư điện tử", "giamdoc.skhcn@minhson.gov.vn"),
};

const leaderSchema = z.object({
  name: text(PERSON.name),
  position: text(PERSON.position),
  position_en: text(PERSON.positionEn),
  duties: optionalText(dataKey("duties", "lĩnh vực phụ trách", "Phụ trách chung.")),
  duties_en: optionalText(dataKey("duties_en", "lĩnh vực phụ trách bằng tiếng Anh", "General management.")),
  phone: phoneField(PERSON.phone),
  email: emailField(PERSON.email),
  photo: photoField,
});

const spokespersonSchema = z.object(
  {
    name: text(PERSON.name),
    position: text(PERSON.position),
    position_en: text(PERSON.positionEn),
    phone: phoneField(PERSON.phone),
    email: emailField(PERSON.email),
  },
  { error: (issue) => (issue.input === undefined ? "thiếu người phát ngôn (spokesperson)" : "người phát ngôn (spokesperson) gồm các dòng name, position, position_en, phone, email") },
);

const unitSchema = z.object({
  name: text(dataKey("name", "tên đơn vị", "Văn phòng Sở")),
  name_en: text(dataKey("name_en", "tên đơn vị bằng tiếng Anh", "Office of the Department")),
  head: text(dataKey("head", "họ tên người đứng đầu", "Nguyễn Thị Thu Hà")),
  head_title: text(dataKey("head_title", "chức vụ người đứng đầu", "Chánh Văn phòng")),
  head_title_en: text(dataKey("head_title_en", "chức vụ người đứng đầu bằng tiếng Anh", "Chief of Office")),
  duties: optionalText(dataKey("duties", "nhiệm vụ chính", "Tổng hợp, hành chính.")),
  duties_en: optionalText(dataKey("duties_en", "nhiệm vụ chính bằng tiếng Anh", "General affairs, administration.")),
  address: optionalText(dataKey("address", "địa chỉ", "Số 8 đường Trần Hưng Đạo, phường Minh Khai, tỉnh Minh Sơn")),
  address_en: optionalText(dataKey("address_en", "địa chỉ bằng tiếng Anh", "8 Tran Hung Dao Street, Minh Khai Ward, Minh Son Province")),
  phone: phoneField(PERSON.phone),
  email: emailField(PERSON.email),
});

const listOf = <T extends z.ZodType>(item: T, field: string) =>
  z.array(item, { error: (issue) => (issue.input === undefined ? `thiếu ${field}` : `${field} là một danh sách, mỗi mục bắt đầu bằng dấu -`) });

/** content/du-lieu/to-chuc.yaml: leadership, spokesperson and units, the one place editors update contacts. */
export const organisationSchema = z.object(
  {
    leaders: listOf(leaderSchema, "lãnh đạo Sở (leaders)").min(1, "cần ít nhất một lãnh đạo Sở (leaders)"),
    spokesperson: spokespersonSchema,
    departments: listOf(unitSchema, "văn phòng và các phòng (departments)").optional(),
    sub_departments: listOf(unitSchema, "chi cục (sub_departments)").optional(),
    centres: listOf(unitSchema, "trung tâm (centres)").optional(),
  },
  { error: "tệp phải gồm các mục leaders, spokesperson, departments, sub_departments, centres" },
);

const procedureSchema = z.object({
  name: text(dataKey("name", "tên thủ tục", "Cấp giấy phép bưu chính")),
  code: z.string({ error: "mã thủ tục (code) phải là chữ" }).trim().regex(/^\d\.\d{6}$/, 'mã thủ tục (code) viết dạng "1.004519"').optional(),
  url: portalUrlField,
});

/** content/du-lieu/thu-tuc-hanh-chinh.yaml: the department's administrative procedures, by field. */
export const proceduresSchema = z.object(
  {
    fields: listOf(
      z.object({
        name: text(dataKey("name", "tên lĩnh vực", "Bưu chính")),
        procedures: listOf(procedureSchema, "danh sách thủ tục (procedures)").min(1, "lĩnh vực chưa có thủ tục nào (procedures)"),
      }),
      "danh sách lĩnh vực (fields)",
    ).min(1, "chưa có lĩnh vực nào (fields)"),
  },
  { error: "tệp phải bắt đầu bằng dòng fields:" },
);

export type OrganisationData = z.output<typeof organisationSchema>;
export type Leader = z.output<typeof leaderSchema>;
export type Unit = z.output<typeof unitSchema>;
export type ProceduresData = z.output<typeof proceduresSchema>;
