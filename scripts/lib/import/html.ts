/** The old portal's article pages saved as HTML ("Save page as…"), header, menu and sidebar included. */
import { Parser } from "htmlparser2";
import { CHROME_START, ImportError, looksLikeSource, portalDate, type ImportedArticle } from "./article.ts";

/** A run of text between two block boundaries, with what surrounds it. */
interface Run {
  text: string;
  /** Innermost block element. */
  tag: string;
  /** Ids of the open elements, outermost first. */
  path: number[];
  right: boolean;
  /** Every letter sits in <strong> or <b>. */
  strong: boolean;
  breadcrumb: boolean;
  images: number;
}

const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "form",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
]);
const SKIPPED = new Set(["script", "style", "noscript", "template", "select", "button", "svg", "head", "iframe"]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const DATE_INSIDE = /(\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2})/;
/** Where the article's own column ends on portal pages. */
const ARTICLE_END = /^(Các tin khác|Tin khác|Các tin đã đưa|Tin liên quan|Tin cùng chuyên mục|Bài viết liên quan|Xem thêm các tin)\b/iu;
/** Tools printed inside the article column. */
const TOOLS = /^(In bài|In trang|Quay lại|Về đầu trang|Chia sẻ|Gửi email|Gửi bài viết|Lượt xem:?\s*\d*|Bản in|Đánh giá bài viết)\s*:?\s*$/iu;

interface Open {
  id: number;
  tag: string;
  right: boolean;
  breadcrumb: boolean;
}

function tokenize(html: string): { runs: Run[]; canonical?: string; ogTitle?: string } {
  const runs: Run[] = [];
  const stack: Open[] = [];
  let nextId = 0;
  let skipDepth = 0;
  let text = "";
  let strongText = "";
  let strongDepth = 0;
  let images = 0;
  let canonical: string | undefined;
  let ogTitle: string | undefined;

  const flush = () => {
    const clean = normalise(text);
    if (clean || images > 0) {
      const block = [...stack].reverse().find((o) => BLOCKS.has(o.tag));
      runs.push({
        text: clean,
        tag: block?.tag ?? "body",
        path: stack.map((o) => o.id),
        right: stack.some((o) => o.right),
        strong: clean !== "" && normalise(strongText).replace(/\s/g, "") === clean.replace(/\s/g, ""),
        breadcrumb: stack.some((o) => o.breadcrumb),
        images,
      });
    }
    text = "";
    strongText = "";
    images = 0;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        if (tag === "link" && /\bcanonical\b/i.test(attrs.rel ?? "")) canonical = attrs.href;
        if (tag === "meta" && attrs.property === "og:url") canonical ??= attrs.content;
        if (tag === "meta" && attrs.property === "og:title") ogTitle = attrs.content;
        if (skipDepth > 0 || SKIPPED.has(tag)) {
          if (!VOID.has(tag)) skipDepth++;
          return;
        }
        if (tag === "br") {
          text += "\n";
          if (strongDepth > 0) strongText += "\n";
          return;
        }
        if (tag === "img") {
          images++;
          return;
        }
        if (BLOCKS.has(tag)) flush();
        if (tag === "strong" || tag === "b") strongDepth++;
        if (VOID.has(tag)) return;
        const style = (attrs.style ?? "").toLowerCase();
        const marker = `${attrs.class ?? ""} ${attrs.id ?? ""}`.toLowerCase();
        stack.push({
          id: nextId++,
          tag,
          right: (attrs.align ?? "").toLowerCase() === "right" || /text-align\s*:\s*right/.test(style),
          breadcrumb: /breadcrumb|duong-?dan|pathway/.test(marker),
        });
      },
      ontext(data) {
        if (skipDepth > 0) return;
        text += data;
        if (strongDepth > 0) strongText += data;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (skipDepth > 0) {
          if (!VOID.has(tag)) skipDepth--;
          return;
        }
        if (VOID.has(tag)) return;
        if (tag === "strong" || tag === "b") strongDepth = Math.max(0, strongDepth - 1);
        if (BLOCKS.has(tag)) flush();
        // Close up to the matching element; browsers tolerate unclosed tags, so must we.
        const at = stack.map((o) => o.tag).lastIndexOf(tag);
        if (at !== -1) stack.length = at;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { runs, canonical, ogTitle };
}

// Whitespace collapses as in a browser; &nbsp; stays, as in the portal's text export.
function normalise(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t\r\f]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

export function parsePortalHtml(html: string): ImportedArticle {
  const { runs, canonical, ogTitle } = tokenize(html);
  const dateAt = runs.findIndex((run) => run.text.length <= 80 && DATE_INSIDE.test(run.text) && !run.breadcrumb);
  if (dateAt === -1) throw new ImportError('không thấy ngày đăng dạng "19/06/2020 08:02" trong trang');
  const date = portalDate(DATE_INSIDE.exec(runs[dateAt]!.text)![1]!);
  if (!date) throw new ImportError(`ngày "${runs[dateAt]!.text}" không đọc được`);

  let titleAt = -1;
  for (let i = dateAt - 1; i >= 0 && titleAt === -1; i--) if (/^h[1-3]$/.test(runs[i]!.tag) && !runs[i]!.breadcrumb) titleAt = i;
  const title = titleAt !== -1 ? runs[titleAt]!.text.replace(/\n/g, " ") : ogTitle?.trim();
  if (!title) throw new ImportError("không thấy tiêu đề bài (mã HTML h1, h2 hoặc h3 trước ngày đăng)");

  // The article's column: the innermost element holding both the title and the date.
  const datePath = runs[dateAt]!.path;
  const titlePath = titleAt !== -1 ? runs[titleAt]!.path : datePath;
  let common = 0;
  while (common < datePath.length && datePath[common] === titlePath[common]) common++;
  const container = common > 0 ? datePath[common - 1] : undefined;

  const body: Run[] = [];
  for (const run of runs.slice(dateAt + 1)) {
    if (container !== undefined && !run.path.includes(container)) break;
    if (CHROME_START.test(run.text) || ARTICLE_END.test(run.text)) break;
    if (run.text.split(/\s*[|]\s*/).every((part) => TOOLS.test(part))) continue;
    body.push(run);
  }
  const skippedImages = body.reduce((n, run) => n + run.images, 0);
  const textRuns = body.filter((run) => run.text);
  const last = textRuns[textRuns.length - 1];
  let source: string | undefined;
  if (last && textRuns.length > 1 && ((last.right && last.text.length <= 150) || looksLikeSource(last.text))) {
    source = last.text.replace(/\n/g, " ");
    textRuns.pop();
  }
  const paragraphs = textRuns.flatMap((run) => run.text.split("\n"));
  if (paragraphs.length === 0) throw new ImportError("bài không có nội dung");

  const sections = runs.filter((run) => run.breadcrumb).flatMap((run) => run.text.split(/\s*[>»›/|\n]\s*/)).filter(Boolean);
  return { title, date, paragraphs, source, sections, oldPath: oldPath(canonical), skippedImages };
}

/** The path of the page's canonical address, kept as an alias when a redirect can match it (no query string). */
function oldPath(canonical: string | undefined): string | undefined {
  if (!canonical) return undefined;
  try {
    const url = new URL(canonical, "https://portal.invalid");
    return url.search || url.pathname === "/" ? undefined : url.pathname;
  } catch {
    return undefined;
  }
}
