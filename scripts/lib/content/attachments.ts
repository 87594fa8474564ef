/** Files attached to documents: which types we publish, how we recognise them, how we show their size. */
import { openSync, readSync, closeSync } from "node:fs";

export interface FileType {
  ext: string;
  /** Shown to readers: "PDF", "Word", … */
  label: string;
  mime: string;
  /** First bytes every real file of this type starts with. */
  magic: "pdf" | "zip" | "ole";
}

/** The allowlist: anything else is refused by the checker. */
export const FILE_TYPES: readonly FileType[] = [
  { ext: "pdf", label: "PDF", mime: "application/pdf", magic: "pdf" },
  { ext: "doc", label: "DOC", mime: "application/msword", magic: "ole" },
  { ext: "docx", label: "DOCX", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: "zip" },
  { ext: "xls", label: "XLS", mime: "application/vnd.ms-excel", magic: "ole" },
  { ext: "xlsx", label: "XLSX", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: "zip" },
  { ext: "odt", label: "ODT", mime: "application/vnd.oasis.opendocument.text", magic: "zip" },
  { ext: "ods", label: "ODS", mime: "application/vnd.oasis.opendocument.spreadsheet", magic: "zip" },
];

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const MAGIC: Record<FileType["magic"], number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

export function fileType(name: string): FileType | undefined {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  return FILE_TYPES.find((t) => t.ext === ext);
}

/** Whether the file's first bytes are those of its type (a page renamed to .pdf is not a PDF). */
export function hasMagic(file: string, type: FileType): boolean {
  const expected = MAGIC[type.magic];
  const head = Buffer.alloc(expected.length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return expected.every((b, i) => head[i] === b);
}

/** "48 KB", "1,2 MB": Vietnamese decimal comma, 1 KB = 1024 bytes. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.max(1, Math.round(kb))} KB`;
  const mb = kb / 1024;
  return `${(mb < 10 ? mb.toFixed(1) : String(Math.round(mb))).replace(".", ",")} MB`;
}
