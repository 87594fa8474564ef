/**
 * `npx tsx scripts/prototype-split-index.ts [--articles N] [--shards K | --budget P] [--seed S] [--no-single] [--keep] [--out <file>]`
 * Measured prototype of a search index split by publication years (issue 6, docs/benchmark.md):
 * 1. generates the bench corpus and builds the site without search (a child process, so its memory is gone after);
 * 2. builds K Pagefind indexes one after another, each over a contiguous range of years (one Pagefind process
 *    alive at a time: createIndex → addHTMLFile → writeFiles to <out>/pagefind-<first>-<last>/ → close),
 *    then one single index over the same pages for comparison, timing each and polling the peak RSS of this
 *    process tree from /proc;
 * 3. compares searches on the shards (scripts/lib/search-shards.ts) with the single index: ranking, date order,
 *    filter counts, the search page's own `findArticles`, and the bytes a first search downloads.
 * Prints one JSON line and writes it to --out. Production keeps one index; this script changes nothing in the build.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import * as pagefind from "pagefind";
import { build } from "../lib/build.ts";
import { generateCorpus } from "./corpus.ts";
import { processTree, rssKiB } from "./process-tree.ts";
import { SEARCH_INDEX_CONFIG } from "../lib/search/index.ts";
import { openBundle, type PagefindApi, type PagefindFilters, type PagefindResult } from "../lib/search/node-client.ts";
import { kindOf, SEARCH_PAGE, type FileKind, type PageSearch } from "./search-bytes.ts";
import { openShards, SHARD_MANIFEST, type ShardedPagefind, type ShardInfo, type ShardManifest } from "./search-shards.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const SELF = fileURLToPath(import.meta.url);
const MiB = 1024 * 1024;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const load = () => os.loadavg().map((n) => round(n));

// ---------------------------------------------------------------------------------------------------------------
// Peak RSS of this process and its descendants (the site build's child, Pagefind's pagefind_extended), from /proc.
// scripts/bench.ts has the same poller but exports nothing (importing it runs the bench).

function treeRss(root: number): { total: number; byName: Record<string, number> } {
  const byName: Record<string, number> = {};
  let total = 0;
  for (const p of processTree(root)) {
    const mib = rssKiB(p.pid) / 1024;
    total += mib;
    byName[p.name] = (byName[p.name] ?? 0) + mib;
  }
  return { total, byName };
}

interface PhasePeak {
  peakMiB: number;
  atPeak: Record<string, number>;
}

/** Polls every 50 ms; `phase()` starts a new peak and returns the one just ended. */
function watchMemory(everyMs = 50) {
  let current: PhasePeak = { peakMiB: 0, atPeak: {} };
  const sample = () => {
    const { total, byName } = treeRss(process.pid);
    if (total > current.peakMiB) current = { peakMiB: total, atPeak: byName };
  };
  sample();
  const timer = setInterval(sample, everyMs);
  const finish = (): PhasePeak => {
    sample();
    const atPeak = Object.fromEntries(Object.entries(current.atPeak).map(([k, v]) => [k, round(v, 0)]).sort((a, b) => Number(b[1]) - Number(a[1])));
    return { peakMiB: round(current.peakMiB, 0), atPeak };
  };
  return {
    phase(): PhasePeak {
      const ended = finish();
      current = { peakMiB: 0, atPeak: {} };
      sample();
      return ended;
    },
    stop(): PhasePeak {
      clearInterval(timer);
      return finish();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The site without search, in a child process.

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Article pages and their years.

interface ArticlePage {
  file: string;
  url: string;
  year: number;
}

const YEAR = /<meta\s+data-pagefind-filter="year\[content\]"\s+content="(\d{4})"/;

async function articlePages(siteDir: string): Promise<ArticlePage[]> {
  const root = path.join(siteDir, "tin-tuc");
  const pages: ArticlePage[] = [];
  const head = Buffer.alloc(16 * 1024);
  for (const slug of (await readdir(root)).sort()) {
    const file = path.join(root, slug, "index.html");
    let handle;
    try {
      handle = await open(file);
    } catch {
      continue; // pagination folders have no index.html of their own at this level
    }
    try {
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const year = YEAR.exec(head.subarray(0, bytesRead).toString("utf8"))?.[1];
      if (year) pages.push({ file, url: `/tin-tuc/${slug}/`, year: Number(year) });
    } finally {
      await handle.close();
    }
  }
  return pages;
}

/** Contiguous year ranges, newest first: K groups minimising the largest (linear partition), or greedy under a budget. */
function planShards(counts: Map<number, number>, { shards, budget }: { shards?: number; budget?: number }): { firstYear: number; lastYear: number; pages: number }[] {
  const years = [...counts.keys()].sort((a, b) => b - a);
  const sizes = years.map((y) => counts.get(y)!);
  const groups: number[][] = [];
  if (shards) {
    const k = Math.min(shards, years.length);
    const n = years.length;
    const prefix = [0];
    for (const s of sizes) prefix.push(prefix.at(-1)! + s);
    // best[j][i]: the smallest possible largest group splitting the first i years into j groups.
    const best = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const cut = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
    best[0]![0] = 0;
    for (let j = 1; j <= k; j++) {
      for (let i = j; i <= n; i++) {
        for (let m = j - 1; m < i; m++) {
          const cost = Math.max(best[j - 1]![m]!, prefix[i]! - prefix[m]!);
          if (cost < best[j]![i]!) {
            best[j]![i] = cost;
            cut[j]![i] = m;
          }
        }
      }
    }
    for (let j = k, i = n; j > 0; j--) {
      const m = cut[j]![i]!;
      groups.unshift(years.slice(m, i));
      i = m;
    }
  } else {
    const limit = budget ?? 5000;
    let group: number[] = [];
    let size = 0;
    for (const [i, y] of years.entries()) {
      if (sizes[i]! > limit) throw new Error(`năm ${y} có ${sizes[i]} trang, vượt ngân sách ${limit}: cần chia theo tháng`);
      if (size + sizes[i]! > limit) {
        groups.push(group);
        group = [];
        size = 0;
      }
      group.push(y);
      size += sizes[i]!;
    }
    if (group.length) groups.push(group);
  }
  return groups.map((g) => ({ firstYear: Math.min(...g), lastYear: Math.max(...g), pages: g.reduce((n, y) => n + counts.get(y)!, 0) }));
}

// ---------------------------------------------------------------------------------------------------------------
// One Pagefind index over a list of pages: its own Pagefind process from createIndex to close.

interface IndexRun {
  dir: string;
  pages: number;
  addSeconds: number;
  writeSeconds: number;
  wallSeconds: number;
  peakMiB: number;
  atPeak: Record<string, number>;
  bytes: number;
  files: number;
  loadAverageEnd: number[];
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

async function buildIndex(siteDir: string, dir: string, pages: ArticlePage[], memory: ReturnType<typeof watchMemory>): Promise<IndexRun> {
  memory.phase();
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex(SEARCH_INDEX_CONFIG);
  if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
  try {
    // A few files in flight: Pagefind parses in its own process while Node reads the next ones.
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < pages.length) {
        const page = pages[next++]!;
        const added = await index.addHTMLFile({ url: page.url, content: await readFile(page.file, "utf8") });
        failures.push(...added.errors);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    if (failures.length) throw new Error(`Pagefind: ${failures.slice(0, 5).join("; ")}`);
    const added = performance.now();
    const written = await index.writeFiles({ outputPath: path.join(siteDir, dir) });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
    const done = performance.now();
    await pagefind.close();
    const peak = memory.phase();
    return {
      dir,
      pages: pages.length,
      addSeconds: round((added - started) / 1000),
      writeSeconds: round((done - added) / 1000),
      wallSeconds: round((performance.now() - started) / 1000),
      ...peak,
      ...(await folderSize(path.join(siteDir, dir))),
      loadAverageEnd: load(),
    };
  } finally {
    await pagefind.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Searching: what a first search downloads, on the single index and on the shards.

type Kind = FileKind;

interface Bytes {
  results: number;
  /** gzip bytes as measured: each opened bundle loads its own pagefind.js and WASM (Node imports each bundle's). */
  gzipBytes: number;
  /**
   * The same with pagefind.js and the WASM counted once: they are byte-identical in every bundle (checked), and
   * Pagefind's own `mergeIndex` instances reuse the primary's WASM (they init with load_wasm: false). Separate
   * `createInstance` calls, as here, each fetch `<basePath>wasm.vi.pagefind`: that is `gzipBytes`.
   */
  sharedRuntimeGzipBytes: number;
  byKind: Record<Kind, number>;
  bundles: string[];
}

const gzipCache = new Map<string, number>();
async function gzipSize(file: string): Promise<number> {
  let n = gzipCache.get(file);
  if (n === undefined) gzipCache.set(file, (n = gzipSync(await readFile(file), { level: 9 }).length));
  return n;
}

/** Runs `search` on a fresh API (single index or shards), loads the first page's fragments, sums the files read. */
async function measure(siteDir: string, sharded: boolean, search: (api: PagefindApi) => Promise<PagefindResult[]>): Promise<Bytes> {
  const fetched = new Map<string, { bundle: string; file: string; bytes: number }>();
  const record = (bundle: string, file: string, bytes: number) => fetched.set(`${bundle}/${file}`, { bundle, file, bytes });
  const api = sharded
    ? await openShards(siteDir, SEARCH_PAGE.pagefindOptions, record)
    : await openBundle(path.join(siteDir, "pagefind"), { pagefindOptions: SEARCH_PAGE.pagefindOptions, onFetch: (file, bytes) => record("pagefind", file, bytes) });
  let results = 0;
  try {
    const found = await search(api);
    results = found.length;
    await Promise.all(found.slice(0, SEARCH_PAGE.pageSize).map((r) => r.data()));
  } finally {
    if ("opened" in api) await api.close();
    else {
      (api as { close(): void }).close();
      await api.destroy();
    }
  }
  const bundles = [...new Set([...fetched.values()].map((f) => f.bundle))];
  for (const bundle of bundles) record(bundle, "pagefind.js", (await stat(path.join(siteDir, bundle, "pagefind.js"))).size);
  const byKind: Record<Kind, number> = { script: 0, worker: 0, wasm: 0, entry: 0, meta: 0, index: 0, filter: 0, fragment: 0 };
  let runtimeOnce = 0;
  for (const f of fetched.values()) {
    const kind = kindOf(f.file);
    const gz = kind === "script" || kind === "entry" ? await gzipSize(path.join(siteDir, f.bundle, f.file)) : f.bytes;
    byKind[kind] += gz;
    if ((kind === "script" || kind === "wasm") && f.bundle === bundles[0]) runtimeOnce += gz;
  }
  const total = Object.values(byKind).reduce((a, b) => a + b, 0);
  return { results, gzipBytes: total, sharedRuntimeGzipBytes: total - byKind.script - byKind.wasm + runtimeOnce, byKind, bundles };
}

/** Kendall's tau between two rankings of the same items (each a list of ids; only common ids count). */
function kendallTau(a: string[], b: string[]): number | null {
  const pos = new Map(b.map((id, i) => [id, i]));
  const common = a.filter((id) => pos.has(id));
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < common.length; i++) {
    for (let j = i + 1; j < common.length; j++) {
      if (pos.get(common[i]!)! < pos.get(common[j]!)!) concordant++;
      else discordant++;
    }
  }
  const pairs = concordant + discordant;
  return pairs ? round((concordant - discordant) / pairs, 3) : null;
}

const QUERIES: string[] = [
  "OCOP", "bưởi", "buoi", "đo lường", "do luong", "khoa học", "khoa hoc", "hội nghị sơ kết", "hoi nghi so ket",
  "chuyển đổi số quốc gia", "chuyen doi so quoc gia",
];

const SEARCH_SCRIPT = path.join(ROOT, "assets/js/lib/search-engine.js");
interface SearchScript {
  findArticles(pf: PagefindApi, state: Required<PageSearch> & { q: string }): Promise<PagefindResult[]>;
}

function sameCounts(a: Record<string, Record<string, number>>, b: Record<string, Record<string, number>>): { equal: boolean; differences: string[] } {
  const differences: string[] = [];
  for (const filter of new Set([...Object.keys(a), ...Object.keys(b)])) {
    for (const value of new Set([...Object.keys(a[filter] ?? {}), ...Object.keys(b[filter] ?? {})])) {
      const x = a[filter]?.[value] ?? 0;
      const y = b[filter]?.[value] ?? 0;
      if (x !== y) differences.push(`${filter}=${value}: ${x} vs ${y}`);
    }
  }
  return { equal: differences.length === 0, differences: differences.slice(0, 10) };
}

async function compare(siteDir: string, known: { title: string; url: string }, lastYear: number) {
  const single = await openBundle(path.join(siteDir, "pagefind"), { pagefindOptions: SEARCH_PAGE.pagefindOptions });
  const shards = await openShards(siteDir, SEARCH_PAGE.pagefindOptions);
  const script = (await import(pathToFileURL(SEARCH_SCRIPT).href)) as SearchScript;
  try {
    // Do the same pages get the same result id in both? (Ids are hashes of each page's fragment.)
    const probe = (await single.search("OCOP")).results.slice(0, 5);
    const probeUrls = await Promise.all(probe.map(async (r) => (await r.data()).url));
    const shardIds = new Map<string, string>();
    for (const r of (await shards.search("OCOP")).results) shardIds.set(r.id, r.shard);
    const idsMatch = probe.every((r) => shardIds.has(r.id));

    // Relevance.
    const ranking = [];
    for (const q of [...QUERIES, known.title]) {
      const s = (await single.search(q)).results;
      const m = (await shards.search(q)).results;
      const sIds = s.map((r) => r.id);
      const mIds = m.map((r) => r.id);
      const mPos = new Map(mIds.map((id, i) => [id, i + 1]));
      const sSet = new Set(sIds);
      const overlap = (k: number) => {
        const top = new Set(sIds.slice(0, k));
        return mIds.slice(0, k).filter((id) => top.has(id)).length;
      };
      const row: Record<string, unknown> = {
        query: q,
        singleResults: s.length,
        shardedResults: m.length,
        onlyInSingle: sIds.filter((id) => !mPos.has(id)).length,
        onlyInShards: mIds.filter((id) => !sSet.has(id)).length,
        overlapAt10: overlap(10),
        overlapAt100: overlap(100),
        kendallTauTop100: kendallTau(sIds.slice(0, 100), mIds),
        singleTop10InMerged: sIds.slice(0, 10).map((id) => mPos.get(id) ?? null),
      };
      if (q === known.title) {
        const sIndex = await Promise.all(s.slice(0, 20).map(async (r) => (await r.data()).url));
        const mIndex = await Promise.all(m.slice(0, 20).map(async (r) => (await r.data()).url));
        row.knownPositionSingle = sIndex.indexOf(known.url) + 1 || null;
        row.knownPositionMerged = mIndex.indexOf(known.url) + 1 || null;
      }
      // Score drift: the same page's score in its shard over its score in the single index, per shard.
      const sScore = new Map(s.map((r) => [r.id, r.score]));
      const ratios: Record<string, { min: number; max: number }> = {};
      for (const r of m) {
        const x = sScore.get(r.id);
        if (x === undefined || x === 0) continue;
        const q = r.score / x;
        const range = (ratios[r.shard] ??= { min: q, max: q });
        range.min = Math.min(range.min, q);
        range.max = Math.max(range.max, q);
      }
      row.scoreRatioShardOverSingle = Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, [round(v.min, 3), round(v.max, 3)]]));
      // Ties: with template-made text many pages score alike, so "the" top 10 of the single index is one choice
      // among the pages scoring at least its 10th score. A merged top 10 is as good when all its pages are among them.
      const tenth = s[Math.min(9, s.length - 1)]?.score ?? 0;
      row.singleAtLeastTenthScore = s.filter((r) => r.score >= tenth * (1 - 1e-9)).length;
      const single10 = s.slice(0, 10).reduce((n, r) => n + r.score, 0);
      const judge = (list: { id: string }[]) => {
        const top = list.slice(0, 10);
        return {
          eligibleAt10: top.filter((r) => (sScore.get(r.id) ?? 0) >= tenth * (1 - 1e-9)).length,
          // The merged top 10's relevance in the single index's own terms, against the single index's top 10.
          singleScoreRetained: single10 ? round(top.reduce((n, r) => n + (sScore.get(r.id) ?? 0), 0) / single10, 3) : null,
        };
      };
      // Other merges, for comparison: each shard's scores divided by its best score; and shards interleaved by rank.
      const byShard = new Map<string, typeof m>();
      for (const r of m) byShard.set(r.shard, [...(byShard.get(r.shard) ?? []), r]);
      const normalised = m.map((r) => ({ id: r.id, key: r.score / (byShard.get(r.shard)![0]!.score || 1) })).sort((a, b) => b.key - a.key);
      const interleaved: { id: string }[] = [];
      for (let i = 0; interleaved.length < Math.min(10, m.length); i++) for (const list of byShard.values()) if (list[i]) interleaved.push(list[i]!);
      row.merges = { score: judge(m), normalisedScore: judge(normalised), roundRobin: judge(interleaved) };
      ranking.push(row);
    }

    // Date order: every result, newest first, id for id.
    const dateOrder = [];
    const dateCases: { term: string | null; filters: PagefindFilters }[] = [
      { term: null, filters: { category: "Thông báo" } },
      { term: null, filters: {} },
      ...QUERIES.slice(0, 6).map((q) => ({ term: q, filters: {} })),
      { term: "OCOP", filters: { category: "Sở hữu trí tuệ" } },
    ];
    for (const c of dateCases) {
      const s = (await single.search(c.term, { filters: c.filters, sort: { date: "desc" } })).results.map((r) => r.id);
      const m = (await shards.search(c.term, { filters: c.filters, sort: { date: "desc" } })).results.map((r) => r.id);
      const firstDifference = s.findIndex((id, i) => m[i] !== id);
      dateOrder.push({ term: c.term, filters: c.filters, single: s.length, sharded: m.length, identical: firstDifference === -1 && s.length === m.length, firstDifference: firstDifference === -1 ? null : firstDifference });
    }

    // Filters: the counts of every value, with no query and with a query.
    const filterChecks = [];
    filterChecks.push({ query: null, ...sameCounts(await single.filters(), await shards.filters()) });
    for (const q of ["OCOP", "đo lường", "khoa hoc"]) {
      const s = await single.search(q);
      const m = await shards.search(q);
      filterChecks.push({ query: q, filtersEqual: sameCounts(s.filters, m.filters), totalFiltersEqual: sameCounts(s.totalFilters, m.totalFilters) });
    }
    const categoryCounts = [];
    for (const [category, count] of Object.entries((await single.filters()).category ?? {})) {
      const m = (await shards.search(null, { filters: { category } })).results.length;
      categoryCounts.push({ category, single: count, sharded: m });
    }

    // The search page's own logic (assets/js/lib/search-engine.js findArticles), unchanged, on both.
    const y = lastYear - 3;
    const states: (Required<PageSearch> & { q: string })[] = [
      { q: "đo lường", categoryName: "", from: `${y}-03-15`, to: `${y}-09-10`, sort: "moi-nhat" },
      { q: "đo lường", categoryName: "", from: `${y}-03-15`, to: `${y}-09-10`, sort: "lien-quan" },
      { q: "", categoryName: "Thông báo", from: `${y - 1}-11-20`, to: `${y}-02-10`, sort: "lien-quan" },
      { q: "OCOP", categoryName: "Sở hữu trí tuệ", from: "", to: "", sort: "moi-nhat" },
      { q: "hoi nghi so ket", categoryName: "", from: "", to: "", sort: "lien-quan" },
    ];
    const page = [];
    for (const state of states) {
      const s = (await script.findArticles(single, state)).map((r) => r.id);
      const m = (await script.findArticles(shards, state)).map((r) => r.id);
      const top = new Set(s.slice(0, 10));
      page.push({ state, single: s.length, sharded: m.length, identicalOrder: s.length === m.length && s.every((id, i) => m[i] === id), overlapAt10: m.slice(0, 10).filter((id) => top.has(id)).length });
    }
    return { idsMatch, probeUrls, ranking, dateOrder, filterChecks, categoryCounts, page, states };
  } finally {
    single.close();
    await single.destroy();
    await shards.close();
  }
}

async function bytes(siteDir: string, states: (Required<PageSearch> & { q: string })[]) {
  const script = (await import(pathToFileURL(SEARCH_SCRIPT).href)) as SearchScript;
  const rows: { label: string; single: Bytes; sharded: Bytes }[] = [];
  const both = async (label: string, search: (api: PagefindApi) => Promise<PagefindResult[]>) => {
    const single = await measure(siteDir, false, search);
    const sharded = await measure(siteDir, true, search);
    rows.push({ label, single, sharded });
  };
  for (const q of QUERIES) await both(q, async (api) => (await api.search(q)).results);
  await both("OCOP + category", async (api) => (await api.search("OCOP", { filters: { category: "Sở hữu trí tuệ" } })).results);
  await both("(no query) Thông báo, newest first", async (api) => (await api.search(null, { filters: { category: "Thông báo" }, sort: { date: "desc" } })).results);
  // Newest first, lazily: the shards API stops at the first shard that fills a page; the single index is the same search.
  await both("(no query) Thông báo, newest first, lazy", async (api) =>
    "searchNewestFirst" in api
      ? (await (api as ShardedPagefind).searchNewestFirst(null, { category: "Thông báo" }, SEARCH_PAGE.pageSize)).results
      : (await api.search(null, { filters: { category: "Thông báo" }, sort: { date: "desc" } })).results,
  );
  for (const state of states) await both(`page: ${JSON.stringify(state)}`, (api) => script.findArticles(api, state));
  return rows;
}

async function runtimeIdentical(siteDir: string, dirs: string[]): Promise<boolean> {
  const hashes = new Set<string>();
  for (const dir of dirs) {
    const files = (await readdir(path.join(siteDir, dir))).filter((f) => f === "pagefind.js" || f.startsWith("wasm."));
    const h = createHash("sha256");
    for (const f of files.sort()) h.update(f).update(await readFile(path.join(siteDir, dir, f)));
    hashes.add(h.digest("hex"));
  }
  return hashes.size === 1;
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "20000" },
      shards: { type: "string" },
      budget: { type: "string" },
      seed: { type: "string", default: "1" },
      "no-single": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      out: { type: "string" },
      // Internal: the site build's child process.
      "site-only": { type: "boolean", default: false },
      content: { type: "string" },
      site: { type: "string" },
    },
  });
  if (values["site-only"]) {
    await build({ content: values.content!, out: values.site!, search: false });
    return;
  }
  const articles = Number(values.articles);
  const seed = Number(values.seed);
  const shardCount = values.shards ? Number(values.shards) : undefined;
  const budget = values.budget ? Number(values.budget) : undefined;
  if (!Number.isInteger(articles) || articles < 1) throw new Error("--articles phải là số nguyên dương");
  if (shardCount !== undefined && !(Number.isInteger(shardCount) && shardCount >= 1)) throw new Error("--shards phải là số nguyên dương");
  if (budget !== undefined && !(Number.isInteger(budget) && budget >= 1)) throw new Error("--budget phải là số nguyên dương");
  const withSingle = !values["no-single"];

  const loadAverageStart = load();
  const memory = watchMemory();
  const work = await mkdtemp(path.join(os.tmpdir(), "toa-soan-split-"));
  const site = path.join(work, "site");
  try {
    let t = performance.now();
    const corpus = await generateCorpus({ dir: path.join(work, "content"), articles, seed });
    const corpusSeconds = round((performance.now() - t) / 1000);
    memory.phase();

    t = performance.now();
    await run(process.execPath, ["--import", "tsx", SELF, "--site-only", "--content", corpus.dir, "--site", site]);
    const siteBuild = { wallSeconds: round((performance.now() - t) / 1000), ...memory.phase(), loadAverageEnd: load() };

    const pages = await articlePages(site);
    const counts = new Map<number, number>();
    for (const p of pages) counts.set(p.year, (counts.get(p.year) ?? 0) + 1);
    const plan = planShards(counts, { shards: shardCount, budget: shardCount ? undefined : budget });

    const shardRuns: IndexRun[] = [];
    const manifest: ShardManifest = { shards: [] };
    for (const s of plan) {
      const dir = s.firstYear === s.lastYear ? `pagefind-${s.firstYear}` : `pagefind-${s.firstYear}-${s.lastYear}`;
      const run = await buildIndex(site, dir, pages.filter((p) => p.year >= s.firstYear && p.year <= s.lastYear), memory);
      shardRuns.push(run);
      manifest.shards.push({ dir, firstYear: s.firstYear, lastYear: s.lastYear, pages: s.pages } satisfies ShardInfo);
      console.error(`shard ${dir}: ${run.pages} pages, ${run.wallSeconds} s, peak ${run.peakMiB} MiB, load ${run.loadAverageEnd.join(" ")}`);
    }
    await writeFile(path.join(site, SHARD_MANIFEST), JSON.stringify(manifest, null, 2));
    const singleRun = withSingle ? await buildIndex(site, "pagefind", pages, memory) : undefined;
    if (singleRun) console.error(`single: ${singleRun.pages} pages, ${singleRun.wallSeconds} s, peak ${singleRun.peakMiB} MiB, load ${singleRun.loadAverageEnd.join(" ")}`);

    const lastYear = Math.max(...counts.keys());
    const correctness = withSingle ? await compare(site, corpus.known, lastYear) : undefined;
    const downloads = withSingle && correctness ? await bytes(site, correctness.states) : undefined;
    const verify = memory.stop();

    const result = {
      articles,
      seed,
      measuredAt: new Date().toISOString(),
      machine: { cores: os.cpus().length, memoryMiB: Math.round(os.totalmem() / MiB), node: process.version, loadAverageStart, loadAverageEnd: load() },
      corpusSeconds,
      articlePages: pages.length,
      pagesPerYear: Object.fromEntries([...counts].sort((a, b) => a[0] - b[0])),
      siteBuild,
      shards: shardRuns,
      shardsTotalSeconds: round(shardRuns.reduce((n, r) => n + r.wallSeconds, 0)),
      shardsPeakMiB: Math.max(...shardRuns.map((r) => r.peakMiB)),
      single: singleRun ?? null,
      runtimeIdenticalAcrossBundles: await runtimeIdentical(site, [...manifest.shards.map((s) => s.dir), ...(withSingle ? ["pagefind"] : [])]),
      correctness: correctness ?? null,
      firstSearch: downloads ?? null,
      verifyPeakMiB: verify.peakMiB,
      dir: values.keep ? work : null,
    };
    const json = JSON.stringify(result);
    const file = path.resolve(values.out ?? `.bench/split-index-${articles}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, json + "\n");
    console.log(json);
  } finally {
    memory.stop();
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
