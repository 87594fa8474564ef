/** `npm run build`: content check, pages, search index. `--content <dir> --out <dir>` builds another folder. */
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
  });
  console.log(
    `Đã xuất bản ${result.pages} trang vào ${values.out} trong ${result.seconds.toFixed(1)} s ` +
      `(kiểm tra: ${result.checkSeconds.toFixed(1)} s, trang: ${result.siteSeconds.toFixed(1)} s, chỉ mục tìm kiếm song song: ${result.searchSeconds.toFixed(1)} s, ` +
      `ảnh song song: ${result.imageSeconds.toFixed(1)} s — ${result.images.images} ảnh, ${result.images.encoded} ảnh mới xử lý, ${result.images.reused} ảnh lấy lại từ bộ nhớ đệm).`,
  );
  // `--json`: one machine-readable line for scripts/bench.ts.
  if (values.json) console.log(JSON.stringify(result));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
