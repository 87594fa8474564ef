/** The old portal's pages saved as plain text: title, date, paragraphs, source, then the sidebar. */
import { CHROME_START, ImportError, looksLikeSource, portalDate, type ImportedArticle } from "./article.ts";

export function parsePortalText(text: string): ImportedArticle {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const end = lines.findIndex((line) => CHROME_START.test(line));
  const body = (end === -1 ? lines : lines.slice(0, end)).map((line) => line.trim());
  const titleAt = body.findIndex(Boolean);
  if (titleAt === -1) throw new ImportError("tệp trống");
  const dateAt = body.findIndex((line, i) => i > titleAt && line !== "");
  const date = dateAt === -1 ? undefined : portalDate(body[dateAt]!);
  if (!date) throw new ImportError(`không thấy ngày đăng dạng "19/06/2020 08:02" ngay dưới tiêu đề`);
  const paragraphs = body.slice(dateAt + 1).filter(Boolean);
  const last = paragraphs[paragraphs.length - 1];
  const source = last !== undefined && paragraphs.length > 1 && looksLikeSource(last) ? paragraphs.pop() : undefined;
  if (paragraphs.length === 0) throw new ImportError("bài không có nội dung");
  return { title: body[titleAt]!, date, paragraphs, source, sections: [], skippedImages: 0 };
}
