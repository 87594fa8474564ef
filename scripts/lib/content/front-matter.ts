/** Front matter with line numbers, so every message can point editors at the right line. */
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isScalar, type Document } from "yaml";
import { normalizeSource } from "./source-text.ts";

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** 1-based line of a front-matter key, or of the opening "---" when the key is absent. */
  lineOf(field: string): number;
}

export class FrontMatterError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

/**
 * Reads front matter with YAML's core schema: no timestamps, so "2020-06-19 08:02" stays text
 * and is read as Vietnam time by the date parser instead of as UTC by YAML.
 */
export function parseFrontMatter(raw: string): ParsedFile {
  const source = normalizeSource(raw);
  let doc: Document | undefined;
  let shift = 1;
  const lines = new LineCounter();
  // Passing options also stops gray-matter from caching every file it has read.
  const file = matter(source, {
    engines: {
      yaml: (text: string) => {
        // gray-matter hands over the text after "---", usually from its line break: count the "---" line once.
        shift = text.startsWith("\n") || text.startsWith("\r\n") ? 0 : 1;
        lines.lineStarts.length = 0;
        doc = parseDocument(text, { schema: "core", lineCounter: lines, prettyErrors: false, uniqueKeys: true });
        const error = doc.errors[0];
        if (error) {
          // An unclosed bracket or quote is reported where the text ends: step back to the last written line.
          const rows = text.split("\n");
          let row = lines.linePos(Math.min(error.pos[0], text.length)).line - 1;
          while (row > 0 && !rows[row]?.trim()) row--;
          const line = row + shift + 1;
          throw new FrontMatterError(yamlMessage(error.code, error.message, rows[row] ?? ""), line);
        }
        let value: unknown;
        try {
          value = doc.toJS();
        } catch {
          // "source: *abc" is a YAML alias to nothing; toJS throws in English.
          const rows = text.split("\n");
          const row = Math.max(0, rows.findIndex((r) => /:\s*[*&]/.test(r)));
          throw new FrontMatterError(ALIAS_MESSAGE, row + shift + 1);
        }
        if (value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value))) {
          throw new FrontMatterError(`Phần đầu bài (giữa hai dòng ---) phải gồm các dòng "tên mục: giá trị", mỗi mục một dòng, ví dụ ${CORRECT_TITLE}`, 2);
        }
        return (value ?? {}) as object;
      },
    },
  });
  const hasFrontMatter = source.startsWith("---");
  const frontLines = hasFrontMatter ? (file.matter.match(/\n/g)?.length ?? 0) + 2 : 0;
  return {
    data: file.data as Record<string, unknown>,
    body: file.content,
    bodyLine: frontLines + 1,
    lineOf(field: string): number {
      const contents = doc?.contents;
      if (isMap(contents)) {
        for (const pair of contents.items) {
          if (isScalar(pair.key) && pair.key.value === field && pair.key.range) {
            return lines.linePos(pair.key.range[0]).line + shift;
          }
        }
      }
      return 1;
    },
  };
}

/** Field column of a problem in the front matter as a whole (YAML that cannot be read). */
export const FRONT_MATTER_FIELD = "phần đầu bài";

const WRONG_LINE = "Phần đầu bài (giữa hai dòng ---) viết sai ở dòng này.";
const CORRECT_TITLE = 'title: "Hội nghị sơ kết hoạt động KH&CN 6 tháng đầu năm 2020"';
// YAML reads a value starting with * or & as a reference to another value.
const ALIAS_MESSAGE = `${WRONG_LINE} Thường gặp: giá trị bắt đầu bằng dấu * hoặc & mà không đặt trong dấu nháy kép. Viết đúng: title: "*Thông báo khẩn"`;

/** Plain Vietnamese for a YAML error: the usual causes for its kind and a correct line; the library's English stays out. */
export function yamlMessage(code: string, raw: string, row: string): string {
  const key = /^\s*([^\s:#][^:]*?)\s*:/.exec(row)?.[1];
  if (code !== "DUPLICATE_KEY" && /^[^:]*:\s*[*&]/.test(row)) return ALIAS_MESSAGE;
  switch (code) {
    case "DUPLICATE_KEY":
      return key ? `mục ${key} được viết hai lần trong phần đầu bài: giữ một dòng ${key}: và xóa dòng còn lại` : "một mục được viết hai lần trong phần đầu bài: giữ một dòng và xóa dòng còn lại";
    case "MISSING_CHAR":
      return /quote/i.test(raw)
        ? `${WRONG_LINE} Thường gặp: thiếu dấu nháy kép đóng ở cuối giá trị. Viết đúng: ${CORRECT_TITLE}`
        : `${WRONG_LINE} Thường gặp: thiếu dấu hai chấm sau tên mục, hoặc giá trị bị xuống dòng. Viết đúng, mỗi mục trên một dòng: ${CORRECT_TITLE}`;
    case "UNEXPECTED_TOKEN":
      return `${WRONG_LINE} Thường gặp: dấu nháy kép " nằm bên trong một giá trị đã đặt trong nháy kép (bên trong dùng “ ” hoặc ' '), hoặc có chữ viết tiếp sau dấu nháy đóng. Viết đúng: title: "Hội thảo “Chuyển đổi số” năm 2026"`;
    case "BAD_INDENT":
      if (/sequence/i.test(raw)) return `${WRONG_LINE} Thường gặp: thiếu dấu ] đóng danh sách. Viết đúng: tags: [hội nghị, OCOP]`;
      if (/flow map/i.test(raw)) return `${WRONG_LINE} Thường gặp: dấu { không có dấu } đóng; giá trị có dấu ngoặc nhọn thì đặt trong dấu nháy kép. Viết đúng: summary: "{…}"`;
      return `${WRONG_LINE} Thường gặp: dòng bị thụt vào (có dấu cách ở đầu dòng); mỗi mục bắt đầu sát lề trái. Viết đúng: ${CORRECT_TITLE}`;
    case "MULTILINE_IMPLICIT_KEY":
      return `${WRONG_LINE} Thường gặp: thiếu dấu hai chấm, hoặc thiếu dấu cách sau dấu hai chấm. Viết đúng (tên mục, dấu hai chấm, một dấu cách, giá trị): ${CORRECT_TITLE}`;
    case "BLOCK_AS_IMPLICIT_KEY":
      return `${WRONG_LINE} Thường gặp: giá trị có dấu hai chấm mà không đặt trong dấu nháy kép. Viết đúng: title: "Thông báo: lịch nghỉ Tết Nguyên đán"`;
    case "TAB_AS_INDENT":
      return `${WRONG_LINE} Thường gặp: dòng bắt đầu bằng phím Tab; xóa khoảng trắng ở đầu dòng, mỗi mục bắt đầu sát lề trái. Viết đúng: ${CORRECT_TITLE}`;
    case "BAD_SCALAR_START":
      return `${WRONG_LINE} Thường gặp: giá trị bắt đầu bằng ký tự đặc biệt (@, \`, %, |, >) mà không đặt trong dấu nháy kép. Viết đúng: source: "@Văn phòng Sở"`;
    case "BAD_DQ_ESCAPE":
      return `${WRONG_LINE} Thường gặp: dấu \\ trong giá trị đặt trong nháy kép; viết dấu / thay cho dấu \\, hoặc viết hai dấu \\\\. Viết đúng: source: "Phòng Quản lý Khoa học/Văn phòng Sở"`;
    default:
      return `${WRONG_LINE} Thường gặp: thiếu dấu nháy kép đóng, thiếu dấu ] đóng danh sách, dòng bị thụt vào, thiếu dấu hai chấm sau tên mục. Viết đúng, mỗi mục một dòng sát lề trái: ${CORRECT_TITLE}`;
  }
}
