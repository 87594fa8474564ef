/** YAML data files of content/du-lieu/, read with line numbers so every problem points at its line. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";

export interface ParsedDataFile {
  data: unknown;
  /** 1-based line of the value at a path (["departments", 2, "phone"]), or of its nearest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

export class DataFileError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

/** Failsafe schema: every value is text, so phone numbers and procedure codes keep their zeros. */
export function parseDataFile(source: string): ParsedDataFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { schema: "failsafe", lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    // An unclosed quote or bracket is reported where the text ends: step back to the last written line.
    const rows = source.split("\n");
    let row = lines.linePos(Math.min(error.pos[0], source.length)).line - 1;
    while (row > 0 && !rows[row]?.trim()) row--;
    throw new DataFileError(dataYamlMessage(error.code), row + 1);
  }
  return {
    data: doc.toJS() as unknown,
    lineOf: (path) => {
      const offset = offsetOf(doc, path);
      return offset === undefined ? 1 : lines.linePos(offset).line;
    },
  };
}

/** Start of the deepest node along path: a key's line for a map entry, the item's line in a list. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number] } | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as { range?: [number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** A YAML error of a data file in plain Vietnamese: the usual causes, never the library's English. */
function dataYamlMessage(code: string): string {
  const wrong = "Tệp dữ liệu viết sai ở dòng này.";
  if (code === "DUPLICATE_KEY") return `${wrong} Một mục được viết hai lần cho cùng một người hoặc đơn vị: giữ một dòng và xóa dòng còn lại.`;
  return `${wrong} Thường gặp: thiếu dấu nháy kép đóng, thiếu dấu hai chấm sau tên mục, các dòng của cùng một người hoặc đơn vị không thụt lề thẳng hàng, hoặc dòng bắt đầu bằng phím Tab.`;
}
