/** Production build: content check, Eleventy, then the search index. `--content <dir> --out <dir>` builds another folder. */
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { assertPublishable } from "./lib/check/index.ts";
import type { ContentCache } from "./lib/content.ts";
import { shareContentCache } from "./lib/plugin.ts";
import { createSearchIndexer } from "./lib/search-index.ts";

export interface BuildOptions {
  content: string;
  out: string;
  /** Skip the Pagefind index (tests of pages only). */
  search?: boolean;
}

export interface BuildResult {
  pages: number;
  /** Eleventy's run, the search index fed as pages render. */
  siteSeconds: number;
  /** What the index still needed once Eleventy had finished. */
  searchSeconds: number;
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
  // `npm run check` first: content with errors publishes nothing and leaves the previous output in place.
  // Its cache hands every file, read once, on to Eleventy.
  const cache: ContentCache = new Map();
  assertPublishable(content, { cache });
  // Stale pages of deleted articles must not survive into the published folder.
  await rm(out, { recursive: true, force: true });
  const started = performance.now();
  await registerTypeScript();
  const indexer = search ? await createSearchIndexer() : undefined;
  try {
    const { Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy(content, out, {
      configPath: path.resolve("site.config.ts"),
      quietMode: true,
      runMode: "build",
      config(eleventyConfig) {
        shareContentCache(eleventyConfig, cache);
        if (indexer) {
          eleventyConfig.addTransform("search-index", function (this: { page: { url: string | false } }, html: string) {
            if (this.page.url) indexer.add(this.page.url, html);
            return html;
          });
        }
      },
    });
    // write() answers [passthrough copies, templates written].
    const [, templates] = (await eleventy.write()) as [unknown, unknown[]];
    const siteSeconds = (performance.now() - started) / 1000;
    const indexed = performance.now();
    await indexer?.finish(out);
    return { pages: templates.length, siteSeconds, searchSeconds: indexer ? (performance.now() - indexed) / 1000 : 0 };
  } finally {
    await indexer?.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({
    options: { content: { type: "string", default: "content" }, out: { type: "string", default: "_site" }, "no-search": { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  try {
    const result = await build({ content: values.content!, out: values.out!, search: !values["no-search"] });
    console.log(`Đã xuất bản ${result.pages} trang vào ${values.out} (trang: ${result.siteSeconds.toFixed(1)} s, chỉ mục tìm kiếm: ${result.searchSeconds.toFixed(1)} s).`);
    // `--json`: one machine-readable line for scripts/bench.ts.
    if (values.json) console.log(JSON.stringify(result));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
