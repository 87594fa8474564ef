/**
 * `npm run bench -- [--articles N] [--photos N] [--out <file>] [--keep] [--seed S] [--hugo] [--cpu-prof <dir>]`
 * Generates a corpus into a temp folder, runs the production build on it as a user would (a child process, so the
 * wall time includes process start), and prints one JSON line: times, peak RSS of the build's process tree, sizes,
 * first-search downloads and an article page's weight. `--hugo` also builds the corpus with Hugo + Pagefind's CLI.
 * `--photos N` gives the first N articles a phone-sized photo each, builds with an empty image cache, then builds
 * again with the cache it left: the first build encodes every photo, the rebuild none.
 */
import { spawn, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { site } from "../../site.config.ts";
import { generateCorpus, type Corpus } from "./corpus.ts";
import { generatePhotos } from "./photos.ts";
import { FOLDERS } from "../lib/content/load.ts";
import { DateTime } from "luxon";
import { processTree, rssKiB } from "./process-tree.ts";
import type { BuildResult } from "../lib/build.ts";
import { loadContent } from "../lib/content/load.ts";
import { searchEntries, startSearchIndex } from "../lib/search/index.ts";
import { type PagefindFilters } from "../lib/search/node-client.ts";
import { ImageLibrary } from "../lib/site/images.ts";
import { createNewsroom } from "../lib/site/newsroom.ts";
import { measureFirstSearch, SEARCH_PAGE, type PageSearch } from "./search-bytes.ts";

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
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}" data-pagefind-meta="date:{{ .Date.Format "02/01/2006" }}">{{ .Date.Format "02/01/2006 15:04" }}</time></p>
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

interface HugoRun {
  version: string;
  dir: string;
  pages: number;
  outputBytes: number;
  siteWallSeconds: number;
  sitePeakRssMiB: number;
  siteCpuSeconds: number;
  pagefindWallSeconds: number;
  pagefindPeakRssMiB: number;
  pagefindCpuSeconds: number;
  indexBytes: number;
  indexFiles: number;
  totalWallSeconds: number;
  peakRssMiB: number;
  totalCpuSeconds: number;
  loadAverageStart: number[];
}

async function benchHugo(corpus: Corpus, work: string): Promise<HugoRun | { skipped: string }> {
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
  const loadAverageStart = os.loadavg().map((n) => round(n));
  const hugoSite = await run("hugo", ["--quiet", "--source", source, "--destination", out]);
  const pagefind = await run("npx", ["--no-install", "pagefind", "--site", out, "--force-language", "vi"]);
  const s = await sizes(out);
  const cpu = (r: Run) => round(Object.values(r.memory.cpuSeconds).reduce((a, b) => a + b, 0));
  return {
    version: version.stdout.trim(),
    dir: out,
    pages: s.htmlFiles,
    outputBytes: s.bytes,
    siteWallSeconds: round(hugoSite.wallSeconds),
    sitePeakRssMiB: hugoSite.memory.peakMiB,
    siteCpuSeconds: cpu(hugoSite),
    pagefindWallSeconds: round(pagefind.wallSeconds),
    pagefindPeakRssMiB: pagefind.memory.peakMiB,
    pagefindCpuSeconds: cpu(pagefind),
    indexBytes: s.indexBytes,
    indexFiles: s.indexFiles,
    totalWallSeconds: round(hugoSite.wallSeconds + pagefind.wallSeconds),
    // The two run one after the other: the peak of the pair is the larger one.
    peakRssMiB: Math.max(hugoSite.memory.peakMiB, pagefind.memory.peakMiB),
    totalCpuSeconds: round(cpu(hugoSite) + cpu(pagefind)),
    loadAverageStart,
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

/** A new article for the one-article publish: today's, an hour ago, in "Thông báo", neither hot nor featured. */
async function addArticle(corpus: Corpus): Promise<{ file: string; url: string; title: string }> {
  const when = DateTime.now().setZone(site.timeZone).minus({ hours: 1 });
  const title = `Thông báo tuyển chọn tổ chức chủ trì nhiệm vụ khoa học và công nghệ cấp tỉnh đợt ${when.toFormat("MM/yyyy")}`;
  const slug = "thong-bao-tuyen-chon-nhiem-vu-khcn-moi";
  const file = path.join(corpus.dir, FOLDERS.articles, String(when.year), `${slug}.md`);
  const paragraph =
    "Sở Khoa học và Công nghệ thông báo tuyển chọn tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh. " +
    "Hồ sơ đăng ký gồm thuyết minh nhiệm vụ, lý lịch khoa học của chủ nhiệm và các thành viên, văn bản xác nhận đối ứng kinh phí.";
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `---\ntitle: "${title}"\ndate: "${when.toFormat("dd/MM/yyyy HH:mm")}"\ncategory: thong-bao\nslug: ${slug}\n---\n\n${Array.from({ length: 8 }, () => paragraph).join("\n\n")}\n`,
  );
  return { file, url: `/tin-tuc/${slug}/`, title };
}

/** The same corpus as one Pagefind index (one shard of everything), built in this process: the reference. */
async function oneIndex(corpus: Corpus, out: string): Promise<{ seconds: number; indexBytes: number }> {
  const started = performance.now();
  const now = DateTime.now();
  const images = new ImageLibrary({ contentDir: corpus.dir });
  const loaded = loadContent(corpus.dir, { categories: site.categories, documents: site.documents, now, includeUnpublished: false, images });
  const newsroom = createNewsroom(loaded, site, now);
  await startSearchIndex(out, out, searchEntries(newsroom), { shardPages: Number.MAX_SAFE_INTEGER }).publish();
  return { seconds: round((performance.now() - started) / 1000), indexBytes: (await sizes(out)).indexBytes };
}

/** Searches as the page runs them (findArticles), with and without a date range, relevance and newest first. */
function pageSearches(lastYear: number): { name: string; query: string | null; page: PageSearch; filters?: PagefindFilters }[] {
  return [
    { name: "đo lường, relevance, 15/03–10/09", query: "đo lường", page: { from: `${lastYear}-03-15`, to: `${lastYear}-09-10` } },
    { name: "đo lường, newest first, 15/03–10/09", query: "đo lường", page: { from: `${lastYear}-03-15`, to: `${lastYear}-09-10`, sort: "moi-nhat" } },
    { name: "khoa học, newest first, no range", query: "khoa học", page: { sort: "moi-nhat" } },
    { name: "Thông báo, no keyword, newest first", query: null, page: { categoryName: "Thông báo" } },
    { name: "Thông báo, no keyword, 20/11–10/02", query: null, page: { categoryName: "Thông báo", from: `${lastYear - 1}-11-20`, to: `${lastYear}-02-10` } },
  ];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "10000" },
      out: { type: "string", default: ".bench/result.json" },
      keep: { type: "boolean", default: false },
      seed: { type: "string", default: "1" },
      hugo: { type: "boolean", default: false },
      photos: { type: "string", default: "0" },
      "shard-pages": { type: "string" },
      "one-index-max": { type: "string", default: "20000" },
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

    // The production build as a user runs it, with its cache: cold first (empty cache), then one article more.
    const out = path.join(work, "site");
    const imageCache = path.join(work, "image-cache");
    const cache = path.join(work, "cache");
    const buildArgs = ["--content", corpus.dir, "--out", out, "--cache", cache, "--json", "--image-cache", imageCache, ...(values["shard-pages"] ? ["--shard-pages", values["shard-pages"]] : [])];
    // Node refuses --cpu-prof in NODE_OPTIONS, so a profiled build runs node itself (no npm, no tsx launcher).
    const profile = values["cpu-prof"] ? path.resolve(values["cpu-prof"]) : undefined;
    const runBuild = () =>
      profile
        ? run(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profile, "--import", "tsx", "scripts/build.ts", ...buildArgs])
        : run("npm", ["run", "--silent", "build", "--", ...buildArgs]);
    const reportOf = (r: Run) => {
      const line = r.stdout.split("\n").reverse().find((l) => l.startsWith("{"));
      if (!line) throw new Error(`the build printed no JSON line:\n${r.stdout}`);
      return JSON.parse(line) as BuildResult;
    };
    const cpuOf = (r: Run) => round(Object.values(r.memory.cpuSeconds).reduce((a, b) => a + b, 0));
    const build = await runBuild();
    const reported = reportOf(build);
    // Photos: a rebuild into another folder with the image cache the first build left (it encodes none).
    const rebuildArgs = ["--content", corpus.dir, "--out", path.join(work, "site-again"), "--no-cache", "--json", "--image-cache", imageCache];
    const rebuild = photoSet ? await run("npm", ["run", "--silent", "build", "--", ...rebuildArgs]) : undefined;
    const s = await sizes(out);

    const lastYear = new Date().getFullYear() - 1;
    const single = articles <= Number(values["one-index-max"]) ? path.join(work, "one-index") : undefined;
    const reference = single ? await oneIndex(corpus, single) : undefined;
    // The page's own scripts (its search worker among them) as the build published them: every first search loads them.
    if (single) await cp(path.join(out, "assets", "js"), path.join(single, "assets", "js"), { recursive: true });

    // First searches on our shards, on one index of the same pages, and on Hugo + Pagefind CLI's index (below).
    const firstSearch = [];
    const overlaps: number[] = [];
    for (const { query, filters = {} } of QUERIES) {
      const m = await measureFirstSearch(out, query, filters);
      const o = single ? await measureFirstSearch(single, query, filters) : undefined;
      const overlap = o ? m.urls.filter((u) => o.urls.includes(u)).length : undefined;
      if (overlap !== undefined && !Object.keys(filters).length) overlaps.push(overlap);
      firstSearch.push({
        query,
        filters,
        results: m.results,
        bytes: m.bytes,
        gzipBytes: m.gzipBytes,
        byKind: m.byKind,
        shards: m.shards.length,
        ...(o ? { oneIndex: { results: o.results, gzipBytes: o.gzipBytes }, ratio: round(m.gzipBytes / o.gzipBytes), top10Overlap: overlap } : {}),
      });
    }
    const browse = await measureFirstSearch(out, BROWSE.query, BROWSE.filters);
    const pages = [];
    for (const p of pageSearches(lastYear)) {
      const m = await measureFirstSearch(out, p.query, {}, { page: p.page });
      const o = single ? await measureFirstSearch(single, p.query, {}, { page: p.page }) : undefined;
      pages.push({
        name: p.name,
        results: m.results,
        gzipBytes: m.gzipBytes,
        shards: m.shards,
        ...(o ? { oneIndex: { results: o.results, gzipBytes: o.gzipBytes }, ratio: round(m.gzipBytes / o.gzipBytes), sameFirstPage: m.urls.join() === o.urls.join() } : {}),
      });
    }
    const articlePage = await pageWeight(out, corpus.known.url);
    // The preview holds the whole archive in this process: measured where one index is (see --one-index-max).
    const preview = single ? await previewEdit(corpus) : null;

    // One article more, published on the warm cache: what a merge to main costs.
    const added = await addArticle(corpus);
    const publishLoad = os.loadavg().map((n) => round(n));
    const publishRun = await runBuild();
    const published = reportOf(publishRun);
    const found = await measureFirstSearch(out, added.title);
    if (found.urls[0] !== added.url) throw new Error(`after publishing, "${added.title}" does not find ${added.url} first`);
    const publish = {
      url: added.url,
      loadAverageStart: publishLoad,
      wallSeconds: round(publishRun.wallSeconds),
      peakRssMiB: publishRun.memory.peakMiB,
      cpuSeconds: cpuOf(publishRun),
      checkSeconds: round(published.checkSeconds),
      siteSeconds: round(published.siteSeconds),
      searchSeconds: round(published.searchSeconds),
      shardsWritten: published.search!.shards.filter((x) => !x.reused).map((x) => `${x.dir} (${x.pages})`),
      shardsReused: published.search!.shards.filter((x) => x.reused).length,
    };

    const hugoResult = values.hugo ? await benchHugo(corpus, work) : undefined;
    const hugo = hugoResult && !("skipped" in hugoResult) ? hugoResult : undefined;
    // One at a time: each measurement counts every file fetched from that bundle while it runs.
    const hugoSearch: { name: string; results: number; gzipBytes: number; byKind: Record<string, number> }[] = [];
    if (hugo) {
      const searches = [...QUERIES.map((q) => ({ name: q.query, query: q.query as string | null, filters: q.filters ?? {}, page: undefined as PageSearch | undefined })), ...pageSearches(lastYear).map((p) => ({ ...p, filters: {} }))];
      for (const q of searches) {
        const m = await measureFirstSearch(hugo.dir, q.query, q.filters, { page: q.page, plain: true });
        hugoSearch.push({ name: q.name, results: m.results, gzipBytes: m.gzipBytes, byKind: m.byKind });
      }
    }

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
      cpuSeconds: cpuOf(build),
      checkSeconds: round(reported.checkSeconds),
      siteSeconds: round(reported.siteSeconds),
      // The index is built by other processes while Eleventy renders: this overlaps siteSeconds.
      searchSeconds: round(reported.searchSeconds),
      // Process start and TypeScript loading: what the build's own timers do not see.
      startupSeconds: round(build.wallSeconds - reported.seconds),
      peakRssMiB: build.memory.peakMiB,
      memory: build.memory,
      outputBytes: s.bytes,
      outputFiles: s.files,
      indexBytes: s.indexBytes,
      indexFiles: s.indexFiles,
      shards: reported.search!.shards.map((x) => ({ dir: x.dir, pages: x.pages })),
      publish,
      oneIndex: reference ?? null,
      // What the search page loads per search (results per page, Pagefind options, worker): measureFirstSearch's defaults.
      firstSearchSettings: SEARCH_PAGE,
      firstSearch,
      firstSearchMaxGzipBytes: Math.max(...firstSearch.map((f) => f.gzipBytes)),
      relevance: overlaps.length ? { top10OverlapMedian: median(overlaps), top10OverlapMin: Math.min(...overlaps), queries: overlaps.length } : null,
      browse: { query: browse.query, filters: browse.filters, results: browse.results, bytes: browse.bytes, gzipBytes: browse.gzipBytes, shards: browse.shards.length },
      pageSearches: pages,
      articlePage,
      ...(photoSet && rebuild ? { photos: photoReport(photoSet, build, reported, rebuild, await sizes(path.join(out, "img"))) } : {}),
      preview,
      ...(hugoResult ? { hugo: hugo ? { ...hugo, dir: undefined, firstSearch: hugoSearch } : hugoResult } : {}),
      versus: hugo
        ? {
            fullBuild: round(build.wallSeconds / hugo.totalWallSeconds),
            publishAgainstHugoFullBuild: round(publishRun.wallSeconds / hugo.totalWallSeconds),
            cpu: round(cpuOf(build) / hugo.totalCpuSeconds),
            peak: round(build.memory.peakMiB / hugo.peakRssMiB),
          }
        : null,
      loadAverages: { start: loadStart, publish: publishLoad, hugo: hugo?.loadAverageStart ?? null, end: os.loadavg().map((n) => round(n)) },
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
