/** Production build: content check, Eleventy, then the search index. `--content <dir> --out <dir>` builds another folder. */
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { assertPublishable } from "./lib/check/index.ts";

export interface BuildOptions {
  content: string;
  out: string;
  /** Skip the Pagefind index (tests of pages only). */
  search?: boolean;
}

export interface BuildResult {
  pages: number;
  siteSeconds: number;
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
  assertPublishable(content);
  // Stale pages of deleted articles must not survive into the published folder.
  await rm(out, { recursive: true, force: true });
  const started = performance.now();
  await registerTypeScript();
  const { Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(content, out, { configPath: path.resolve("site.config.ts"), quietMode: true, runMode: "build" });
  // write() answers [passthrough copies, templates written].
  const [, templates] = (await eleventy.write()) as [unknown, unknown[]];
  const pages = templates.length;
  const siteSeconds = (performance.now() - started) / 1000;
  let searchSeconds = 0;
  if (search) {
    const indexed = performance.now();
    const { buildSearchIndex } = await import("./lib/search-index.ts");
    await buildSearchIndex(out);
    searchSeconds = (performance.now() - indexed) / 1000;
  }
  return { pages, siteSeconds, searchSeconds };
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
