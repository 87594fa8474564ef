/**
 * Article HTML through an allowlist: only the elements and attributes an article needs survive, everything is
 * re-serialized (nothing unclosed reaches the layout), and each removal editors wrote is reported with its line.
 * One policy serves both: `sanitizeBody` (sanitize-html) and `findRemovals` (the line-aware report).
 */
import { Parser } from "htmlparser2";
// Pinned to 2.17.5: 2.17.6 and later need Node 22 (engines) and htmlparser2 12; 2.17.5 shares our htmlparser2 10.
import sanitizeHtml from "sanitize-html";

/** Elements an article may hold, each with the attributes it may keep. */
const ALLOWED: Record<string, readonly string[]> = {
  p: [], br: [], hr: [], div: [], span: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  strong: [], b: [], em: [], i: [], u: [], s: [], del: [], ins: [], mark: [], small: [], sub: [], sup: [],
  abbr: ["title"], cite: [], q: [], blockquote: [], code: [], pre: [], kbd: [],
  ul: [], ol: ["start", "reversed"], li: ["value"], dl: [], dt: [], dd: [],
  a: ["href", "title"],
  img: ["src", "alt", "title", "width", "height"],
  figure: [], figcaption: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], colgroup: [], col: ["span"],
  th: ["colspan", "rowspan", "scope"], td: ["colspan", "rowspan"],
};

/** Kept on any allowed element: screen readers need the language of a quotation in another tongue. */
const GLOBAL_ATTRIBUTES = ["lang"];

// No `id`: the site's own scripts find their widgets by id, and an article must not stand in for one.
const LINK_SCHEMES = ["http", "https", "mailto", "tel"];
const IMAGE_SCHEMES = ["http", "https", "data"];
const SAFE_DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif);base64,/i;

/** Elements whose text is dropped with them (a browser would run it, or never show it as text). */
const DROPPED_WITH_CONTENT = ["script", "style", "textarea", "option", "noscript", "noembed", "noframes", "title", "xmp", "template", "iframe", "object", "svg", "math", "select"];

/**
 * Elements that stop the build: they run code, load content from elsewhere, redirect the reader, collect what the
 * reader types or hide text with them. Anything else outside the allowlist is dropped with a warning (Word and
 * old-portal markup); <style> too, whose content is only formatting.
 */
const REFUSED_ELEMENTS = new Set([
  "script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "meta", "link",
  "form", "input", "button", "select", "option", "textarea", "svg", "math", "video", "audio", "source", "track",
  "canvas", "template", "dialog", "noembed", "noframes", "title", "xmp",
]);

export type Removal =
  | { kind: "element"; tag: string; line: number; severity: Severity }
  | { kind: "attribute"; tag: string; attribute: string; value: string; line: number; severity: Severity }
  | { kind: "unclosed-comment"; line: number; severity: Severity };

type Severity = "error" | "warning";

/** `javascript:`, `vbscript:` and HTML data URLs, as a browser reads them (it ignores tabs, newlines, leading spaces). */
export function isScriptUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return compact.startsWith("javascript:") || compact.startsWith("vbscript:") || compact.startsWith("data:text/html");
}

export function isAllowedElement(tag: string): boolean {
  return Object.hasOwn(ALLOWED, tag);
}

/** Whether an allowed element keeps this attribute with this value. */
export function isAllowedAttribute(tag: string, attribute: string, value: string): boolean {
  if (!GLOBAL_ATTRIBUTES.includes(attribute) && !(ALLOWED[tag] ?? []).includes(attribute)) return false;
  if (tag === "a" && attribute === "href") return isAllowedUrl(value, LINK_SCHEMES);
  if (tag === "img" && attribute === "src") return isAllowedUrl(value, IMAGE_SCHEMES) && (!/^\s*data:/i.test(value) || SAFE_DATA_IMAGE.test(value.trim()));
  return true;
}

/** Relative addresses, fragments and the listed schemes; never "//host" (another site that looks like a path). */
function isAllowedUrl(value: string, schemes: string[]): boolean {
  const compact = value.replace(/[\u0000-\u0020]/g, "");
  if (compact.startsWith("//") || compact.startsWith("\\")) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || schemes.includes(scheme.toLowerCase());
}

function attributeSeverity(attribute: string, value: string): Severity {
  return attribute.startsWith("on") || attribute === "srcdoc" || attribute === "http-equiv" || isScriptUrl(value) ? "error" : "warning";
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: Object.keys(ALLOWED),
  allowedAttributes: Object.fromEntries([...Object.entries(ALLOWED).map(([tag, attributes]) => [tag, [...attributes]]), ["*", GLOBAL_ATTRIBUTES]]),
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: IMAGE_SCHEMES },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROPPED_WITH_CONTENT,
  parseStyleAttributes: false,
  // Our own attribute rule runs first, so the report and the output can never disagree.
  transformTags: {
    "*": (tagName, attribs) => ({ tagName, attribs: Object.fromEntries(Object.entries(attribs).filter(([name, value]) => isAllowedAttribute(tagName, name, value))) }),
  },
};

/** The allowlisted, re-serialized HTML of a rendered body. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** A piece of HTML an editor wrote and the file line it starts on. */
export interface Fragment {
  html: string;
  line: number;
}

/**
 * What the sanitizer removes from HTML an editor wrote, each with its line. The fragments are read as one piece
 * of HTML (the tags of one paragraph come as one fragment each), so an element spans them as it does the page.
 */
export function findRemovals(fragments: Fragment[]): Removal[] {
  const html = fragments.map((f) => f.html).join("");
  const starts: number[] = [];
  fragments.reduce((offset, f) => (starts.push(offset), offset + f.html.length), 0);
  const lineAt = (index: number): number => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > index) i--;
    const fragment = fragments[i]!;
    return fragment.line + countNewlines(fragment.html, index - starts[i]!);
  };
  const removals: Removal[] = [];
  // Inside an element dropped with its content, what it holds goes with it: one message, not one per child.
  let droppedDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (droppedDepth > 0 || DROPPED_WITH_CONTENT.includes(name)) droppedDepth++;
        if (droppedDepth > 1) return;
        const line = lineAt(parser.startIndex);
        if (!isAllowedElement(name)) {
          removals.push({ kind: "element", tag: name, line, severity: REFUSED_ELEMENTS.has(name) ? "error" : "warning" });
          return;
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (!isAllowedAttribute(name, attribute, value)) removals.push({ kind: "attribute", tag: name, attribute, value, line, severity: attributeSeverity(attribute, value) });
        }
      },
      onclosetag() {
        if (droppedDepth > 0) droppedDepth--;
      },
      oncomment() {
        // An unclosed "<!--" hides everything after it: the browser would have hidden the layout too.
        if (!html.slice(parser.startIndex, parser.endIndex + 1).endsWith("-->")) removals.push({ kind: "unclosed-comment", line: lineAt(parser.startIndex), severity: "error" });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return removals;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

const ELEMENT_REASONS: Record<string, string> = {
  script: "mã này chạy lệnh trên máy người đọc",
  noscript: "mã này chỉ dùng cho lệnh chạy trên trang",
  iframe: "trang không tải nội dung từ website khác; thay bằng một liên kết, ví dụ [Xem video](https://www.youtube.com/watch?v=…)",
  meta: "mã này có thể tự chuyển người đọc sang trang khác",
  base: "mã này đổi địa chỉ của mọi liên kết trên trang",
  link: "mã này tải định dạng hoặc tệp từ nơi khác",
  form: "biểu mẫu nhập liệu có thể lừa người đọc gửi thông tin đi nơi khác",
  svg: "hình vẽ SVG viết trong bài có thể chứa lệnh chạy; lưu thành tệp ảnh trong content/images/ rồi chèn ảnh",
};

/** What editors read about a removal: what happened and what to do, in the checker's words (mã HTML, lệnh). */
export function removalMessage(removal: Removal): string {
  switch (removal.kind) {
    case "unclosed-comment":
      return "chú thích <!-- chưa được đóng: mọi nội dung phía sau bị ẩn; thêm --> vào cuối chú thích hoặc xóa <!--";
    case "element": {
      const tag = `<${removal.tag}>`;
      if (removal.tag === "style") return `mã HTML ${tag} không được phép trong bài và đã bị bỏ; định dạng sẽ không hiển thị (in đậm viết **chữ**, in nghiêng viết *chữ*)`;
      if (removal.severity === "warning") return `mã HTML ${tag} không dùng được trong bài và đã bị bỏ; chữ bên trong vẫn được giữ`;
      const reason = ELEMENT_REASONS[removal.tag] ?? (["input", "button", "select", "option", "textarea"].includes(removal.tag) ? ELEMENT_REASONS.form : "trang chỉ hiển thị chữ, ảnh, bảng và liên kết");
      return `mã HTML ${tag} không được phép trong bài (${reason}); xóa đoạn mã này`;
    }
    case "attribute": {
      const part = `phần ${removal.attribute}="…" trong mã HTML <${removal.tag}>`;
      if (removal.attribute.startsWith("on")) return `${part} là lệnh chạy trên trang, không được phép; xóa phần ${removal.attribute}="…"`;
      if (isScriptUrl(removal.value)) return `địa chỉ "${removal.value.slice(0, 40)}" trong mã HTML <${removal.tag}> là lệnh chạy trên trang, không được phép; dùng địa chỉ bắt đầu bằng https:// hoặc /`;
      if (removal.severity === "error") return `${part} không được phép (có thể chuyển trang hoặc hiện nội dung lạ); xóa phần ${removal.attribute}="…"`;
      if (removal.attribute === "style") return `định dạng style="…" trong mã HTML <${removal.tag}> (thường do dán từ Word) sẽ không hiện trên trang và đã bị bỏ; in đậm viết **chữ**, in nghiêng viết *chữ*`;
      if (removal.attribute === "href" || removal.attribute === "src") return `địa chỉ "${removal.value.slice(0, 40)}" trong mã HTML <${removal.tag}> không dùng được và đã bị bỏ; dùng địa chỉ bắt đầu bằng https://, mailto: hoặc /`;
      return `${part} không dùng được trong bài và đã bị bỏ`;
    }
  }
}
