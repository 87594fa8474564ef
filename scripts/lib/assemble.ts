/**
 * One site from the parts of a build split across machines (.github/workflows/publish-matrix.yml): each part
 * (`npm run build -- --part i/n`) wrote its share of the pages and of the search shards; this moves them into one
 * folder and writes the search manifest of the whole. It refuses parts that do not make exactly one site: a shard
 * missing or written twice, a file two parts wrote differently, parts of different builds.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_FILE, type ShardManifest } from "./search/shards.ts";

export interface AssembleResult {
  parts: number;
  shards: number;
}

/** Moves every part's files into `out` (emptied first) and writes its search manifest. The parts are used up. */
export async function assembleParts(parts: readonly string[], out: string): Promise<AssembleResult> {
  if (!parts.length) throw new Error("no part to assemble");
  const manifests = await Promise.all(parts.map(readPartManifest));
  const withIndex = manifests.filter((m): m is ShardManifest => m !== undefined);
  // Parts with no shard to write (more parts than shards) have no manifest; every other part names the plan.
  const count = withIndex[0]?.part?.count ?? parts.length;
  const planned = withIndex[0]?.part?.planned ?? [];
  for (const m of withIndex) {
    if (!m.part) throw new Error("a part's search manifest says no part: it is a whole build, not a part");
    if (m.part.count !== count || m.part.planned.join() !== planned.join() || m.pagefind !== withIndex[0]!.pagefind) {
      throw new Error(`part ${m.part.index + 1}/${m.part.count} belongs to another build than part ${withIndex[0]!.part!.index + 1}/${count}`);
    }
  }
  if (parts.length !== count) throw new Error(`${parts.length} parts given, the build was split into ${count}`);
  const shards = withIndex.flatMap((m) => m.shards);
  const written = shards.map((s) => s.dir).sort();
  const twice = written.filter((dir, i) => written[i - 1] === dir);
  const missing = planned.filter((dir) => !written.includes(dir));
  if (twice.length || missing.length || written.length !== planned.length) {
    throw new Error(`the parts do not hold the planned search shards: ${[...missing.map((d) => `${d} missing`), ...twice.map((d) => `${d} twice`)].join(", ") || "others"}`);
  }

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const part of parts) {
    await rm(path.join(part, "pagefind", MANIFEST_FILE), { force: true });
    await merge(part, out, out);
  }
  // Newest first, as one build writes it.
  const order = new Map(planned.map((dir, i) => [dir, i]));
  const manifest: ShardManifest = { version: 1, pagefind: withIndex[0]?.pagefind ?? "", shards: shards.sort((a, b) => order.get(a.dir)! - order.get(b.dir)!) };
  if (shards.length) await writeFile(path.join(out, "pagefind", MANIFEST_FILE), JSON.stringify(manifest));
  return { parts: parts.length, shards: shards.length };
}

async function readPartManifest(part: string): Promise<ShardManifest | undefined> {
  if (!existsSync(part)) throw new Error(`${part}: no such part`);
  try {
    return JSON.parse(await readFile(path.join(part, "pagefind", MANIFEST_FILE), "utf8")) as ShardManifest;
  } catch {
    return undefined;
  }
}

/**
 * Moves `from` into `to`: a folder the target lacks moves whole (one rename), one both have is merged, and a file
 * both have must be the same bytes (Pagefind's runtime, which every part with shards writes).
 */
async function merge(from: string, to: string, root: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const existing = await stat(target).catch(() => undefined);
    if (!existing) await rename(source, target);
    else if (entry.isDirectory() && existing.isDirectory()) await merge(source, target, root);
    else if (!entry.isDirectory() && existing.isFile() && (await readFile(source)).equals(await readFile(target))) await rm(source);
    else throw new Error(`two parts wrote ${path.relative(root, target)} differently`);
  }
}
