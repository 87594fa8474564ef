/** `npm run new -- --category <slug> "Tiêu đề"`: a new article with commented front matter and today's date. */
import { parseArgs } from "node:util";
import { site } from "../site.config.ts";
import { createArticle, NewArticleError } from "./lib/content/scaffold.ts";

try {
  const { values, positionals } = parseArgs({ options: { category: { type: "string" }, content: { type: "string", default: "content" } }, allowPositionals: true });
  if (!values.category) {
    throw new NewArticleError(
      `Thiếu --category. Ví dụ: npm run new -- --category hoat-dong-khcn "Tiêu đề bài viết"\nCác chuyên mục: ${site.categories.map((c) => c.slug).join(", ")}`,
    );
  }
  const file = createArticle({ title: positionals.join(" "), category: values.category, content: values.content });
  console.log(file);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
