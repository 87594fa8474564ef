/** A build split across machines (the matrix workflow): parts built apart and assembled make the site one build makes. */
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleParts } from "../../scripts/lib/assemble.ts";
import { build } from "../../scripts/lib/build.ts";
import { FIXTURE_SHARD_PAGES, openIndex, SEARCH_FIXTURE } from "../helpers/pagefind.ts";

const NOW = DateTime.fromISO("2026-11-30T09:00:00+07:00", { setZone: true });
const PARTS = 3;

let root: string;
let whole: string;
let assembled: string;

/** Every file under a folder with its bytes, by relative path. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/** The parts of a split build, each in its own folder, as the matrix's jobs write them. */
async function buildParts(name: string, shardPages = FIXTURE_SHARD_PAGES): Promise<string[]> {
  const parts = Array.from({ length: PARTS }, (_, i) => path.join(root, `${name}-${i + 1}`));
  for (const [index, out] of parts.entries()) await build({ content: SEARCH_FIXTURE, out, now: NOW, shardPages, part: { index, count: PARTS } });
  return parts;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "toa-soan-matrix-"));
  whole = path.join(root, "whole");
  assembled = path.join(root, "assembled");
  await build({ content: SEARCH_FIXTURE, out: whole, now: NOW, shardPages: FIXTURE_SHARD_PAGES });
  await assembleParts(await buildParts("part"), assembled);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a build in parts, assembled", () => {
  it("is the site one build writes, byte for byte, search index included", async () => {
    const [a, b] = await Promise.all([tree(assembled), tree(whole)]);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a].filter(([file, bytes]) => !bytes.equals(b.get(file)!)).map(([file]) => file)).toEqual([]);
    expect([...a.keys()].filter((f) => f.startsWith("pagefind/") && f.endsWith("pagefind-entry.json")).length).toBeGreaterThan(PARTS);
  });

  it("searches as one build does", async () => {
    const [x, y] = await Promise.all([openIndex(assembled), openIndex(whole)]);
    try {
      for (const q of ["thong bao", "khcn", null]) {
        const options = q ? {} : { filters: { category: "Thông báo" }, sort: { date: "desc" as const } };
        expect((await x.query(q, options)).map((h) => h.url)).toEqual((await y.query(q, options)).map((h) => h.url));
      }
    } finally {
      await x.close();
      await y.close();
    }
  });

  it("refuses parts that do not make one site", async () => {
    const parts = await buildParts("again");
    await expect(assembleParts(parts.slice(0, 2), path.join(root, "short"))).rejects.toThrow(/2 parts given, the build was split into 3/);
    const other = await buildParts("other", FIXTURE_SHARD_PAGES * 2);
    await expect(assembleParts([parts[0]!, other[1]!, parts[2]!], path.join(root, "mixed"))).rejects.toThrow(/belongs to another build/);
    const copy = path.join(root, "copy");
    await cp(parts[0]!, copy, { recursive: true });
    await expect(assembleParts([parts[0]!, copy, parts[2]!], path.join(root, "twice"))).rejects.toThrow(/missing|twice/);
  });
});
