// A build killed at any stage leaves the previous site whole: real `scripts/build.ts` processes, killed on events
// they announce (a stage line, a file appearing), never after a sleep.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, watch } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
import { processTree } from "../../scripts/bench/process-tree.ts";
import { buildFolders } from "../../scripts/lib/build.ts";

const NOW = "2024-06-30T10:00:00+07:00";
let root: string;
let content: string;
let out: string;
let before: Map<string, string>;

/** Every file of a folder with the hash of its bytes. */
async function manifest(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const file = path.join(dir, name);
    if ((await stat(file)).isFile()) files.set(name, createHash("sha256").update(await readFile(file)).digest("hex"));
  }
  return files;
}

interface RunningBuild {
  child: ChildProcess;
  /** Resolves on the first stdout line matching `pattern`. */
  line(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; stderr: string }>;
  /** The processes that write search shards, children of the build (one per core but one). */
  indexerPids(): number[];
}

function startBuild(): RunningBuild {
  // Its own process group, so a kill reaches the indexer and Pagefind too, as a CI runner's kill would.
  // --no-cache: every build writes all its pages and search shards, so each stage lasts and each kill lands in it.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", "--content", content, "--out", out, "--no-cache"], {
    detached: true,
    env: { ...process.env, TOASOAN_NOW: NOW },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const seen: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  lines.on("line", (text) => {
    seen.push(text);
    for (const w of waiting.filter((w) => w.pattern.test(text))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(text);
    }
  });
  return {
    child,
    line: (pattern) => new Promise((resolve) => {
      const found = seen.find((text) => pattern.test(text));
      if (found) resolve(found);
      else waiting.push({ pattern, resolve });
    }),
    exited: new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr }))),
    indexerPids() {
      const indexers = processTree(child.pid!).filter((p) => p.pid !== child.pid && p.name === "node");
      if (!indexers.length) throw new Error("no indexer process under the build");
      return indexers.map((p) => p.pid);
    },
  };
}

/** Resolves once a file whose name matches `pattern` exists under `dir` (already there, or created later). */
async function fileAppears(dir: string, pattern: RegExp): Promise<void> {
  await new Promise<void>((resolve) => {
    // Watch first, then look: a file created in between is seen by one or the other.
    const watcher = watch(dir, { recursive: true }, (_event, name) => {
      if (name && pattern.test(String(name))) {
        watcher.close();
        resolve();
      }
    });
    void readdir(dir, { recursive: true }).then((names) => {
      if (names.some((name) => pattern.test(name))) {
        watcher.close();
        resolve();
      }
    });
  });
}

/** Freezes a process (SIGSTOP): it can neither finish its work nor exit until killed. */
function freeze(pid: number): void {
  process.kill(pid, "SIGSTOP");
}

function killGroup(run: RunningBuild): void {
  try {
    process.kill(-run.child.pid!, "SIGKILL");
  } catch {
    // The group has already ended.
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "toa-soan-atomic-"));
  content = path.join(root, "content");
  out = path.join(root, "_site");
  // Enough articles that each stage lasts longer than a kill takes to land.
  await generateCorpus({ dir: content, articles: 300, now: new Date(NOW) });
  const first = startBuild();
  expect((await first.exited).code).toBe(0);
  before = await manifest(out);
}, 300_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe("a build killed at any stage leaves the previous site whole", () => {
  it("has a previous site to protect: pages, feeds and the search index", () => {
    expect(before.has("index.html")).toBe(true);
    expect(before.has("pagefind/pagefind.js")).toBe(true);
    expect(before.size).toBeGreaterThan(800);
  });

  it("the indexer killed during the content check: the build fails, nothing is replaced", async () => {
    const run = startBuild();
    await run.line(/Đang kiểm tra nội dung/);
    for (const pid of run.indexerPids()) process.kill(pid, "SIGKILL");
    const { code, stderr } = await run.exited;
    killGroup(run);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Pagefind: the indexer stopped/);
    expect(await manifest(out)).toEqual(before);
    expect(existsSync(buildFolders(out).staging)).toBe(false);
  }, 120_000);

  // The build announces "pages" once the indexers have their first shard; frozen from then on, they cannot finish,
  // and neither can the build before the kill, whatever the timing.
  it("the whole build killed while Eleventy writes pages: the half-written site is never published", async () => {
    const run = startBuild();
    await run.line(/Đang dựng trang/);
    for (const pid of run.indexerPids()) freeze(pid);
    await fileAppears(buildFolders(out).staging, /\.html$/);
    killGroup(run);
    await run.exited;
    expect(await manifest(out)).toEqual(before);
    const written = (await readdir(buildFolders(out).staging, { recursive: true })).filter((f) => f.endsWith(".html"));
    expect(written.length).toBeGreaterThan(0);
  }, 120_000);

  it("the indexer killed while Eleventy writes pages: the build fails, nothing is replaced", async () => {
    const run = startBuild();
    await run.line(/Đang dựng trang/);
    const indexers = run.indexerPids();
    for (const pid of indexers) freeze(pid);
    await fileAppears(buildFolders(out).staging, /\.html$/);
    for (const pid of indexers) process.kill(pid, "SIGKILL");
    const { code } = await run.exited;
    killGroup(run);
    expect(code).toBe(1);
    expect(await manifest(out)).toEqual(before);
  }, 120_000);

  // The build announces "pages" only once the indexers have their first shard; frozen from then on, it cannot publish.
  it("the whole build killed while Pagefind writes the index: nothing is replaced", async () => {
    const run = startBuild();
    await run.line(/Đang dựng trang/);
    freeze(run.child.pid!);
    await fileAppears(buildFolders(out).staging, /^pagefind/);
    killGroup(run);
    await run.exited;
    expect(await manifest(out)).toEqual(before);
  }, 120_000);

  // The replaced site waits beside the new one until the next build removes it, while that build works.
  it("the next build after those kills publishes a whole new site, keeps the replaced one aside, and the build after removes it", async () => {
    const run = startBuild();
    const { code } = await run.exited;
    expect(code).toBe(0);
    const after = await manifest(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const { staging, previous } = buildFolders(out);
    expect(existsSync(staging)).toBe(false);
    expect(await manifest(previous)).toEqual(before);
    const next = startBuild();
    expect((await next.exited).code).toBe(0);
    expect([...(await manifest(previous)).keys()]).toEqual([...after.keys()]);
    expect(existsSync(staging)).toBe(false);
  }, 180_000);
});
