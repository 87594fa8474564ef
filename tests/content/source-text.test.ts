import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../scripts/lib/check/index.ts";
import { loadContent } from "../../scripts/lib/content/load.ts";
import { normalizeSource } from "../../scripts/lib/content/source-text.ts";
import { site } from "../../site.config.ts";

const NOW = DateTime.fromISO("2026-11-27T10:00:00+07:00", { setZone: true });
let content: string;

// The fixtures keep their CRLF, CR and BOM bytes (.gitattributes marks them -text).
beforeAll(async () => {
  content = await mkdtemp(path.join(tmpdir(), "toa-soan-windows-"));
  await cp("tests/fixtures/content/windows", path.join(content, "bai-viet", "2020"), { recursive: true });
});
afterAll(() => rm(content, { recursive: true, force: true }));

describe("normalizeSource", () => {
  it("drops a byte-order mark, turns CRLF and CR into LF and removes control characters, line for line", () => {
    const text = "\uFEFF---\r\ntitle: a\u000Bb\r\n---\rbody\u0007\u0000\u0085 \ttab\n";
    expect(normalizeSource(text)).toBe("---\ntitle: ab\n---\nbody \ttab\n");
    expect(normalizeSource(text).split("\n")).toHaveLength(text.split(/\r\n|\r|\n/).length);
  });

  it("composes decomposed (NFD) letters, line for line", () => {
    const nfd = "---\r\ntitle: Hội nghị\r\n---\r\nĐăng ký\r\n".normalize("NFD");
    expect(normalizeSource(nfd)).toBe("---\ntitle: Hội nghị\n---\nĐăng ký\n");
    expect(normalizeSource(nfd).split("\n")).toHaveLength(nfd.split("\r\n").length);
  });
});

describe("files saved on Windows or pasted from Word", () => {
  it("reads CRLF front matter as written: a true draft, a list of tags, a spaced date in Vietnam time", () => {
    const loaded = loadContent(content, { categories: site.categories, documents: site.documents, now: NOW, includeUnpublished: true });
    const crlf = loaded.articles.find((a) => a.file.endsWith("crlf.md"));
    expect(loaded.problems.filter((p) => p.field !== "nội dung")).toEqual([]);
    expect(crlf?.draft).toBe(true);
    expect(crlf?.tags).toEqual(["hội nghị", "tổng kết"]);
    expect(crlf?.iso).toBe("2020-12-25T08:30:00+07:00");
    expect(loaded.articles.find((a) => a.file.endsWith("cr-only.md"))?.tags).toEqual(["một", "hai"]);
  });

  it("keeps no control character from Word in titles or bodies", () => {
    const loaded = loadContent(content, { categories: site.categories, documents: site.documents, now: NOW, includeUnpublished: true });
    const word = loaded.articles.find((a) => a.file.endsWith("word-controls.md"))!;
    expect(word.title).toBe("Dán từ Word có tab dọc");
    expect(word.html).toContain("Đoạn có tab dọc và ký tự chuông.");
    expect(word.html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it("points at the right body line whatever the line endings or BOM", () => {
    const report = checkContent({ content, now: NOW });
    const missing = (name: string) => report.problems.find((p) => p.file.endsWith(name) && /không tìm thấy ảnh/.test(p.message))?.line;
    expect(missing("crlf.md")).toBe(13);
    expect(missing("bom.md")).toBe(9);
    expect(missing("cr-only.md")).toBe(10);
    expect(missing("word-controls.md")).toBe(9);
    expect(report.problems.filter((p) => /YAML|true hoặc false/.test(p.message))).toEqual([]);
  });
});
