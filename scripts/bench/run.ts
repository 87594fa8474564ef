/**
 * `npm run bench -- [--articles N] [--photos N] [--out <file>] [--keep] [--seed S] [--hugo] [--cpu-prof <dir>]`
 * Generates a corpus into a temp folder, runs the production build on it as a user would (a child process, so the
 * wall time includes process start), and prints one JSON line: times, peak RSS of the build's process tree, sizes,
 * first-search downloads and an article page's weight. `--hugo` also builds the corpus with Hugo + Pagefind's CLI.
 * `--photos N` gives the first N articles a phone-sized photo each, builds with an empty image cache, then builds
 * again with the cache it left: the first build encodes every photo, the rebuild none.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { site } from "../../site.config.ts";
import { generateCorpus, type Corpus } from "./corpus.ts";
import { generatePhotos } from "./photos.ts";
import { FOLDERS } from "../lib/content/load.ts";
import { processTree, rssKiB } from "./process-tree.ts";
import { type PagefindFilters } from "../lib/search/node-client.ts";
import { measureFirstSearch, SEARCH_PAGE } from "./search-bytes.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MiB = 1024 * 1024;

/** The commit measured, and whether tracked files differed from it (others edit the tree while benches run). */
function revision(): { commit: string | null; modified: string[] } {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" });
  return {
    commit: head.status === 0 ? head.stdout.trim() : null,
    modified: status.status === 0 ? status.stdout.split("\n").filter(Boolean).map((l) => l.slice(3)) : [],
  };
}

/** First searches measured on every build: one, two, four and five syllables, with and without tones, and a filter. */
export const QUERIES: { query: string; filters?: PagefindFilters }[] = [
  { query: "OCOP" },
  { query: "bưởi" },
  { query: "buoi" },
  { query: "đo lường" },
  { query: "do luong" },
  { query: "khoa học" },
  { query: "khoa hoc" },
  { query: "hội nghị sơ kết" },
  { query: "hoi nghi so ket" },
  { query: "chuyển đổi số quốc gia" },
  { query: "chuyen doi so quoc gia" },
  { query: "OCOP", filters: { category: "Sở hữu trí tuệ" } },
];

/** The search page opened from the sidebar with a category only: newest first, no query. */
const BROWSE: { query: null; filters: PagefindFilters } = { query: null, filters: { category: "Thông báo" } };

// ---------------------------------------------------------------------------------------------------------------
// Peak memory: the RSS of a process and all its descendants, from /proc (no /usr/bin/time needed).

export interface TreeMemory {
  peakMiB: number;
  /** Highest total before a Pagefind process appeared (Eleventy and process start). */
  peakBeforeIndexMiB: number;
  /** Highest total while a Pagefind process was alive (the index). */
  peakWhileIndexingMiB: number;
  /** Each process of the tree at the moment of the peak. */
  atPeak: { pid: number; name: string; rssMiB: number }[];
  /** CPU seconds by process name (user + system), e.g. node vs pagefind_extend. */
  cpuSeconds: Record<string, number>;
  /** [seconds since start, MiB, CPU seconds so far of Pagefind, of the rest of the tree], one sample a second. */
  timeline: [number, number, number, number][];
  samples: number;
}

/** Samples the tree's summed VmRSS every `everyMs` until `stop()`. */
function watchTree(root: number, everyMs = 50): { stop(): TreeMemory } {
  const started = performance.now();
  const memory: TreeMemory = { peakMiB: 0, peakBeforeIndexMiB: 0, peakWhileIndexingMiB: 0, atPeak: [], cpuSeconds: {}, timeline: [], samples: 0 };
  const cpu = new Map<number, { name: string; seconds: number }>();
  let nextSecond = 0;
  const sample = () => {
    const tree = processTree(root);
    if (tree.length === 0) return;
    for (const p of tree) cpu.set(p.pid, { name: p.name, seconds: p.cpu });
    const rows = tree.map((p) => ({ pid: p.pid, name: p.name, rssMiB: rssKiB(p.pid) / 1024 }));
    const total = rows.reduce((n, r) => n + r.rssMiB, 0);
    memory.samples++;
    if (rows.some((r) => /pagefind/i.test(r.name))) memory.peakWhileIndexingMiB = Math.max(memory.peakWhileIndexingMiB, total);
    else memory.peakBeforeIndexMiB = Math.max(memory.peakBeforeIndexMiB, total);
    if (total > memory.peakMiB) {
      memory.peakMiB = total;
      memory.atPeak = rows.filter((r) => r.rssMiB > 0);
    }
    const seconds = (performance.now() - started) / 1000;
    if (seconds >= nextSecond) {
      let pagefind = 0;
      let rest = 0;
      for (const c of cpu.values()) if (/pagefind/i.test(c.name)) pagefind += c.seconds; else rest += c.seconds;
      memory.timeline.push([round(seconds, 1), round(total, 0), round(pagefind, 1), round(rest, 1)]);
      nextSecond = Math.floor(seconds) + 1;
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      memory.peakMiB = round(memory.peakMiB, 1);
      memory.peakBeforeIndexMiB = round(memory.peakBeforeIndexMiB, 1);
      memory.peakWhileIndexingMiB = round(memory.peakWhileIndexingMiB, 1);
      for (const c of cpu.values()) memory.cpuSeconds[c.name] = round((memory.cpuSeconds[c.name] ?? 0) + c.seconds, 2);
      memory.atPeak = memory.atPeak.map((r) => ({ ...r, rssMiB: round(r.rssMiB, 1) })).sort((a, b) => b.rssMiB - a.rssMiB);
      return memory;
    },
  };
}

interface Run {
  wallSeconds: number;
  stdout: string;
  stderr: string;
  memory: TreeMemory;
}

/** Runs a command to completion, timing it from spawn to exit and watching its process tree's memory. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const watcher = watchTree(child.pid!);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const memory = watcher.stop();
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr || stdout}`));
      else resolve({ wallSeconds, stdout, stderr, memory });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes.

interface Sizes {
  files: number;
  htmlFiles: number;
  bytes: number;
  indexFiles: number;
  indexBytes: number;
}

async function sizes(dir: string): Promise<Sizes> {
  const s: Sizes = { files: 0, htmlFiles: 0, bytes: 0, indexFiles: 0, indexBytes: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = (await stat(file)).size;
    s.files++;
    s.bytes += bytes;
    if (entry.name.endsWith(".html")) s.htmlFiles++;
    if (path.relative(dir, file).split(path.sep)[0] === "pagefind") {
      s.indexFiles++;
      s.indexBytes += bytes;
    }
  }
  return s;
}

const gzip = (data: Buffer) => gzipSync(data, { level: 9 }).length;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Asset {
  url: string;
  type: "html" | "css" | "js";
  bytes: number;
  gzipBytes: number;
}

/** An article page with the stylesheets and scripts it loads, each gzip-compressed (images aside). */
async function pageWeight(siteDir: string, url: string) {
  const html = await readFile(path.join(siteDir, url, "index.html"));
  const text = html.toString("utf8");
  const assets: Asset[] = [{ url, type: "html", bytes: html.length, gzipBytes: gzip(html) }];
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag)?.slice(2).find((v) => v !== undefined);
  const refs: { href: string; type: "css" | "js" }[] = [];
  for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, "href");
    if (href && /\bstylesheet\b/i.test(attr(tag, "rel") ?? "")) refs.push({ href, type: "css" });
  }
  for (const [tag] of text.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) refs.push({ href: src, type: "js" });
  }
  const missing: string[] = [];
  for (const ref of refs) {
    const local = new URL(ref.href, `http://site${url}`);
    if (local.host !== "site") {
      missing.push(ref.href);
      continue;
    }
    try {
      const data = await readFile(path.join(siteDir, decodeURIComponent(local.pathname)));
      assets.push({ url: local.pathname, type: ref.type, bytes: data.length, gzipBytes: gzip(data) });
    } catch {
      missing.push(ref.href);
    }
  }
  const sum = (type?: Asset["type"]) => assets.filter((a) => !type || a.type === type).reduce((n, a) => n + a.gzipBytes, 0);
  return { url, htmlGzip: sum("html"), cssGzip: sum("css"), jsGzip: sum("js"), totalGzip: sum(), assets, missing };
}

// ---------------------------------------------------------------------------------------------------------------
// Hugo, side by side: the same Markdown with Hugo's date format, a minimal layout with the same Pagefind markup.

const HUGO_LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ site.Title }}</title>{{ block "head" . }}{{ end }}</head>
<body><header><a href="/">{{ site.Title }}</a><nav>{{ range site.Taxonomies.categories }}<a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  "_default/single.html": `{{ define "head" }}{{ with .Params.categories }}<meta data-pagefind-filter="category[content]" content="{{ index . 0 }}">{{ end }}
<meta data-pagefind-filter="year[content]" content="{{ .Date.Format "2006" }}"><meta data-pagefind-filter="month[content]" content="{{ .Date.Format "2006-01" }}">
<meta data-pagefind-sort="date[content]" content="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ end }}
{{ define "main" }}<article data-pagefind-body><h1 data-pagefind-meta="title">{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}" data-pagefind-meta="date">{{ .Date.Format "02/01/2006 15:04" }}</time></p>
{{ .Content }}</article>{{ end }}
`,
  "_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages }}<ul>{{ range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}</li>{{ end }}</ul>
{{ with $pager.Prev }}<a href="{{ .URL }}">Trước</a>{{ end }} {{ with $pager.Next }}<a href="{{ .URL }}">Sau</a>{{ end }}{{ end }}
`,
  "index.html": `{{ define "main" }}<ul>{{ range first 20 site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
};

/** "19/06/2020 08:02" → "2020-06-19T08:02:00+07:00", and the category as Hugo's taxonomy. */
function toHugo(markdown: string): string {
  return markdown
    .replace(/^date: "(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})"$/m, 'date: "$3-$2-$1T$4:$5:00+07:00"')
    .replace(/^category: (.*)$/m, "category: $1\ncategories: [$1]");
}

async function benchHugo(corpus: Corpus, work: string) {
  const version = spawnSync("hugo", ["version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) return { skipped: "hugo không có trên PATH" };
  const source = path.join(work, "hugo");
  const out = path.join(work, "hugo-public");
  const content = path.join(source, "content", "tin-tuc");
  await mkdir(content, { recursive: true });
  const articlesDir = path.join(corpus.dir, FOLDERS.articles);
  for (const entry of await readdir(articlesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    await writeFile(path.join(content, entry.name), toHugo(await readFile(path.join(entry.parentPath, entry.name), "utf8")));
  }
  await writeFile(
    path.join(source, "hugo.toml"),
    `baseURL = "${site.url}/"\nlanguageCode = "vi"\ntitle = "${site.name}"\npaginate = ${site.pageSize}\nrssLimit = ${site.pageSize}\ntimeZone = "${site.timeZone}"\n[taxonomies]\n  category = "categories"\n`,
  );
  for (const [file, text] of Object.entries(HUGO_LAYOUTS)) {
    await mkdir(path.dirname(path.join(source, "layouts", file)), { recursive: true });
    await writeFile(path.join(source, "layouts", file), text);
  }
  const hugoSite = await run("hugo", ["--quiet", "--source", source, "--destination", out]);
  const pagefind = await run("npx", ["--no-install", "pagefind", "--site", out, "--force-language", "vi"]);
  const s = await sizes(out);
  return {
    version: version.stdout.trim(),
    pages: s.htmlFiles,
    outputBytes: s.bytes,
    siteWallSeconds: round(hugoSite.wallSeconds),
    sitePeakRssMiB: hugoSite.memory.peakMiB,
    pagefindWallSeconds: round(pagefind.wallSeconds),
    pagefindPeakRssMiB: pagefind.memory.peakMiB,
    indexBytes: s.indexBytes,
    indexFiles: s.indexFiles,
    totalWallSeconds: round(hugoSite.wallSeconds + pagefind.wallSeconds),
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** `npm run dev` on the corpus: the first page, then the seconds from a saved edit to the edited article's page. */
async function previewEdit({ dir, known }: Corpus): Promise<{ firstPageSeconds: number; editSeconds: number[] }> {
  const { createPreview } = await import("../lib/server/preview.ts");
  let started = performance.now();
  const preview = createPreview(dir);
  preview.render("/");
  const firstPageSeconds = round((performance.now() - started) / 1000);
  const editSeconds: number[] = [];
  const original = await readFile(known.file, "utf8");
  for (let i = 1; i <= 3; i++) {
    await writeFile(known.file, `${original}\nĐoạn sửa thứ ${i}.\n`);
    started = performance.now();
    // What the file watcher of scripts/preview.ts does on a save.
    preview.invalidate();
    const page = preview.render(known.url);
    if (!page.html.includes(`Đoạn sửa thứ ${i}.`)) throw new Error("the preview did not show the edit");
    editSeconds.push(round((performance.now() - started) / 1000, 3));
  }
  await writeFile(known.file, original);
  return { firstPageSeconds, editSeconds };
}

interface BuildReport {
  pages: number;
  checkSeconds: number;
  siteSeconds: number;
  searchSeconds: number;
  imageSeconds: number;
  images: { images: number; encoded: number; reused: number; files: number };
  seconds: number;
}

/** Puts a generated photo, with its description and caption, on each of the first `count` articles. */
async function addPhotos(corpus: Corpus, count: number, seed: number): Promise<{ count: number; originalBytes: number; seconds: number }> {
  const started = performance.now();
  const { names, bytes } = await generatePhotos(path.join(corpus.dir, FOLDERS.images, "bench"), count, seed);
  const articlesDir = path.join(corpus.dir, FOLDERS.articles);
  const files = (await readdir(articlesDir, { recursive: true })).filter((f) => f.endsWith(".md")).sort();
  for (const [i, name] of names.entries()) {
    const file = path.join(articlesDir, files[i]!);
    const text = await readFile(file, "utf8");
    const fields = `image: /images/bench/${name}\nimage_alt: "Ảnh minh họa số ${i + 1}"\nimage_caption: "Chú thích ảnh số ${i + 1}."\nimage_credit: "Phóng viên"\n`;
    await writeFile(file, text.replace(/^---\n/, `---\n${fields}`));
  }
  return { count, originalBytes: bytes, seconds: round((performance.now() - started) / 1000) };
}

/** The image figures of a first build (empty cache) and a rebuild (the cache it left). */
function photoReport(set: { count: number; originalBytes: number; seconds: number }, first: Run, reported: BuildReport, again: Run, published: Sizes) {
  const line = again.stdout.split("\n").reverse().find((l) => l.startsWith("{"));
  if (!line) throw new Error(`the rebuild printed no JSON line:\n${again.stdout}`);
  const second = JSON.parse(line) as BuildReport;
  const figures = (wall: number, r: BuildReport, memory: TreeMemory) => ({
    wallSeconds: round(wall),
    imageSeconds: round(r.imageSeconds),
    siteSeconds: round(r.siteSeconds),
    encoded: r.images.encoded,
    reused: r.images.reused,
    peakRssMiB: memory.peakMiB,
  });
  return {
    count: set.count,
    generateSeconds: set.seconds,
    originalBytes: set.originalBytes,
    publishedFiles: published.files,
    publishedBytes: published.bytes,
    first: figures(first.wallSeconds, reported, first.memory),
    rebuild: figures(again.wallSeconds, second, again.memory),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "10000" },
      out: { type: "string", default: ".bench/result.json" },
      keep: { type: "boolean", default: false },
      seed: { type: "string", default: "1" },
      hugo: { type: "boolean", default: false },
      photos: { type: "string", default: "0" },
      "cpu-prof": { type: "string" },
    },
  });
  const articles = Number(values.articles);
  const seed = Number(values.seed);
  if (!Number.isInteger(articles) || articles < 1) throw new Error("--articles phải là số nguyên dương");
  if (!Number.isInteger(seed)) throw new Error("--seed phải là số nguyên");
  const photos = Number(values.photos);
  if (!Number.isInteger(photos) || photos < 0 || photos > articles) throw new Error("--photos phải là số nguyên từ 0 đến số bài (--articles)");

  const loadStart = os.loadavg().map((n) => round(n));
  const measured = revision();
  const work = await mkdtemp(path.join(os.tmpdir(), "toa-soan-bench-"));
  try {
    const started = performance.now();
    const corpus = await generateCorpus({ dir: path.join(work, "content"), articles, seed });
    const corpusSeconds = (performance.now() - started) / 1000;
    const photoSet = photos > 0 ? await addPhotos(corpus, photos, seed) : undefined;

    const out = path.join(work, "site");
    const imageCache = path.join(work, "image-cache");
    const buildArgs = ["--content", corpus.dir, "--out", out, "--json", "--image-cache", imageCache];
    // Node refuses --cpu-prof in NODE_OPTIONS, so a profiled build runs node itself (no npm, no tsx launcher).
    const profile = values["cpu-prof"] ? path.resolve(values["cpu-prof"]) : undefined;
    const build = profile
      ? await run(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profile, "--import", "tsx", "scripts/build.ts", ...buildArgs])
      : await run("npm", ["run", "--silent", "build", "--", ...buildArgs]);
    const line = build.stdout.split("\n").reverse().find((l) => l.startsWith("{"));
    if (!line) throw new Error(`the build printed no JSON line:\n${build.stdout}`);
    const reported = JSON.parse(line) as BuildReport;
    const rebuildArgs = ["--content", corpus.dir, "--out", path.join(work, "site-again"), "--json", "--image-cache", imageCache];
    const rebuild = photoSet ? await run("npm", ["run", "--silent", "build", "--", ...rebuildArgs]) : undefined;

    const s = await sizes(out);
    const firstSearch = [];
    for (const { query, filters = {} } of QUERIES) {
      const m = await measureFirstSearch(out, query, filters);
      firstSearch.push({ query, filters, results: m.results, bytes: m.bytes, gzipBytes: m.gzipBytes, byKind: m.byKind });
    }
    const browse = await measureFirstSearch(out, BROWSE.query, BROWSE.filters);
    const articlePage = await pageWeight(out, corpus.known.url);
    const preview = await previewEdit(corpus);
    const hugo = values.hugo ? await benchHugo(corpus, work) : undefined;

    const result = {
      articles,
      seed,
      measuredAt: new Date().toISOString(),
      revision: measured,
      machine: { cores: os.cpus().length, memoryMiB: Math.round(os.totalmem() / MiB), node: process.version, loadAverageStart: loadStart, loadAverageEnd: os.loadavg().map((n) => round(n)) },
      corpus: { seconds: round(corpusSeconds), words: corpus.words, pages: corpus.pages, schedule: corpus.schedule, known: corpus.known },
      pages: s.htmlFiles,
      templatesWritten: reported.pages,
      wallSeconds: round(build.wallSeconds),
      checkSeconds: round(reported.checkSeconds),
      siteSeconds: round(reported.siteSeconds),
      // The index is built in another process while Eleventy renders: this overlaps siteSeconds.
      searchSeconds: round(reported.searchSeconds),
      // Process start and TypeScript loading: what the build's own timers do not see.
      startupSeconds: round(build.wallSeconds - reported.seconds),
      peakRssMiB: build.memory.peakMiB,
      memory: build.memory,
      outputBytes: s.bytes,
      outputFiles: s.files,
      indexBytes: s.indexBytes,
      indexFiles: s.indexFiles,
      // What the search page loads per search (results per page, Pagefind options, worker): measureFirstSearch's defaults.
      firstSearchSettings: SEARCH_PAGE,
      firstSearch,
      firstSearchMaxGzipBytes: Math.max(...firstSearch.map((f) => f.gzipBytes)),
      browse: { query: browse.query, filters: browse.filters, results: browse.results, bytes: browse.bytes, gzipBytes: browse.gzipBytes },
      articlePage,
      ...(photoSet && rebuild ? { photos: photoReport(photoSet, build, reported, rebuild, await sizes(path.join(out, "img"))) } : {}),
      preview,
      ...(hugo ? { hugo } : {}),
      profile: profile ?? null,
      dir: values.keep ? work : null,
    };
    const json = JSON.stringify(result);
    const file = path.resolve(values.out!);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, json + "\n");
    console.log(json);
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
