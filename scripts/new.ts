/** `npm run new -- --category <slug> "Tiêu đề"`: a new article; `npm run new -- --van-ban "15/2025/QĐ-UBND"`: a new document. */
import { parseArgs } from "node:util";
import { site } from "../site.config.ts";
import { createArticle, createDocument, NewArticleError } from "./lib/content/scaffold.ts";

try {
  const { values, positionals } = parseArgs({ options: { category: { type: "string" }, "van-ban": { type: "string" }, content: { type: "string", default: "content" } }, allowPositionals: true });
  if (values["van-ban"] !== undefined) {
    console.log(createDocument({ number: [values["van-ban"], ...positionals].join(" "), content: values.content }));
    process.exit(0);
  }
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
