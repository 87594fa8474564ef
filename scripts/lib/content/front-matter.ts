/** Front matter with line numbers, so every message can point editors at the right line. */
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isScalar, type Document } from "yaml";

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
export function parseFrontMatter(source: string): ParsedFile {
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
          throw new FrontMatterError(yamlMessage(error.code, error.message), line);
        }
        const value = doc.toJS() as unknown;
        if (value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value))) {
          throw new FrontMatterError("phần đầu bài (front matter) phải là các dòng `khóa: giá trị`", 2);
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

function yamlMessage(code: string, raw: string): string {
  const first = raw.split("\n")[0] ?? raw;
  switch (code) {
    case "DUPLICATE_KEY":
      return `một khóa bị khai báo hai lần (${first})`;
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return `YAML sai cú pháp: kiểm tra dấu hai chấm, dấu nháy và thụt lề (${first})`;
    default:
      return `YAML sai cú pháp (${first})`;
  }
}
