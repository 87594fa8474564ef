/** `npm run check`: the schema's verdict on every file plus what a schema cannot see across files and in bodies. */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { site as configuredSite } from "../../../site.config.ts";
import { BODY_FIELD, DATA_FILES, dataField, englishUrl, FOLDERS, loadContent, publishedOnly, type Content, type ContentCache, type ContentKind, type Problem } from "../content/load.ts";
import type { SourceReader } from "../content/derive.ts";
import type { ParsedFile } from "../content/front-matter.ts";
import { buildClock, latestGoLiveText } from "../site/clock.ts";
import { inspectImage, LEAD_MIN_WIDTH, SUPPORTED_EXTENSIONS } from "../site/images.ts";
import { articleSchema, documentSchema, organisationSchema, pageSchema, proceduresSchema, scheduleSchema } from "../content/schema.ts";
import { identityProblems, SETTINGS_FILE, settingLine } from "../site/identity.ts";
import type { SiteSettings } from "../site/settings.ts";
import { slugify } from "../content/slug.ts";
import { scanBody, type Finding } from "./body.ts";
import { distance as editDistance } from "fastest-levenshtein";
import { suggestKey, unknownDataKeys } from "./keys.ts";
import { fixedUrls, internalPath, RESERVED_PREFIXES, siteUrls } from "./site-urls.ts";

/** Titles longer than this read badly on phones and get cut in search results. */
export const TITLE_MAX = 120;

/** Bodies larger than this (bytes of Markdown) make a page slow to open on a phone over a slow network. */
export const BODY_MAX_BYTES = 1_000_000;

export { BODY_FIELD };

export interface CheckOptions {
  /** The content folder (content/ by default in the CLI). */
  content: string;
  /** Report only on these files or folders; duplicates are still looked for across the whole content. */
  paths?: string[];
  site?: SiteSettings;
  /** The build's clock: later articles are scheduled. */
  now?: DateTime;
  /** Files read here stay read for whoever loads the content next (the build hands it to Eleventy). */
  cache?: ContentCache;
  /** How each file is read: afresh by default, or through the source cache kept between runs. */
  sources?: SourceReader;
}

export interface CheckReport {
  problems: Problem[];
  /** Markdown files checked. */
  files: number;
  errors: number;
  warnings: number;
}

type Kind = ContentKind;

interface FileInfo {
  file: string;
  kind: Kind;
  parsed: ParsedFile;
  /** Its body's links and images, as the loader found them. */
  findings?: Finding[];
  /** Address the file publishes at, or would once valid. */
  url?: string;
}

/** Reads the content folder (drafts and scheduled articles included) and checks it: what `npm run check` does. */
export function checkContent(options: CheckOptions): CheckReport {
  const site = options.site ?? configuredSite;
  const now = options.now ?? buildClock();
  const loaded = loadContent(options.content, { categories: site.categories, documents: site.documents, now, includeUnpublished: true, cache: options.cache, sources: options.sources });
  return checkLoaded(loaded, { ...options, site, now });
}

/** Checks content as the loader read it, its problems included: the checker never reads a file itself. */
export function checkLoaded(loaded: Content, options: CheckOptions & { site: SiteSettings; now: DateTime }): CheckReport {
  const { site, now } = options;
  const dir = options.content;
  const problems: Problem[] = [];
  const add = (file: string, line: number, field: string, message: string, severity: Problem["severity"] = "error") =>
    problems.push({ file, line, field, message, severity });

  // A file whose front matter could not be read is the loader's problem already, with its line.
  const files: FileInfo[] = loaded.files.flatMap(({ file, kind, parsed, findings }) => (parsed ? [{ file, kind, parsed, findings }] : []));
  const byFile = new Map(files.map((f) => [f.file, f]));
  // The loader points at line 1 when it cannot tell better; the key itself is more useful when it exists.
  for (const problem of loaded.problems) {
    const parsed = byFile.get(problem.file)?.parsed;
    const key = problem.field === "image_alt" && parsed && !("image_alt" in parsed.data) ? "image" : problem.field;
    const line = problem.line === 1 && parsed && key in parsed.data ? parsed.lineOf(key) : problem.line;
    problems.push({ ...problem, line });
  }

  // The department's settings: an unfinished identity stops the build like a content error.
  for (const { setting, message } of identityProblems(site)) add(SETTINGS_FILE, settingLine(setting), setting, message);

  const urls = siteUrls(publishedOnly(loaded, now), site, now);
  const allPages = [...loaded.pages, ...loaded.englishPages];
  const unpublished = new Set([...loaded.articles, ...allPages].filter((item) => item.draft || ("scheduled" in item && item.scheduled)).map((i) => i.url));
  const valid = new Map<string, { url: string; aliases: string[] }>([...loaded.articles, ...allPages].map((item) => [item.file, item]));
  for (const info of files) info.url = valid.get(info.file)?.url ?? fallbackUrl(info);
  // A broken file's own errors are reported; links to it must not add noise.
  const pending = new Set(files.filter((f) => !valid.has(f.file) && f.url).map((f) => f.url!));

  checkPageAddresses(files, site, add);
  const aliases = checkAliases([...loaded.articles, ...allPages], urls, byFile, add);

  const pathProblems: Problem[] = [];
  const scope = resolveScope(dir, options.paths ?? [], (file, line, field, message) => pathProblems.push({ file, line, field, message, severity: "error" }));
  const inScope = (file: string) => scope.length === 0 || scope.some((p) => isInside(p, file));
  const checked = files.filter((f) => inScope(f.file));
  const fileCount = [...loaded.files, ...loaded.dataFiles].filter((f) => inScope(f.file)).length;
  const scheduledByFile = new Map(loaded.articles.filter((a) => a.scheduled).map((a) => [a.file, a]));
  const context: BodyContext = { dir, site, urls, unpublished, pending, aliases, add };

  for (const info of checked) {
    const { file, parsed, kind } = info;
    checkKeys(info, site, add);
    const title = parsed.data.title;
    if (kind !== "schedule" && typeof title === "string" && [...title.trim()].length > TITLE_MAX) {
      add(file, parsed.lineOf("title"), "title", `tiêu đề dài ${[...title.trim()].length} ký tự; nên viết gọn dưới ${TITLE_MAX} ký tự cho dễ đọc trên điện thoại và trong kết quả tìm kiếm`, "warning");
    }
    const scheduled = scheduledByFile.get(file);
    if (scheduled) {
      add(file, parsed.lineOf("date"), "date", `hẹn giờ đăng: bài lên trang ở lần xuất bản đầu tiên sau ${scheduled.dateText}, muộn nhất lúc ${latestGoLiveText(scheduled.date)} (lần xuất bản tự động hằng ngày); muốn bài lên ngay đầu ngày thì đặt giờ 00:00`, "warning");
    }
    if (kind !== "schedule" && kind !== "document" && parsed.body.replace(/<!--[\s\S]*?-->/g, "").trim() === "") {
      add(file, parsed.bodyLine, BODY_FIELD, "bài chưa có nội dung: viết nội dung bên dưới dòng --- thứ hai", "error");
    }
    const bodyBytes = Buffer.byteLength(parsed.body);
    if (kind !== "schedule" && bodyBytes > BODY_MAX_BYTES) {
      add(file, parsed.bodyLine, BODY_FIELD, `nội dung bài nặng ${(bodyBytes / 1_000_000).toFixed(1).replace(".", ",")} MB, quá 1 MB: trang sẽ mở rất chậm trên điện thoại; vui lòng chia thành nhiều bài hoặc đưa tài liệu dài vào tệp đính kèm`, "warning");
    }
    const pageUrl = info.url ?? "/";
    if (kind === "article" && typeof parsed.data.image === "string") {
      const message = imageProblem(parsed.data.image, pageUrl, context);
      if (message) add(file, parsed.lineOf("image"), "image", message);
      else photoProblems(parsed.data.image, pageUrl, context, (text, severity) => add(file, parsed.lineOf("image"), "image", text, severity));
    }
    for (const finding of info.findings ?? scanBody(parsed.body, parsed.bodyLine)) checkFinding(finding, file, pageUrl, context);
  }
  for (const source of loaded.dataFiles) if (inScope(source.file)) checkDataFile(source, context);
  checkStrayFiles(dir, inScope, add, new Set(loaded.documents.flatMap((d) => d.attachments.map((a) => path.resolve(a.source)))));

  const reported = [...pathProblems, ...problems.filter((p) => inScope(p.file))]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
  const errors = reported.filter((p) => p.severity === "error").length;
  return { problems: reported, files: fileCount, errors, warnings: reported.length - errors };
}

/** One problem a line, then the summary line. */
export function formatReport(report: CheckReport): string {
  const lines = report.problems.map(formatLine);
  const counts = `${report.errors} lỗi, ${report.warnings} cảnh báo`;
  const verdict =
    report.errors > 0
      ? "Chưa thể xuất bản: sửa các lỗi trên rồi kiểm tra lại (hướng dẫn: docs/huong-dan-bien-tap.md)."
      : report.warnings > 0
        ? "Có thể xuất bản; nên xem lại các cảnh báo."
        : "Mọi thứ đều ổn, có thể xuất bản.";
  lines.push(`Đã kiểm tra ${report.files} tệp: ${counts}. ${verdict}`);
  return lines.join("\n");
}

/** "path:line: field: message", warnings marked as such. */
export function formatLine(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.severity === "warning" ? "cảnh báo: " : ""}${problem.message}`;
}

export class ContentCheckError extends Error {
  constructor(readonly report: CheckReport) {
    super(formatReport(report));
    this.name = "ContentCheckError";
  }
}

/** The build's gate: throws the full report when the content has errors, so nothing is published. */
export function assertPublishable(loaded: Content, options: CheckOptions & { site: SiteSettings; now: DateTime }): CheckReport {
  const report = checkLoaded(loaded, options);
  if (report.errors > 0) throw new ContentCheckError(report);
  return report;
}

type Add = (file: string, line: number, field: string, message: string, severity?: Problem["severity"]) => void;

interface BodyContext {
  dir: string;
  site: SiteSettings;
  urls: Set<string>;
  unpublished: Set<string>;
  pending: Set<string>;
  aliases: Set<string>;
  add: Add;
}

const FOLDER_KINDS: [string, Kind][] = [
  [FOLDERS.articles, "article"],
  [FOLDERS.pages, "page"],
  [FOLDERS.schedule, "schedule"],
  [FOLDERS.documents, "document"],
  [FOLDERS.english, "english"],
];

const DATA_SCHEMAS = new Map<string, typeof organisationSchema | typeof proceduresSchema>([
  [DATA_FILES.organisation, organisationSchema],
  [DATA_FILES.procedures, proceduresSchema],
]);

/** What the schema lets through of a data file: keys it does not know, and photos that are not there. */
function checkDataFile({ file, parsed }: Content["dataFiles"][number], context: BodyContext): void {
  const schema = DATA_SCHEMAS.get(path.basename(file));
  if (!parsed || !schema) return;
  for (const { path: at, key, known } of unknownDataKeys(schema, parsed.data)) {
    const suggestion = suggestKey(key, known);
    const hint = suggestion ? `; có phải "${suggestion}"?` : `; các khóa dùng được ở đây: ${known.join(", ")}`;
    context.add(file, parsed.lineOf([...at, key]), dataField([...at, key]), `khóa "${key}" không có trong mẫu nên bị bỏ qua${hint}`, "warning");
  }
  const leaders = (parsed.data as { leaders?: unknown } | null)?.leaders;
  if (!Array.isArray(leaders)) return;
  leaders.forEach((leader: unknown, i) => {
    const photo = (leader as { photo?: unknown } | null)?.photo;
    if (typeof photo !== "string" || !photo.trim().startsWith("/images/")) return;
    const message = imageProblem(photo, "/gioi-thieu/lanh-dao/", context);
    if (message) context.add(file, parsed.lineOf(["leaders", i, "photo"]), dataField(["leaders", i, "photo"]), message);
  });
}

/** Every Markdown file whose front matter can be read (the loader reports the others). */
function fallbackUrl({ file, kind, parsed }: FileInfo): string | undefined {
  if (kind === "schedule" || kind === "document") return undefined;
  const raw = parsed.data.slug;
  const slug = typeof raw === "string" && raw.trim() ? raw.trim() : slugify(path.basename(file, ".md"));
  return kind === "article" ? `/tin-tuc/${slug}/` : kind === "english" ? englishUrl(slug) : `/${slug}/`;
}

/** Keys of each kind's schema, built once per settings: building a schema per file was a third of the check. */
const keysBySite = new WeakMap<SiteSettings, Map<Kind, string[]>>();

function knownKeys(kind: Kind, site: SiteSettings): string[] {
  const known = keysBySite.get(site) ?? keysBySite.set(site, new Map()).get(site)!;
  let keys = known.get(kind);
  if (!keys) {
    const shape =
      kind === "document" ? documentSchema(site.documents).shape : kind === "article" ? articleSchema(site.categories).shape : kind === "page" || kind === "english" ? pageSchema.shape : scheduleSchema.shape;
    known.set(kind, (keys = Object.keys(shape)));
  }
  return keys;
}

function checkKeys({ file, kind, parsed }: FileInfo, site: SiteSettings, add: Add): void {
  const known = knownKeys(kind, site);
  for (const key of Object.keys(parsed.data)) {
    if (known.includes(key)) continue;
    const suggestion = suggestKey(key, known);
    const hint = suggestion ? `; có phải "${suggestion}"?` : `; các khóa dùng được: ${known.join(", ")}`;
    add(file, parsed.lineOf(key), key, `khóa "${key}" không có trong mẫu nên bị bỏ qua${hint}`, "warning");
  }
}

/** A static page may not take an address the site already uses for a category or a system page. */
function checkPageAddresses(files: FileInfo[], site: SiteSettings, add: Add): void {
  const taken = new Map<string, string>();
  for (const url of fixedUrls()) taken.set(firstSegment(url), "trang hệ thống");
  for (const prefix of RESERVED_PREFIXES) taken.set(firstSegment(prefix), "thư mục hệ thống");
  for (const category of site.categories) taken.set(category.slug, `chuyên mục ${category.name}`);
  for (const info of files) {
    if (info.kind !== "page" || !info.url) continue;
    const owner = taken.get(firstSegment(info.url));
    if (owner) {
      const line = "slug" in info.parsed.data ? info.parsed.lineOf("slug") : 1;
      add(info.file, line, "slug", `địa chỉ ${info.url} đã dùng cho ${owner}; đổi tên tệp hoặc thêm dòng slug với địa chỉ khác cho trang này, ví dụ slug: trang-${firstSegment(info.url)}`);
    }
  }
}

const firstSegment = (url: string) => url.split("/").filter(Boolean)[0] ?? "";

/**
 * Old addresses must be unique, must not shadow a page that exists nor a folder of the machinery (a redirect there
 * would never run, or would hide files). The schema has already refused anything but plain paths. Returns every alias.
 */
function checkAliases(items: { file: string; url: string; aliases: string[] }[], urls: Set<string>, byFile: Map<string, FileInfo>, add: Add): Set<string> {
  const seen = new Map<string, string>();
  for (const item of items) {
    const line = byFile.get(item.file)?.parsed.lineOf("aliases") ?? 1;
    for (const alias of item.aliases) {
      const first = seen.get(alias);
      if (first === item.file) add(item.file, line, "aliases", `địa chỉ cũ ${alias} được ghi hai lần; vui lòng xóa bớt một lần`);
      else if (first) add(item.file, line, "aliases", `địa chỉ cũ ${alias} đã được bài ${first} dùng; mỗi địa chỉ cũ chỉ chuyển về một bài`);
      else seen.set(alias, item.file);
      // Articles' own folder takes old addresses (/tin-tuc/123.html); the machinery's folders do not.
      const folder = RESERVED_PREFIXES.filter((prefix) => prefix !== "/tin-tuc/").find((prefix) => alias.startsWith(prefix) || `${alias}/` === prefix);
      if (urls.has(alias) || urls.has(`${alias.replace(/\/$/, "")}/`)) {
        add(item.file, line, "aliases", `địa chỉ cũ ${alias} trùng với một trang đang có nên không chuyển hướng được; xóa khỏi aliases`);
      } else if (folder) {
        add(item.file, line, "aliases", `địa chỉ cũ ${alias} nằm trong thư mục hệ thống ${folder} của website mới; xóa khỏi aliases`);
      }
    }
  }
  return new Set(seen.keys());
}

function checkFinding(finding: Finding, file: string, pageUrl: string, context: BodyContext): void {
  const { add } = context;
  switch (finding.kind) {
    case "script-url":
      add(file, finding.line, BODY_FIELD, `địa chỉ "${finding.url.slice(0, 40)}" của ${finding.tag === "img" ? "ảnh" : "liên kết"} là lệnh chạy trên trang, không được phép; dùng địa chỉ bắt đầu bằng https:// hoặc /`);
      break;
    case "image": {
      if (!finding.alt?.trim()) add(file, finding.line, BODY_FIELD, `ảnh ${finding.url} thiếu mô tả cho người khiếm thị: viết ![mô tả ảnh](${finding.url})`);
      const message = imageProblem(finding.url, pageUrl, context);
      if (message) add(file, finding.line, BODY_FIELD, message);
      else photoProblems(finding.url, pageUrl, context, (text, severity) => add(file, finding.line, BODY_FIELD, text, severity), finding.html);
      break;
    }
    case "link":
      checkLink(finding.url, finding.line, file, pageUrl, context);
      break;
  }
}

function checkLink(href: string, line: number, file: string, pageUrl: string, context: BodyContext): void {
  const target = internalPath(href, pageUrl, context.site.url);
  if (target === undefined) return;
  if (target.startsWith("/images/")) {
    const message = imageProblem(target, pageUrl, context);
    // A linked file may be a PDF: the image's message speaks of a file.
    if (message) context.add(file, line, BODY_FIELD, message.replace("ảnh", "tệp"));
    return;
  }
  if (context.urls.has(target) || context.aliases.has(target) || context.aliases.has(target.replace(/\/$/, "")) || context.pending.has(target)) return;
  if (context.unpublished.has(target)) {
    context.add(file, line, BODY_FIELD, `liên kết tới ${target}, một bài chưa đăng (bản nháp hoặc hẹn giờ): người đọc sẽ gặp trang "không tìm thấy" cho tới khi bài đó được đăng`, "warning");
    return;
  }
  const suggestion = closest(target, context.urls);
  context.add(file, line, BODY_FIELD, `liên kết tới trang không có trên website: ${target}` + (suggestion ? `; có phải ${suggestion}?` : "; kiểm tra lại địa chỉ"));
}

/** What is wrong with an image address, if anything: it must be a file under content/images/. */
function imageProblem(url: string, pageUrl: string, context: BodyContext): string | undefined {
  const value = url.trim();
  if (value.startsWith("data:image/")) return undefined;
  const target = internalPath(value, pageUrl, context.site.url);
  if (target === undefined) {
    return `ảnh ${value} ở website khác: trang chỉ hiển thị ảnh của mình (chính sách bảo mật); tải ảnh về, đặt vào content/images/ rồi viết /images/ten-anh.jpg`;
  }
  if (!target.startsWith("/images/")) {
    const name = path.posix.basename(target);
    const hint = existsSync(path.join(context.dir, FOLDERS.images, name)) ? `; viết /images/${name}` : "";
    return `ảnh ${value} phải nằm trong thư mục content/images/ và viết dạng /images/ten-anh.jpg${hint}`;
  }
  const relative = target.slice("/images/".length);
  // "/images/..%2F..%2Fpackage.json" decodes to a path out of the folder: never an image of the site.
  if (relative.split("/").some((segment) => segment === "." || segment === ".." || segment.includes("\\")) || relative.includes("\0")) {
    return `địa chỉ ảnh ${value} ra ngoài thư mục content/images/; viết dạng /images/ten-anh.jpg`;
  }
  const file = path.join(context.dir, FOLDERS.images, ...relative.split("/"));
  if (existsSync(file) && statSync(file).isFile()) return undefined;
  const near = nearImage(context.dir, relative);
  return `không tìm thấy ảnh ${target}: tải tệp lên content/images/${relative}` + (near ? `; có phải /images/${near}? (tên tệp phân biệt chữ hoa, chữ thường)` : "");
}

/**
 * What the build would make of an existing image file: it must be a JPEG, PNG or WebP photo it can read (by its
 * content, not its name), and wide enough for the lead and the social preview.
 */
function photoProblems(url: string, pageUrl: string, context: BodyContext, report: (message: string, severity: Problem["severity"]) => void, html = false): void {
  const target = internalPath(url.trim(), pageUrl, context.site.url);
  if (!target?.startsWith("/images/")) return;
  const relative = target.slice("/images/".length);
  const file = path.join(context.dir, FOLDERS.images, ...relative.split("/"));
  const shown = file.split(path.sep).join("/");
  const found = inspectImage(file);
  if (!found.ok) {
    if (found.reason === "unsupported") {
      const kind = found.format ? `định dạng ${found.format.toUpperCase()}` : "định dạng không nhận ra";
      report(`ảnh ${shown} có ${kind}, trang chỉ đăng ảnh JPEG, PNG hoặc WebP; mở ảnh bằng máy tính, lưu lại dạng JPEG (.jpg) rồi tải lên lại`, "error");
    } else if (found.reason === "unreadable") {
      report(`ảnh ${shown} không đọc được (tệp hỏng hoặc không phải ảnh); mở thử trên máy tính, lưu lại dạng JPEG rồi tải lên lại`, "error");
    }
    return;
  }
  if (html && SUPPORTED_EXTENSIONS.test(relative)) {
    report(`ảnh ${shown} chèn bằng mã HTML <img> không được đăng (ảnh gốc không lên trang, chỉ các cỡ đã thu nhỏ); viết bằng Markdown: ![mô tả ảnh](${target})`, "error");
    return;
  }
  if (found.image.width < LEAD_MIN_WIDTH) {
    report(`ảnh ${shown} chỉ rộng ${found.image.width} điểm ảnh, nhỏ hơn ${LEAD_MIN_WIDTH}: ảnh sẽ mờ trên màn hình lớn và khi chia sẻ lên mạng xã hội; nên dùng ảnh gốc chụp từ máy ảnh hoặc điện thoại`, "warning");
  }
}

/** An existing image whose name differs only by case or a few letters. */
function nearImage(dir: string, relative: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(path.join(dir, FOLDERS.images), { recursive: true, encoding: "utf8" }).map((n) => n.split(path.sep).join("/"));
  } catch {
    return undefined;
  }
  const wanted = relative.toLowerCase();
  return names.find((n) => n.toLowerCase() === wanted) ?? names.find((n) => editDistance(n.toLowerCase(), wanted) <= 2);
}

function closest(target: string, urls: Set<string>): string | undefined {
  let best: { url: string; distance: number } | undefined;
  for (const url of urls) {
    if (Math.abs(url.length - target.length) > 6) continue;
    const distance = editDistance(url, target);
    if (!best || distance < best.distance) best = { url, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(target.length / 5)) ? best.url : undefined;
}

/** Paths given on the command line, checked to exist and to lie in the content folder. */
function resolveScope(dir: string, paths: string[], add: Add): string[] {
  const root = path.resolve(dir);
  const scope: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    if (!existsSync(absolute)) add(given, 1, "tệp", "không tìm thấy tệp hoặc thư mục này");
    else if (!isInside(root, absolute)) add(given, 1, "tệp", `không nằm trong thư mục nội dung ${dir}/ nên không được kiểm tra (chọn thư mục khác bằng --content)`);
    scope.push(absolute);
  }
  return scope;
}

function isInside(parent: string, file: string): boolean {
  const relative = path.relative(parent, path.resolve(file));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Files an editor put in a content folder that the build ignores (a .docx, a .markdown…). */
function checkStrayFiles(dir: string, inScope: (file: string) => boolean, add: Add, attachments: Set<string>): void {
  const known: string[] = Object.values(DATA_FILES);
  let data: string[] = [];
  try {
    data = readdirSync(path.join(dir, FOLDERS.data));
  } catch {
    // No data folder: its pages are simply not published.
  }
  for (const name of data) {
    const file = path.join(dir, FOLDERS.data, name);
    if (known.includes(name) || name.startsWith(".") || !inScope(file)) continue;
    add(file, 1, "tệp", `tệp không được dùng; thư mục ${FOLDERS.data}/ chỉ đọc các tệp ${known.map((k) => `"${k}"`).join(" và ")}`, "warning");
  }
  for (const [folder] of FOLDER_KINDS) {
    let entries: string[];
    try {
      entries = readdirSync(path.join(dir, folder), { recursive: true, encoding: "utf8" });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = path.join(dir, folder, entry);
      if (entry.endsWith(".md") || path.basename(entry).startsWith(".") || !statSync(file).isFile() || !inScope(file)) continue;
      if (folder === FOLDERS.documents) {
        if (!attachments.has(path.resolve(file))) add(file, 1, "tệp", "tệp không được văn bản nào khai báo trong mục tep nên không được đăng; thêm tên tệp vào mục tep của văn bản, hoặc xóa tệp", "warning");
        continue;
      }
      add(file, 1, "tệp", `tệp không phải .md nên không được đăng; bài viết phải là tệp .md (ảnh đặt trong ${path.join(dir, FOLDERS.images)}/)`, "warning");
    }
  }
}
