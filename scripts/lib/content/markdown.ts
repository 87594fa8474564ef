/** Article bodies: Markdown to allowlisted HTML, and the plain first paragraph used as a summary. */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { findRemovals, sanitizeBody, type Removal } from "./sanitize.ts";

// html stays on for editors' tables and pasted markup; sanitize.ts keeps only what an article needs.
export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

export interface RenderedBody {
  html: string;
  /** Text of the first paragraph, without markup. */
  firstParagraph: string;
  /** What the sanitizer removed from HTML the editor wrote, with file lines. */
  removals: Removal[];
}

/** Renders a body whose first line is line `bodyLine` of its file (for the lines of removals). */
export function renderBody(body: string, bodyLine = 1): RenderedBody {
  const tokens = markdown.parse(body, {});
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
    html: sanitizeBody(markdown.renderer.render(tokens, markdown.options, {})),
    firstParagraph: firstParagraph.replace(/\s+/g, " ").trim(),
    removals: rawHtmlRemovals(tokens, body, bodyLine),
  };
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
