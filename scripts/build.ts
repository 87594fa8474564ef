/**
 * `npm run build`: content check, pages, search index. `--content <dir> --out <dir>` builds another folder;
 * `--cache <dir>` is where the build records what it wrote (default .cache), so that the next one keeps the pages
 * and search shards that would come out the same; `--no-cache` builds everything afresh. `--shard-pages N` caps a
 * search shard's pages. `--part i/n` builds the i-th of n parts of the site, for a build split across machines
 * (scripts/assemble.ts joins them).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { build, type BuildStage } from "./lib/build.ts";

// Editors read CI logs: each stage in a line, so a stopped build shows where it stopped.
const STAGES: Record<BuildStage, string> = {
  check: "Đang kiểm tra nội dung…",
  pages: "Đang dựng trang (bản cũ vẫn giữ nguyên cho tới khi xong)…",
  "search-index": "Đang chờ chỉ mục tìm kiếm…",
  publish: "Đang thay bản cũ bằng bản mới…",
};

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "_site" },
    "no-search": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    cache: { type: "string", default: ".cache" },
    "no-cache": { type: "boolean", default: false },
    "shard-pages": { type: "string" },
    part: { type: "string" },
    // Another folder for encoded photos (the bench measures a first build with an empty one).
    "image-cache": { type: "string" },
  },
});
try {
  const result = await build({
    content: values.content!,
    out: values.out!,
    search: !values["no-search"],
    onStage: (stage) => console.log(STAGES[stage]),
    imageCache: values["image-cache"],
    // The cache belongs to content/: building another folder (a test, the bench) must not empty it.
    pruneImageCache: values["image-cache"] !== undefined || path.resolve(values.content!) === path.resolve("content"),
    cacheDir: values["no-cache"] ? undefined : values.cache,
    shardPages: values["shard-pages"] === undefined ? undefined : Number(values["shard-pages"]),
    part: values.part === undefined ? undefined : parsePart(values.part),
  });
  console.log(
    `Đã xuất bản ${result.pages} trang (${result.pagesKept} trang không đổi giữ lại từ bản trước) vào ${values.out} trong ${result.seconds.toFixed(1)} s ` +
      `(kiểm tra: ${result.checkSeconds.toFixed(1)} s, trang: ${result.siteSeconds.toFixed(1)} s, chỉ mục tìm kiếm song song: ${result.searchSeconds.toFixed(1)} s, ` +
      `ảnh song song: ${result.imageSeconds.toFixed(1)} s — ${result.images.images} ảnh, ${result.images.encoded} ảnh mới xử lý, ${result.images.reused} ảnh lấy lại từ bộ nhớ đệm).`,
  );
  // `--json`: one machine-readable line for scripts/bench/run.ts.
  if (values.json) console.log(JSON.stringify(result));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

/** "2/3" → the second of three parts. */
function parsePart(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--part phải có dạng i/n với 1 ≤ i ≤ n (ví dụ 2/3), không phải "${text}"`);
  return { index: index - 1, count };
}
