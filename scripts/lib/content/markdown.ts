/** Article bodies: Markdown to HTML, and the plain first paragraph used as a summary. */
import MarkdownIt from "markdown-it";

// html stays on for editors' tables and allowed embeds; the checker rejects scripts, handlers and javascript: URLs.
export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

export interface RenderedBody {
  html: string;
  /** Text of the first paragraph, without markup. */
  firstParagraph: string;
}

export function renderBody(body: string): RenderedBody {
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
  return { html: markdown.renderer.render(tokens, markdown.options, {}), firstParagraph: firstParagraph.replace(/\s+/g, " ").trim() };
}

/** Cuts at a word boundary, for summaries and meta descriptions. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max * 0.6 ? space : max).replace(/[\s,;:.…-]+$/, "")}…`;
}
