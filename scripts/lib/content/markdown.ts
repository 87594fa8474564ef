/** Article bodies: Markdown to allowlisted HTML, and the plain first paragraph used as a summary. */
import MarkdownIt, { type Options } from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { pictureHtml, type Picture } from "../site/images.ts";
import { findRemovals, sanitizeBody, type Removal } from "./sanitize.ts";

// html stays on for editors' tables and pasted markup; sanitize.ts keeps only what an article needs.
export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** Turns an image address of the content into its responsive picture (the build's and the preview's photos). */
export interface PictureSource {
  picture(src: string, alt: string): Picture | undefined;
}

interface RenderEnv {
  /** The body's photos, in order: placed once the photo library is known (placePhotos). */
  slots: PhotoSlot[];
  /** Our own photo markup, put back after the allowlist (which keeps only what editors may write). */
  photos: string[];
}

/** A photo's place in the rendered HTML: private-use characters, which the allowlist keeps as text. */
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
/** Where a photo goes once the library is known. */
const SLOT = /\uE002(\d+)\uE003/g;
/** Both kinds of mark: taken out of what editors write (no place in an article), so theirs never count as ours. */
const MARKS = /[\uE000-\uE003]/g;

/** One photo of a body: its address and text, and the plain <img> used when it is not one of the content's photos. */
export interface PhotoSlot {
  src: string;
  alt: string;
  fallback: string;
}

/**
 * A body rendered up to its photos: the part that depends on the file alone, which the build keeps between runs
 * (content/source-cache.ts). placePhotos finishes it with the build's photo library.
 */
export interface SlottedBody {
  /** Allowlisted HTML with a mark where each photo goes. */
  html: string;
  photos: PhotoSlot[];
  /** Text of the first paragraph, without markup. */
  firstParagraph: string;
  /** What the sanitizer removed from HTML the editor wrote, with file lines. */
  removals: Removal[];
}

export interface RenderedBody {
  html: string;
  /** Text of the first paragraph, without markup. */
  firstParagraph: string;
  /** What the sanitizer removed from HTML the editor wrote, with file lines. */
  removals: Removal[];
}

/** Renders a body whose first line is line `bodyLine` of its file (for the lines of removals). */
export function renderBody(body: string, bodyLine = 1, images?: PictureSource): RenderedBody {
  const slotted = renderSlotted(body, bodyLine);
  return { html: placePhotos(slotted, images), firstParagraph: slotted.firstParagraph, removals: slotted.removals };
}

/** Renders a body, its photos left as marks (placePhotos). */
export function renderSlotted(source: string, bodyLine = 1): SlottedBody {
  const body = source.replace(MARKS, "");
  const env: RenderEnv = { slots: [], photos: [] };
  const tokens = markdown.parse(body, env);
  let firstParagraph = "";
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.type === "paragraph_open") {
      const inline = tokens[i + 1];
      firstParagraph = (inline?.children ?? [])
        .map((t) => (t.type === "text" || t.type === "code_inline" ? t.content : t.type === "softbreak" ? " " : ""))
        .join("");
      break;
    }
  }
  return {
    html: sanitizeBody(markdown.renderer.render(tokens, markdown.options, env)).replace(PLACEHOLDER, (_, n: string) => env.photos[Number(n)] ?? ""),
    photos: env.slots,
    firstParagraph: firstParagraph.replace(/\s+/g, " ").trim(),
    removals: rawHtmlRemovals(tokens, body, bodyLine),
  };
}

/** Puts each photo in its place: a photo of the content as <picture>, any other address as a plain <img>. */
export function placePhotos(body: SlottedBody, images?: PictureSource): string {
  return body.html.replace(SLOT, (_, n: string) => {
    const slot = body.photos[Number(n)];
    if (!slot) return "";
    const picture = images?.picture(slot.src, slot.alt);
    return picture ? pictureHtml(picture, { sizes: "column" }) : slot.fallback;
  });
}

/** Removals in the HTML blocks and inline tags an editor wrote; Markdown's own output is not theirs to fix. */
function rawHtmlRemovals(tokens: Token[], body: string, bodyLine: number): Removal[] {
  const lines = body.split("\n");
  // Inline tags carry no line: look for the tag's text within its paragraph's lines.
  const locate = (map: [number, number] | null, needle: string): number => {
    if (!map) return bodyLine;
    for (let i = map[0]; i < map[1]; i++) if (lines[i]?.includes(needle)) return bodyLine + i;
    return bodyLine + map[0];
  };
  const removals: Removal[] = [];
  for (const token of tokens) {
    if (token.type === "html_block" && token.map) removals.push(...findRemovals([{ html: token.content, line: bodyLine + token.map[0] }]));
    if (token.type !== "inline") continue;
    const tags = (token.children ?? []).filter((child) => child.type === "html_inline");
    if (tags.length) removals.push(...findRemovals(tags.map((tag) => ({ html: tag.content, line: locate(token.map, tag.content) }))));
  }
  return removals;
}

/** Cuts at a word boundary, for summaries and meta descriptions. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max * 0.6 ? space : max).replace(/[\s,;:.…-]+$/, "")}…`;
}

/**
 * Photos in a body, the Vietnamese newspaper way. An image alone in its paragraph is a figure; a line written in
 * italics right below it (on the next line or after a blank line) is its caption, and "Ảnh: …" at the end of that
 * line is the photographer's credit:
 *
 *     ![Đại biểu tham quan gian trưng bày](/images/ngay-hoi.jpg)
 *     *Đại biểu tham quan gian trưng bày. Ảnh: Minh Anh*
 */
markdown.core.ruler.push("figures", (state: StateCore) => {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== "paragraph_open" || tokens[i + 1]!.type !== "inline" || tokens[i + 2]!.type !== "paragraph_close") continue;
    const children = (tokens[i + 1]!.children ?? []).filter((t) => !(t.type === "text" && t.content.trim() === ""));
    const image = children[0];
    if (image?.type !== "image") continue;
    let caption: Token[] | undefined;
    let consumed = 3;
    if (children.length === 1) {
      const next = tokens[i + 4];
      if (tokens[i + 3]?.type === "paragraph_open" && next?.type === "inline" && emphasisOnly(next.children ?? [])) {
        caption = next.children!.slice(1, -1);
        consumed = 6;
      }
    } else if (children[1]?.type === "softbreak" && emphasisOnly(children.slice(2))) {
      caption = children.slice(3, -1);
    } else {
      continue;
    }
    const figure = new state.Token("figure", "figure", 0);
    figure.children = [image];
    figure.meta = { caption };
    figure.block = true;
    tokens.splice(i, consumed, figure);
  }
});

/** The whole run is one emphasis: *…* or _…_, nothing before or after it. */
function emphasisOnly(run: Token[]): boolean {
  const items = run.filter((t) => !(t.type === "text" && t.content.trim() === ""));
  if (items[0]?.type !== "em_open" || items[items.length - 1]?.type !== "em_close" || items.length < 3) return false;
  let depth = 0;
  for (const [index, token] of items.entries()) {
    if (token.type === "em_open") depth++;
    if (token.type === "em_close") depth--;
    if (depth === 0 && index < items.length - 1) return false;
  }
  return run[0] === items[0] && run[run.length - 1] === items[items.length - 1];
}

const CREDIT = /^(.*?)(?:^|[\s.;,–-]+)\(?\s*ảnh\s*:\s*([^()]*?)\s*\)?\s*\.?\s*$/isu;

markdown.renderer.rules.figure = (tokens, idx, options, env: RenderEnv, self) => {
  const token = tokens[idx]!;
  const image = token.children![0]!;
  const caption = (token.meta as { caption?: Token[] }).caption ?? [];
  let credit = "";
  const last = caption[caption.length - 1];
  const match = last?.type === "text" ? CREDIT.exec(last.content.normalize("NFC")) : null;
  if (last && match) {
    credit = match[2]!;
    last.content = match[1]!.trim() === "" ? "" : `${match[1]!.trim()}${/[.!?…]$/.test(match[1]!.trim()) ? "" : "."}`;
  }
  // The caption is the editor's text: through the allowlist like the rest of the body.
  const text = sanitizeBody(self.renderInline(caption, options, env)).trim();
  const escape = markdown.utils.escapeHtml;
  const figcaption = text || credit ? `<figcaption>${text}${text && credit ? " " : ""}${credit ? `<span class="photo-credit">Ảnh: ${escape(credit)}</span>` : ""}</figcaption>` : "";
  return `${keep(env, `<figure class="photo">${renderImage(image, env, options, self)}${figcaption}</figure>`)}\n`;
};

markdown.renderer.rules.image = (tokens, idx, options, env: RenderEnv, self) => keep(env, renderImage(tokens[idx]!, env, options, self));

/** Sets our markup aside and leaves its placeholder in the HTML that goes through the allowlist. */
function keep(env: RenderEnv, html: string): string {
  env.photos.push(html);
  return `\uE000${env.photos.length - 1}\uE001`;
}

/** A photo's mark; the plain <img> kept for when it is not one of the content's photos (data:, or one the checker rejects). */
function renderImage(image: Token, env: RenderEnv, options: Options, self: MarkdownIt["renderer"]): string {
  const src = image.attrGet("src") ?? "";
  const alt = self.renderInlineAsText(image.children ?? [], options, env);
  // Not one of our photos: the allowlist decides whether its address may stay.
  const fallback = sanitizeBody(`<img src="${markdown.utils.escapeHtml(src)}" alt="${markdown.utils.escapeHtml(alt)}">`);
  env.slots.push({ src, alt, fallback });
  return `\uE002${env.slots.length - 1}\uE003`;
}
