/** Reads the content folder: articles, static and English pages, work-schedule entries and data files, each validated by its schema. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { formatDate, formatDateTime, isoDateTime, isoDay } from "./dates.ts";
import { DataFileError, parseDataFile, type ParsedDataFile } from "./data-file.ts";
import type { Finding } from "../check/body.ts";
import { parsedFile, readSource, type DerivedSource, type SourceReader } from "./derive.ts";
import { FRONT_MATTER_FIELD, type ParsedFile } from "./front-matter.ts";
import { placePhotos, truncateWords } from "./markdown.ts";
import { removalMessage, type Removal } from "./sanitize.ts";
import { articleSchema, documentSchema, organisationSchema, pageSchema, proceduresSchema, scheduleSchema, type OrganisationData, type ProceduresData, type ScheduleData } from "./schema.ts";
import type { Category, DocumentSettings } from "../site/settings.ts";
import { linkDocuments, readDocument, type DocumentRef, type OfficialDocument } from "./documents.ts";
import { slugify } from "./slug.ts";
import type { ImageLibrary, Picture, ShareImage } from "../site/images.ts";

/** Folders of content/, as editors see them. */
export const FOLDERS = { articles: "bai-viet", pages: "trang", schedule: "lich-cong-tac", images: "images", documents: "van-ban", data: "du-lieu", english: "en" } as const;

/** The structured data files of content/du-lieu/. */
export const DATA_FILES = { organisation: "to-chuc.yaml", procedures: "thu-tuc-hanh-chinh.yaml" } as const;

/** content/en/about.md is the English home page, /en/; every other English page is /en/<slug>/. */
export const ENGLISH_HOME = "about";

/** Field name of problems found in the body, as editors call it. */
export const BODY_FIELD = "nội dung";

export interface Problem {
  /** Path relative to the current directory, as editors type it. */
  file: string;
  line: number;
  field: string;
  message: string;
  severity: "error" | "warning";
}

export interface Article {
  file: string;
  slug: string;
  url: string;
  title: string;
  date: DateTime;
  /** "19/06/2020 08:02" */
  dateText: string;
  /** "19/06/2020" */
  dayText: string;
  /** ISO 8601 with +07:00 */
  iso: string;
  /** "2020-06-19" in Vietnam */
  day: string;
  /** "2020-06" in Vietnam */
  month: string;
  category: Category;
  source?: string;
  summary: string;
  image?: string;
  imageAlt?: string;
  imageCaption?: string;
  imageCredit?: string;
  /** The lead photo, processed: only when the content was loaded with an image library (build, preview). */
  photo?: Picture;
  /** Its 1200×630 social preview. */
  share?: ShareImage;
  tags: string[];
  hot: boolean;
  featured: boolean;
  draft: boolean;
  /** Dated after the build: shown in previews only. */
  scheduled: boolean;
  aliases: string[];
  html: string;
  /** Numbers of the documents it cites (`van_ban`), as written. */
  documentNumbers: string[];
  /** Line of `van_ban`, for problems found once the library is read. */
  documentsLine: number;
  /** The cited documents found in the library (set by linkDocuments). */
  documents: DocumentRef[];
}

export interface Page {
  file: string;
  slug: string;
  url: string;
  title: string;
  summary?: string;
  draft: boolean;
  aliases: string[];
  html: string;
}

export interface ScheduleEntry extends Omit<ScheduleData, "date"> {
  file: string;
  date: DateTime;
  day: string;
}

export type ContentKind = "article" | "page" | "schedule" | "document" | "english";

/** One Markdown file as read: its front matter and body when they could be read (the checker looks further). */
export interface SourceFile {
  file: string;
  kind: ContentKind;
  parsed?: ParsedFile;
  /** Its body's links and images, for the checker. */
  findings?: Finding[];
}

export interface Content {
  articles: Article[];
  pages: Page[];
  schedule: ScheduleEntry[];
  /** The documents library, newest first by ngày ban hành, relations and status resolved. */
  documents: OfficialDocument[];
  /** Pages of content/en/, published under /en/. */
  englishPages: Page[];
  /** content/du-lieu/to-chuc.yaml, when present and valid. */
  organisation?: OrganisationData;
  /** content/du-lieu/thu-tuc-hanh-chinh.yaml, when present and valid. */
  procedures?: ProceduresData;
  problems: Problem[];
  /** Every Markdown file read, valid or not, in folder then name order. */
  files: SourceFile[];
  /** The data files read from content/du-lieu/, as read (the checker looks further). */
  dataFiles: DataSource[];
}

/** One YAML data file as read, when it could be parsed. */
export interface DataSource {
  file: string;
  parsed?: ParsedDataFile;
}

export interface LoadOptions {
  categories: Category[];
  /** Lists of the documents library (loại, lĩnh vực, cơ quan ban hành). */
  documents: DocumentSettings;
  /** The build's clock: later articles count as scheduled, documents' status is computed on its day. */
  now: DateTime;
  /** Previews keep drafts and scheduled articles; production drops them. */
  includeUnpublished: boolean;
  /** Photos as pictures (the build and the preview); without it, bodies keep plain <img> (the checker, search). */
  images?: ImageLibrary;
  /** How each Markdown file is read: afresh by default; the build's reader keeps files between builds (source-cache.ts). */
  sources?: SourceReader;
}

/** Every Markdown file under dir, sorted for stable output. */
export function listMarkdown(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return entries.filter((f) => f.endsWith(".md")).map((f) => path.join(dir, f)).sort();
}

/** What one file gave: its item, or the problems that kept it out. Cached by path, size and mtime. */
interface FileResult<T> {
  stamp: string;
  item?: T;
  problems: Problem[];
  /** The file as read, when its front matter could be read (the checker reuses it). */
  parsed?: ParsedFile;
  findings?: Finding[];
}

/** Lets a long-running preview re-read only the files that changed, and the build read each file once. */
export type ContentCache = Map<string, FileResult<unknown>>;

type Reader<T> = (problems: Problem[]) => { item?: T; parsed?: ParsedFile; findings?: Finding[] } | undefined;

function readCached<T>(file: string, cache: ContentCache | undefined, read: Reader<T>): FileResult<T> {
  let stamp = "";
  if (cache) {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}`;
    const hit = cache.get(file) as FileResult<T> | undefined;
    if (hit?.stamp === stamp) return hit;
  }
  const problems: Problem[] = [];
  const result = { stamp, problems, ...read(problems) };
  cache?.set(file, result);
  return result;
}

/** One article file, validated; its problems go to `problems`. `scheduled` is left for the caller's clock. */
export function readArticle(
  file: string,
  schema: ReturnType<typeof articleSchema>,
  problems: Problem[],
  images?: ImageLibrary,
  source: DerivedSource = readSource(file),
): { item?: Article; parsed?: ParsedFile } {
  const { data, parsed } = readValidated(file, schema, problems, source);
  if (!data || !parsed || !source.front) return { parsed };
  const slug = data.slug ?? slugify(path.basename(file, ".md"));
  const body = source.body;
  reportRemovals(file, body.removals, problems);
  // An image the library cannot use leaves the article without a photo; the checker reports why.
  const imageFile = data.image && images?.fileOf(data.image);
  const article: Article = {
    file,
    slug,
    url: `/tin-tuc/${slug}/`,
    title: data.title,
    date: data.date,
    dateText: formatDateTime(data.date),
    dayText: formatDate(data.date),
    iso: isoDateTime(data.date),
    day: isoDay(data.date),
    month: isoDay(data.date).slice(0, 7),
    category: data.category,
    source: data.source,
    summary: data.summary ?? truncateWords(body.firstParagraph, 240),
    image: data.image,
    imageAlt: data.image_alt,
    imageCaption: data.image_caption,
    imageCredit: data.image_credit,
    photo: data.image && data.image_alt ? images?.picture(data.image, data.image_alt) : undefined,
    share: imageFile && data.image_alt ? images?.share(imageFile, data.image_alt) : undefined,
    tags: data.tags ?? [],
    hot: data.hot ?? false,
    featured: data.featured ?? false,
    draft: data.draft ?? false,
    scheduled: false,
    aliases: data.aliases ?? [],
    html: placePhotos(body, images),
    documentNumbers: data.van_ban ?? [],
    documentsLine: parsed.lineOf("van_ban"),
    documents: [],
  };
  return { item: article, parsed };
}

/** Whether a build with this clock publishes an item: drafts and future articles only in previews. */
export function isPublished(item: { draft: boolean; date?: DateTime }, now: DateTime, includeUnpublished: boolean): boolean {
  return includeUnpublished || (!item.draft && !(item.date && item.date > now));
}

export function loadContent(dir: string, options: LoadOptions & { cache?: ContentCache }): Content {
  const { cache } = options;
  const derive = options.sources ?? readSource;
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const schema = articleSchema(options.categories);
  const collect = <T>(folder: string, kind: ContentKind, read: (file: string, problems: Problem[], source: DerivedSource) => { item?: T; parsed?: ParsedFile } | undefined): T[] => {
    const items: T[] = [];
    for (const file of listMarkdown(path.join(dir, folder))) {
      const result = readCached(file, cache, (found) => {
        const source = derive(file);
        return { ...read(file, found, source), findings: source.front ? source.findings : undefined };
      });
      files.push({ file, kind, parsed: result.parsed, findings: result.findings });
      problems.push(...result.problems);
      if (result.item) items.push(result.item);
    }
    return items;
  };

  const articles = collect(FOLDERS.articles, "article", (file, found, source) => readArticle(file, schema, found, options.images, source));
  // The clock moves between loads of a cached article: "scheduled" is never cached.
  for (const article of articles) article.scheduled = article.date > options.now;

  const readPage = (file: string, found: Problem[], source: DerivedSource, urlOf: (slug: string) => string) => {
    const read = readValidated(file, pageSchema, found, source);
    if (!read.data || !read.parsed || !source.front) return { parsed: read.parsed };
    const slug = read.data.slug ?? slugify(path.basename(file, ".md"));
    const body = source.body;
    reportRemovals(file, body.removals, found);
    const page: Page = {
      file,
      slug,
      url: urlOf(slug),
      title: read.data.title,
      summary: read.data.summary,
      draft: read.data.draft ?? false,
      aliases: read.data.aliases ?? [],
      html: placePhotos(body, options.images),
    };
    return { item: page, parsed: read.parsed };
  };
  const pages = collect(FOLDERS.pages, "page", (file, found, source) => readPage(file, found, source, (slug) => `/${slug}/`));
  const englishPages = collect(FOLDERS.english, "english", (file, found, source) => readPage(file, found, source, englishUrl));

  const schedule = collect<ScheduleEntry>(FOLDERS.schedule, "schedule", (file, found, source) => {
    const read = readValidated(file, scheduleSchema, found, source);
    return read.data ? { item: { ...read.data, file, day: isoDay(read.data.date) }, parsed: read.parsed } : { parsed: read.parsed };
  });

  const documentRules = documentSchema(options.documents);
  const documents = collect(FOLDERS.documents, "document", (file, found, source) => readDocument(file, documentRules, found, options.documents.types, source));
  // Relations, status and citations span files: never cached, recomputed on every load with this clock.
  linkDocuments(documents, articles, options.now, problems);

  const dataFiles: DataSource[] = [];
  const readData = <S extends z.ZodType>(name: string, schema: S): z.output<S> | undefined => {
    const file = path.join(dir, FOLDERS.data, name);
    if (!existsSync(file)) return undefined;
    const result = readCached(file, cache, (found) => ({ item: readDataFile(file, schema, found) }));
    problems.push(...result.problems);
    dataFiles.push({ file, parsed: result.item?.parsed });
    return result.item?.data;
  };
  const organisation = readData(DATA_FILES.organisation, organisationSchema);
  const procedures = readData(DATA_FILES.procedures, proceduresSchema);

  checkDuplicateUrls([...articles, ...pages, ...englishPages], problems);
  const published = (item: { draft: boolean; date?: DateTime }) => isPublished(item, options.now, options.includeUnpublished);
  return {
    // Newest first; ties keep file order so builds are reproducible.
    articles: articles.filter(published).sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.file.localeCompare(b.file)),
    pages: pages.filter(published),
    englishPages: englishPages.filter(published),
    organisation,
    procedures,
    dataFiles,
    schedule: schedule.sort(
      (a, b) => a.day.localeCompare(b.day) || (a.session === b.session ? 0 : a.session === "sáng" ? -1 : 1) || (a.time ?? "").localeCompare(b.time ?? ""),
    ),
    documents: documents.sort((a, b) => b.issued.toMillis() - a.issued.toMillis() || a.number.localeCompare(b.number, "vi")),
    problems,
    files,
  };
}

/** What a production build publishes of content loaded with its unpublished items: no drafts, nothing scheduled. */
export function publishedOnly(content: Content, now: DateTime): Content {
  const published = (item: { draft: boolean; date?: DateTime }) => isPublished(item, now, false);
  return { ...content, articles: content.articles.filter(published), pages: content.pages.filter(published), englishPages: content.englishPages.filter(published) };
}

/** Address of an English page: /en/ for about.md, /en/<slug>/ for the others. */
export function englishUrl(slug: string): string {
  return slug === ENGLISH_HOME ? "/en/" : `/en/${slug}/`;
}

/** Field column of a problem in a data file as a whole (text that cannot be read). */
export const DATA_FILE_FIELD = "tệp dữ liệu";

/** One YAML data file, validated; problems name the entry ("departments[2].phone", counted from 1) and its line. */
export function readDataFile<S extends z.ZodType>(file: string, schema: S, problems: Problem[]): { data?: z.output<S>; parsed?: ParsedDataFile } {
  let parsed: ParsedDataFile;
  try {
    parsed = parseDataFile(readFileSync(file, "utf8"));
  } catch (error) {
    const line = error instanceof DataFileError ? error.line : 1;
    const message = error instanceof DataFileError ? error.message : "không đọc được tệp này; lưu lại tệp dưới dạng chữ (bảng mã UTF-8) rồi kiểm tra lại";
    problems.push({ file, line, field: DATA_FILE_FIELD, message, severity: "error" });
    return {};
  }
  const result = schema.safeParse(parsed.data ?? {});
  if (result.success) return { data: result.data, parsed };
  for (const issue of result.error.issues) {
    problems.push({ file, line: parsed.lineOf(issue.path), field: dataField(issue.path) || DATA_FILE_FIELD, message: issue.message, severity: "error" });
  }
  return { parsed };
}

/** ["departments", 1, "phone"] → "departments[2].phone": editors count list entries from 1. */
export function dataField(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === "number" ? `[${key + 1}]` : `.${String(key)}`)).join("").replace(/^\./, "");
}

/** Validates one file as read, recording its problems; `data` is missing when the file cannot be used. */
export function readValidated<S extends z.ZodType>(file: string, schema: S, problems: Problem[], source: DerivedSource = readSource(file)): { data?: z.output<S>; parsed?: ParsedFile } {
  if (!source.front) {
    // Anything but our own message (a file that vanished mid-build, a parser's own failure) gets plain words too.
    const message = source.error.message ?? "không đọc được tệp này; lưu lại tệp dưới dạng chữ (đuôi .md, bảng mã UTF-8) rồi kiểm tra lại";
    problems.push({ file, line: source.error.line, field: FRONT_MATTER_FIELD, message, severity: "error" });
    return {};
  }
  const parsed = parsedFile(source.front);
  const result = schema.safeParse(parsed.data);
  if (result.success) return { data: result.data, parsed };
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? FRONT_MATTER_FIELD);
    problems.push({ file, line: parsed.lineOf(field), field, message: issue.message, severity: "error" });
  }
  return { parsed };
}

/** What the sanitizer took out of a body: each error on its line, each kind of warning once with a count. */
function reportRemovals(file: string, removals: Removal[], problems: Problem[]): void {
  const warnings = new Map<string, { removal: Removal; count: number }>();
  for (const removal of removals) {
    if (removal.severity === "error") {
      problems.push({ file, line: removal.line, field: BODY_FIELD, message: removalMessage(removal), severity: "error" });
      continue;
    }
    const key = `${removal.kind}:${"tag" in removal ? removal.tag : ""}:${"attribute" in removal ? removal.attribute : ""}`;
    const seen = warnings.get(key);
    if (seen) seen.count++;
    else warnings.set(key, { removal, count: 1 });
  }
  for (const { removal, count } of warnings.values()) {
    const more = count > 1 ? ` (cùng ${count - 1} chỗ khác trong bài)` : "";
    problems.push({ file, line: removal.line, field: BODY_FIELD, message: removalMessage(removal) + more, severity: "warning" });
  }
}

/** Files that publish at one address: each hears about it once, naming another. */
function checkDuplicateUrls(items: (Article | Page)[], problems: Problem[]): void {
  const groups = new Map<string, (Article | Page)[]>();
  for (const item of items) groups.set(item.url, [...(groups.get(item.url) ?? []), item]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const item of group) {
      const other = group.find((o) => o !== item)!;
      problems.push({ file: item.file, line: 1, field: "slug", message: duplicateAddressMessage(item, other), severity: "error" });
    }
  }
}

/** Two files, one address: which file to rename (the newer article; a published one keeps its links) and to what. */
export function duplicateAddressMessage(item: { file: string; url: string; date?: DateTime }, other: { file: string; url: string; date?: DateTime }): string {
  const renamed = item.date && other.date && other.date > item.date ? other : item;
  const base = path.basename(renamed.file, ".md");
  const year = path.basename(path.dirname(renamed.file));
  const suggestion = /^\d{4}$/.test(year) && !base.endsWith(`-${year}`) ? `${base}-${year}` : `${base}-2`;
  const which = renamed === item ? "tệp này" : `tệp ${renamed.file}`;
  return (
    `địa chỉ ${item.url} trùng với bài ${other.file}; hai bài không thể cùng một địa chỉ. ` +
    `Đổi tên ${which} thành ${suggestion}.md, hoặc thêm dòng slug: ${suggestion} vào phần đầu bài của ${which} (bài đã đăng thì giữ nguyên để liên kết cũ không hỏng)`
  );
}

/** "path:line: field: message", the one format of every problem. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}
