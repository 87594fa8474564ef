/** `npm run import -- [--category <slug>] [--out <dir>] <files or folders>`: pages of the old portal to articles. */
import path from "node:path";
import { parseArgs } from "node:util";
import { site } from "../site.config.ts";
import { ImportError, importFiles } from "./lib/import/index.ts";

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values, positionals } = parseArgs({
    options: { category: { type: "string" }, out: { type: "string", default: "content" } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error("Cách dùng: npm run import -- [--category <chuyên mục>] [--out <thư mục>] <tệp hoặc thư mục>...");
    process.exit(1);
  }
  try {
    const outcomes = importFiles(positionals, { categories: site.categories, category: values.category, out: values.out! });
    for (const outcome of outcomes) {
      if (outcome.status === "failed") {
        console.error(`${outcome.input}: không nhập được: ${outcome.reason}`);
        continue;
      }
      const images = outcome.skippedImages > 0 ? `; bỏ qua ${outcome.skippedImages} ảnh: tải về content/images/ rồi thêm vào bài` : "";
      const verb = outcome.status === "written" ? "đã tạo" : "đã có từ lần nhập trước, giữ nguyên";
      console.log(`${outcome.input}: ${verb} ${outcome.file} (chuyên mục ${outcome.category.slug}: ${outcome.categoryReason}${images})`);
    }
    const failed = outcomes.filter((o) => o.status === "failed").length;
    const written = outcomes.filter((o) => o.status === "written").length;
    console.log(`Đã nhập ${written} bài, ${outcomes.length - written - failed} bài đã có, ${failed} tệp không nhập được. Chạy npm run check để kiểm tra.`);
    process.exitCode = failed > 0 ? 1 : 0;
  } catch (error) {
    console.error(error instanceof ImportError ? error.message : error);
    process.exitCode = 1;
  }
}
