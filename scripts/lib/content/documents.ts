/**
 * The documents library (văn bản): one Markdown file per document in content/van-ban/, its attachments beside it.
 * Read and validated here; relations, status and citations are resolved across the whole library.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { distance as editDistance } from "fastest-levenshtein";
import type { DateTime } from "luxon";
import { fileType, formatSize, hasMagic, MAX_ATTACHMENT_BYTES, FILE_TYPES } from "./attachments.ts";
import { formatDate, VIETNAM } from "./dates.ts";
import { documentKey, documentSlug, numberKey, numberSpellings, numberYear } from "./document-number.ts";
import { listMarkdown, readValidated, type Article, type Problem } from "./load.ts";
import { readSource, type DerivedSource } from "./derive.ts";
import { placePhotos } from "./markdown.ts";
import type { documentSchema } from "./schema.ts";
import { foldTones, slugify } from "./slug.ts";
import type { DocumentTerm } from "../site/settings.ts";

export const DOCUMENTS_URL = "/van-ban/";

export const STATUSES = [
  { slug: "con-hieu-luc", name: "Còn hiệu lực" },
  { slug: "chua-co-hieu-luc", name: "Chưa có hiệu lực" },
  { slug: "het-hieu-luc", name: "Hết hiệu lực" },
] as const;

export type StatusSlug = (typeof STATUSES)[number]["slug"];

export interface Attachment {
  /** The file in content/. */
  source: string;
  url: string;
  /** Shown as the link's text: the editor's label, or the document's title. */
  label: string;
  /** "PDF", "DOCX"… */
  typeLabel: string;
  mime: string;
  bytes: number;
  /** "48 KB" */
  sizeText: string;
}

/** Another document as a page shows it: a link with its status. */
export interface DocumentRef {
  number: string;
  title: string;
  summary: string;
  url: string;
  status: StatusSlug;
  statusName: string;
}

export type RelationKind = "thay_the" | "sua_doi" | "bo_sung";

/** How a page names each relation, in both directions. */
export const RELATIONS: { kind: RelationKind; forward: string; backward: string }[] = [
  { kind: "thay_the", forward: "Thay thế", backward: "Được thay thế bởi" },
  { kind: "sua_doi", forward: "Sửa đổi", backward: "Được sửa đổi bởi" },
  { kind: "bo_sung", forward: "Bổ sung", backward: "Được bổ sung bởi" },
];

export interface OfficialDocument {
  file: string;
  /** Số ký hiệu as written, cleaned: "15/2025/QĐ-UBND". */
  number: string;
  /** Identity: two documents with the same key are the same number. */
  key: string;
  slug: string;
  url: string;
  /** "Quyết định số 15/2025/QĐ-UBND" */
  title: string;
  /** Trích yếu. */
  summary: string;
  type: DocumentTerm;
  fields: DocumentTerm[];
  issuer: DocumentTerm;
  signer?: string;
  issued: DateTime;
  issuedText: string;
  /** ISO 8601 day, for sort keys and <time>. */
  issuedIso: string;
  year: number;
  effective: DateTime;
  effectiveText: string;
  /** The first day it no longer applies: the editor's date or the day a replacement takes effect, the earlier. */
  expiry?: DateTime;
  expiryText?: string;
  /** The document whose entry into force ends this one, when that is what sets the expiry. */
  expiredBy?: string;
  status: StatusSlug;
  statusName: string;
  link?: string;
  html: string;
  attachments: Attachment[];
  /** The spellings of the number readers type, indexed as hidden text. */
  spellings: string[];
  /** Numbers as the editor wrote them, per relation. */
  references: Record<RelationKind, string[]>;
  relations: { kind: RelationKind; label: string; documents: DocumentRef[] }[];
  /** Line of each front-matter key, for problems found across files. */
  lines: Record<string, number>;
  /** The editor's own expiry date, if any. */
  expires?: DateTime;
}

type Schema = ReturnType<typeof documentSchema>;

/** One document file, validated, its attachments checked; relations and status come later (linkDocuments). */
export function readDocument(
  file: string,
  schema: Schema,
  problems: Problem[],
  types: readonly DocumentTerm[] = [],
  source: DerivedSource = readSource(file),
): { item?: OfficialDocument; parsed?: ReturnType<typeof readValidated>["parsed"] } {
  const { data, parsed } = readValidated(file, schema, problems, source);
  if (!data || !parsed || !source.front) return { parsed };
  const lines = Object.fromEntries(Object.keys(parsed.data).map((k) => [k, parsed.lineOf(k)]));
  const year = data.ngay_ban_hanh.setZone(VIETNAM).year;
  const written = numberYear(data.so_ky_hieu);
  if (written !== undefined && written !== year) {
    problems.push({ file, line: lines.ngay_ban_hanh ?? 1, field: "ngay_ban_hanh", message: `ngày ban hành năm ${year} nhưng số ký hiệu ${data.so_ky_hieu} ghi năm ${written}; kiểm tra lại`, severity: "warning" });
  }
  const coded = typeInNumber(data.so_ky_hieu, types);
  if (coded && coded.slug !== data.loai.slug) {
    problems.push({ file, line: lines.loai ?? 1, field: "loai", message: `loại văn bản là ${data.loai.name} nhưng số ký hiệu ${data.so_ky_hieu} ghi ${coded.code} (${coded.name}); kiểm tra lại loại hoặc số`, severity: "warning" });
  }
  const slug = documentSlug(data.so_ky_hieu, year);
  const url = `${DOCUMENTS_URL}${slug}/`;
  const attachments: Attachment[] = [];
  const taken = new Set<string>();
  for (const entry of data.tep) {
    const attachment = readAttachment(file, { ...entry, label: entry.label ?? `${data.loai.name} số ${data.so_ky_hieu}` }, url, lines.tep ?? 1, problems);
    if (!attachment) continue;
    if (taken.has(attachment.url)) {
      problems.push({ file, line: lines.tep ?? 1, field: "tep", message: `hai tệp đính kèm cùng tên ${path.posix.basename(attachment.url)}; đổi tên một tệp`, severity: "error" });
      continue;
    }
    taken.add(attachment.url);
    attachments.push(attachment);
  }
  const effective = data.ngay_hieu_luc ?? data.ngay_ban_hanh;
  const item: OfficialDocument = {
    file,
    number: data.so_ky_hieu,
    key: documentKey(data.so_ky_hieu, year),
    slug,
    url,
    title: `${data.loai.name} số ${data.so_ky_hieu}`,
    summary: data.trich_yeu,
    type: data.loai,
    fields: data.linh_vuc,
    issuer: data.co_quan_ban_hanh,
    signer: data.nguoi_ky,
    issued: data.ngay_ban_hanh,
    issuedText: formatDate(data.ngay_ban_hanh),
    issuedIso: data.ngay_ban_hanh.setZone(VIETNAM).toISODate() ?? "",
    year,
    effective,
    effectiveText: formatDate(effective),
    expires: data.ngay_het_hieu_luc,
    status: "con-hieu-luc",
    statusName: "Còn hiệu lực",
    link: data.lien_ket,
    html: placePhotos(source.body),
    attachments,
    spellings: numberSpellings(data.so_ky_hieu),
    references: { thay_the: data.thay_the ?? [], sua_doi: data.sua_doi ?? [], bo_sung: data.bo_sung ?? [] },
    relations: [],
    lines,
  };
  return { item, parsed };
}

/** The type a number's abbreviation names ("CT" in 05/CT-UBND), if it names one. */
export function typeInNumber(number: string, types: readonly DocumentTerm[]): DocumentTerm | undefined {
  const first = number.replace(/^\d+[a-zA-Z]?(?:\/\d{4})?[/-]/, "").split(/[-/]/)[0] ?? "";
  const code = foldTones(first);
  return types.find((t) => t.code !== undefined && foldTones(t.code) === code);
}

/** Every document of a content folder, related and with its status on `now`'s day; problems dropped (the check reports them). */
export function loadDocuments(contentDir: string, schema: Schema, now: DateTime): OfficialDocument[] {
  // Problems are the check's to report: this reader (the search indexer) drops them.
  const documents = listMarkdown(path.join(contentDir, "van-ban")).flatMap((file) => readDocument(file, schema, []).item ?? []);
  linkDocuments(documents, [], now, []);
  return documents;
}

/** An attachment path is relative to the document's folder, or "/van-ban/…" from the content folder. */
function readAttachment(file: string, entry: { path: string; label?: string }, pageUrl: string, line: number, problems: Problem[]): Attachment | undefined {
  const add = (message: string) => problems.push({ file, line, field: "tep", message, severity: "error" });
  const written = entry.path.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.includes("..")) {
    add(`tệp đính kèm "${written}" phải là tệp trong kho, đặt cùng thư mục với văn bản (không dùng địa chỉ web hay "..")`);
    return undefined;
  }
  const type = fileType(written);
  if (!type) {
    add(`tệp "${written}" không thuộc loại được đăng; chỉ nhận: ${FILE_TYPES.map((t) => t.ext).join(", ")}`);
    return undefined;
  }
  const dir = path.dirname(file);
  const source = written.startsWith("/") ? path.join(contentRoot(file), ...written.split("/").filter(Boolean)) : path.join(dir, written);
  if (!existsSync(source) || !statSync(source).isFile()) {
    add(`không tìm thấy tệp đính kèm ${written}: tải tệp lên cùng thư mục ${path.relative(process.cwd(), dir) || dir}/ (tên tệp phân biệt chữ hoa, chữ thường)`);
    return undefined;
  }
  const bytes = statSync(source).size;
  if (bytes > MAX_ATTACHMENT_BYTES) {
    add(`tệp ${written} nặng ${formatSize(bytes)}, quá giới hạn 20 MB; nén lại hoặc chia nhỏ tệp (người đọc thường dùng điện thoại)`);
    return undefined;
  }
  if (!hasMagic(source, type)) {
    add(`tệp ${written} không phải tệp ${type.label} thật (nội dung không khớp đuôi .${type.ext}); lưu lại đúng định dạng rồi tải lên`);
    return undefined;
  }
  const base = path.basename(written);
  const name = `${slugify(base.slice(0, base.length - type.ext.length - 1)) || "tep"}.${type.ext}`;
  return { source, url: `${pageUrl}${name}`, label: entry.label ?? base, typeLabel: type.label, mime: type.mime, bytes, sizeText: formatSize(bytes) };
}

/** content/ of a document file: the folder above van-ban/. */
function contentRoot(file: string): string {
  const parts = path.resolve(file).split(path.sep);
  const at = parts.lastIndexOf("van-ban");
  return at > 0 ? parts.slice(0, at).join(path.sep) : path.dirname(file);
}

/** Status on the build's calendar day in Vietnam. */
export function documentStatus(dates: { effective: DateTime; expiry?: DateTime }, now: DateTime): StatusSlug {
  const day = (dt: DateTime) => dt.setZone(VIETNAM).toISODate() ?? "";
  const today = day(now);
  if (day(dates.effective) > today) return "chua-co-hieu-luc";
  if (dates.expiry && day(dates.expiry) <= today) return "het-hieu-luc";
  return "con-hieu-luc";
}

export const statusName = (slug: StatusSlug): string => STATUSES.find((s) => s.slug === slug)!.name;

/** Finds the document a reference names: by number (and year when ambiguous) or by its page slug. */
export function resolveReference(documents: OfficialDocument[], reference: string): { found?: OfficialDocument; ambiguous?: OfficialDocument[] } {
  const bySlug = documents.find((d) => d.slug === reference.trim());
  if (bySlug) return { found: bySlug };
  const key = numberKey(reference);
  const matches = documents.filter((d) => numberKey(d.number) === key);
  if (matches.length === 1) return { found: matches[0] };
  if (matches.length > 1) return { ambiguous: matches };
  return {};
}

function closestNumber(documents: OfficialDocument[], reference: string): OfficialDocument | undefined {
  const key = numberKey(reference);
  let best: { doc: OfficialDocument; distance: number } | undefined;
  for (const doc of documents) {
    const distance = editDistance(key, numberKey(doc.number));
    if (!best || distance < best.distance) best = { doc, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(key.length / 4)) ? best.doc : undefined;
}

const refOf = (d: OfficialDocument): DocumentRef => ({ number: d.number, title: d.title, summary: d.summary, url: d.url, status: d.status, statusName: d.statusName });

/**
 * Across the library: the same number twice, relations to documents that do not exist, expiry implied by
 * replacements, status on the build's day, relations both ways and the documents each article cites.
 * Sets `article.documents` of every article (the newsroom lists, per document, the published ones citing it). Problems go to `problems`, with file, line and field.
 */
export function linkDocuments(documents: OfficialDocument[], articles: Article[], now: DateTime, problems: Problem[]): void {
  const add = (file: string, line: number | undefined, field: string, message: string) => problems.push({ file, line: line ?? 1, field, message, severity: "error" });
  const byKey = new Map<string, OfficialDocument[]>();
  for (const doc of documents) byKey.set(doc.key, [...(byKey.get(doc.key) ?? []), doc]);
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const doc of group) {
      const others = group.filter((d) => d !== doc).map((d) => d.file).join(", ");
      add(doc.file, doc.lines.so_ky_hieu, "so_ky_hieu", `số ký hiệu ${doc.number} trùng với văn bản ${others}; mỗi văn bản chỉ khai báo một lần`);
    }
  }

  const describe = (reference: string, field: string, doc: { file: string; line?: number }): OfficialDocument | undefined => {
    const { found, ambiguous } = resolveReference(documents, reference);
    if (found) return found;
    if (ambiguous) {
      add(doc.file, doc.line, field, `có ${ambiguous.length} văn bản số ${reference} (các năm ${ambiguous.map((d) => d.year).join(", ")}); viết địa chỉ của văn bản cần chỉ: ${ambiguous.map((d) => d.slug).join(" hoặc ")}`);
      return undefined;
    }
    const near = closestNumber(documents, reference);
    add(doc.file, doc.line, field, `không có văn bản số ${reference} trong thư viện (content/van-ban/)` + (near ? `; có phải ${near.number}?` : "; thêm văn bản đó trước, hoặc bỏ số này"));
    return undefined;
  };

  // Forward relations, resolved once.
  const forward = new Map<OfficialDocument, Record<RelationKind, OfficialDocument[]>>();
  for (const doc of documents) {
    const resolved = { thay_the: [], sua_doi: [], bo_sung: [] } as Record<RelationKind, OfficialDocument[]>;
    for (const { kind } of RELATIONS) {
      for (const reference of doc.references[kind]) {
        const target = describe(reference, kind, { file: doc.file, line: doc.lines[kind] });
        if (target === doc) add(doc.file, doc.lines[kind], kind, `văn bản không thể ${kind === "thay_the" ? "thay thế" : kind === "sua_doi" ? "sửa đổi" : "bổ sung"} chính nó`);
        else if (target && !resolved[kind].includes(target)) resolved[kind].push(target);
      }
    }
    forward.set(doc, resolved);
  }

  // Expiry: the editor's date, or the day a replacing document takes effect, whichever is earlier.
  for (const doc of documents) {
    doc.expiry = doc.expires;
    doc.expiredBy = undefined;
    doc.relations = [];
  }
  for (const doc of documents) {
    for (const old of forward.get(doc)!.thay_the) {
      if (!old.expiry || doc.effective < old.expiry) {
        old.expiry = doc.effective;
        old.expiredBy = doc.number;
      }
    }
  }
  for (const doc of documents) {
    doc.expiryText = doc.expiry ? formatDate(doc.expiry) : undefined;
    doc.status = documentStatus(doc, now);
    doc.statusName = statusName(doc.status);
  }

  for (const doc of documents) {
    const mine = forward.get(doc)!;
    for (const { kind, forward: label } of RELATIONS) if (mine[kind].length) doc.relations.push({ kind, label, documents: mine[kind].map(refOf) });
  }
  for (const { kind, backward } of RELATIONS) {
    for (const doc of documents) {
      const by = documents.filter((other) => forward.get(other)![kind].includes(doc)).sort((a, b) => b.issued.toMillis() - a.issued.toMillis());
      if (by.length) doc.relations.push({ kind, label: backward, documents: by.map(refOf) });
    }
  }

  for (const article of articles) {
    article.documents = [];
    for (const reference of article.documentNumbers) {
      const target = describe(reference, "van_ban", { file: article.file, line: article.documentsLine });
      if (!target || article.documents.some((d) => d.url === target.url)) continue;
      article.documents.push(refOf(target));
    }
  }
}
