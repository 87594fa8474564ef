/** Production build: content check, Eleventy, then the search index. `--content <dir> --out <dir>` builds another folder. */
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { assertPublishable } from "./lib/check/index.ts";
import type { ContentCache } from "./lib/content.ts";
import { shareContentCache } from "./lib/plugin.ts";
import { startSearchIndex } from "./lib/search-index.ts";

export interface BuildOptions {
  content: string;
  out: string;
  /** Skip the Pagefind index (tests of pages only). */
  search?: boolean;
}

export interface BuildResult {
  pages: number;
  /** The content check, before anything is written. */
  checkSeconds: number;
  /** Eleventy's run. */
  siteSeconds: number;
  /** The search index, from the build's start to written; it runs in another process beside the rest. */
  searchSeconds: number;
  /** The whole build: check, pages and index. */
  seconds: number;
}

let typeScriptRegistered = false;

/** Eleventy imports site.config.ts with Node's own loader, which needs tsx's hooks (vitest's do not reach it). */
async function registerTypeScript(): Promise<void> {
  if (typeScriptRegistered) return;
  const { register } = await import("tsx/esm/api");
  register();
  typeScriptRegistered = true;
}

export async function build({ content, out, search = true }: BuildOptions): Promise<BuildResult> {
  process.env.TOASOAN_CONTENT = content;
  process.env.TOASOAN_OUT = out;
  const began = performance.now();
  // The search index takes longest: it starts first, in another process, and writes only once all is well.
  const indexing = search ? startSearchIndex(content) : undefined;
  try {
    // `npm run check` first: content with errors publishes nothing and leaves the previous output in place.
    // Its cache hands every file, read once, on to Eleventy.
    const cache: ContentCache = new Map();
    assertPublishable(content, { cache });
    const checkSeconds = seconds(began);
    // Stale pages of deleted articles must not survive into the published folder.
    await rm(out, { recursive: true, force: true });
    const indexed = indexing?.write(out).then(() => seconds(began));
    const started = performance.now();
    await registerTypeScript();
    const { Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy(content, out, {
      configPath: path.resolve("site.config.ts"),
      quietMode: true,
      runMode: "build",
      config: (eleventyConfig) => shareContentCache(eleventyConfig, cache),
    });
    // write() answers [passthrough copies, templates written].
    const [, templates] = (await eleventy.write()) as [unknown, unknown[]];
    const siteSeconds = seconds(started);
    const searchSeconds = (await indexed) ?? 0;
    return { pages: templates.length, checkSeconds, siteSeconds, searchSeconds, seconds: seconds(began) };
  } catch (error) {
    indexing?.cancel();
    throw error;
  }
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({
    options: { content: { type: "string", default: "content" }, out: { type: "string", default: "_site" }, "no-search": { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  try {
    const result = await build({ content: values.content!, out: values.out!, search: !values["no-search"] });
    console.log(
      `Đã xuất bản ${result.pages} trang vào ${values.out} trong ${result.seconds.toFixed(1)} s ` +
        `(kiểm tra: ${result.checkSeconds.toFixed(1)} s, trang: ${result.siteSeconds.toFixed(1)} s, chỉ mục tìm kiếm song song: ${result.searchSeconds.toFixed(1)} s).`,
    );
    // `--json`: one machine-readable line for scripts/bench.ts.
    if (values.json) console.log(JSON.stringify(result));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
