/**
 * What the build derives from one Markdown file alone: its front matter with the line of each key, its body rendered
 * up to its photos, and the links and images the checker looks at. It depends on the file's bytes and on this code
 * only, so content/source-cache.ts keeps it between builds, keyed on the bytes' hash.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { scanBody, type Finding } from "../check/body.ts";
import { FrontMatterError, parseFrontMatter, type ParsedFile } from "./front-matter.ts";
import { renderSlotted, type SlottedBody } from "./markdown.ts";

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Line of each key written. */
  lines: Map<string, number>;
}

export type DerivedSource =
  | { hash: string; front: FrontMatter; body: SlottedBody; findings: Finding[]; error?: undefined }
  /** The front matter could not be read: our message and line, or none when the text itself cannot be read. */
  | { hash: string; front?: undefined; error: { message?: string; line: number } };

/** Reads one file for the loader: its bytes, then what they give. */
export type SourceReader = (file: string) => DerivedSource;

export function sourceHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

/** Everything the build takes from one file's bytes. */
export function deriveSource(bytes: Buffer, hash = sourceHash(bytes)): DerivedSource {
  let parsed: ParsedFile;
  try {
    parsed = parseFrontMatter(bytes.toString("utf8"));
  } catch (error) {
    // Anything but our own message (a parser's own failure) gets the loader's plain words.
    return { hash, error: error instanceof FrontMatterError ? { message: error.message, line: error.line } : { line: 1 } };
  }
  const lines = new Map(Object.keys(parsed.data).map((key) => [key, parsed.lineOf(key)]));
  return {
    hash,
    front: { data: parsed.data, body: parsed.body, bodyLine: parsed.bodyLine, lines },
    body: renderSlotted(parsed.body, parsed.bodyLine),
    findings: scanBody(parsed.body, parsed.bodyLine),
  };
}

/** Reads a file's bytes and derives them with `derive`; a file that vanished between the listing and the read is unreadable. */
export function readWith(file: string, derive: (bytes: Buffer) => DerivedSource): DerivedSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { hash: "", error: { line: 1 } };
  }
  return derive(bytes);
}

/** One file derived afresh (the checker, the preview, builds without a cache). */
export const readSource: SourceReader = (file) => readWith(file, (bytes) => deriveSource(bytes));

/** The front matter as the loader and the checker use it. */
export function parsedFile(front: FrontMatter): ParsedFile {
  return { data: front.data, body: front.body, bodyLine: front.bodyLine, lineOf: (field) => front.lines.get(field) ?? 1 };
}
