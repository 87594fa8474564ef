/** The files as read, kept between builds (scripts/lib/content/source-cache.ts): keyed on bytes, small writes, never stale. */
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSource } from "../../scripts/lib/content/derive.ts";
import { listMarkdown } from "../../scripts/lib/content/load.ts";
import { openSourceCache, SOURCES_FOLDER } from "../../scripts/lib/content/source-cache.ts";

let root: string;
let content: string;
let cacheDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "toa-soan-sources-"));
  content = path.join(root, "content");
  cacheDir = path.join(root, "cache");
  await cp("tests/fixtures/site", content, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Reads every Markdown file through a cache opened afresh, as one build does, and saves it. */
async function readAll() {
  const cache = openSourceCache(cacheDir);
  const files = listMarkdown(content);
  const read = new Map(files.map((file) => [file, cache.read(file)]));
  const counts = { kept: cache.kept, derived: cache.derived };
  await cache.save();
  return { read, ...counts, files };
}

/** Each bucket file's contents, by name. */
async function buckets(): Promise<Map<string, Buffer>> {
  const dir = path.join(cacheDir, SOURCES_FOLDER);
  return new Map(await Promise.all((await readdir(dir)).map(async (name) => [name, await readFile(path.join(dir, name))] as const)));
}

describe("the source cache", () => {
  it("derives every file once, then keeps each one whose bytes did not change, giving what reading afresh gives", async () => {
    const first = await readAll();
    expect(first.kept).toBe(0);
    expect(first.derived).toBe(first.files.length);
    const second = await readAll();
    expect(second.kept).toBe(first.files.length);
    expect(second.derived).toBe(0);
    for (const [file, source] of second.read) expect(source, file).toEqual(readSource(file));
  });

  it("derives an edited file again and rewrites only the buckets that changed", async () => {
    await readAll();
    const before = await buckets();
    const edited = listMarkdown(path.join(content, "bai-viet"))[0]!;
    await writeFile(edited, (await readFile(edited, "utf8")).replace(/\n---\n/, "\n---\n\nĐoạn mới thêm vào đầu bài.\n"));
    const after = await readAll();
    expect(after.derived).toBe(1);
    expect(after.kept).toBe(after.files.length - 1);
    expect(after.read.get(edited)).toEqual(readSource(edited));
    expect(after.read.get(edited)?.front?.body).toContain("Đoạn mới thêm vào đầu bài.");
    const now = await buckets();
    const rewritten = [...now].filter(([name, bytes]) => !before.get(name)?.equals(bytes)).map(([name]) => name);
    // The old version leaves its bucket, the new one joins its own: one or two of sixteen.
    expect(rewritten.length).toBeGreaterThanOrEqual(1);
    expect(rewritten.length).toBeLessThanOrEqual(2);
  });

  it("forgets the files that are gone and finds a renamed file by its bytes", async () => {
    await readAll();
    const [gone, moved] = listMarkdown(path.join(content, "bai-viet"));
    const bytesOfGone = await readFile(gone!);
    await rm(gone!);
    await cp(moved!, `${moved!.slice(0, -3)}-moi.md`);
    await rm(moved!);
    const after = await readAll();
    expect(after.derived).toBe(0);
    // Written back without the removed file: put back, it is derived again.
    await writeFile(gone!, bytesOfGone);
    const back = await readAll();
    expect(back.derived).toBe(1);
    expect(back.read.get(gone!)).toEqual(readSource(gone!));
  });

  it("starts afresh from a record it cannot read, and never leaves a half-written one", async () => {
    await readAll();
    const dir = path.join(cacheDir, SOURCES_FOLDER);
    for (const name of await readdir(dir)) await writeFile(path.join(dir, name), "không phải bản ghi");
    const after = await readAll();
    expect(after.kept).toBe(0);
    expect(after.derived).toBe(after.files.length);
    for (const [file, source] of after.read) expect(source, file).toEqual(readSource(file));
    const names = await readdir(dir);
    expect(names.every((name) => name.endsWith(".bin"))).toBe(true);
    for (const name of names) expect((await stat(path.join(dir, name))).size).toBeGreaterThan(0);
    expect((await readAll()).kept).toBe(after.files.length);
  });
});
