/**
 * Finds the links and images of a Markdown body, each with its line, for the checker's link and image rules.
 * What the sanitizer removes from raw HTML is the loader's report (content/sanitize.ts), not found here.
 */
import { Parser } from "htmlparser2";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { markdown } from "../content/markdown.ts";
import { isAllowedAttribute, isScriptUrl } from "../content/sanitize.ts";

export type Finding =
  | { kind: "link"; line: number; url: string }
  | { kind: "image"; line: number; url: string; alt: string | undefined; html?: boolean }
  | { kind: "script-url"; line: number; tag: string; attribute: string; url: string };

// The build's renderer, except that every link is kept: markdown-it drops `javascript:` links silently,
// and the editor must hear about them.
const reader = new MarkdownIt(markdown.options);
reader.validateLink = () => true;

export { isScriptUrl };

/** Every finding of a body whose first line is line `bodyLine` of its file. */
export function scanBody(body: string, bodyLine: number): Finding[] {
  const lines = body.split("\n");
  const findings: Finding[] = [];
  // Block tokens know their lines; inline ones are looked up within their block's lines.
  const locate = (map: [number, number] | null, needle: string): number => {
    if (!map) return bodyLine;
    const wanted = [needle, safeDecode(needle)];
    for (let i = map[0]; i < map[1]; i++) {
      if (wanted.some((w) => w && lines[i]?.includes(w))) return bodyLine + i;
    }
    return bodyLine + map[0];
  };

  for (const token of reader.parse(body, {})) {
    if (token.type === "html_block" && token.map) {
      findings.push(...scanHtml(token.content, bodyLine + token.map[0]));
    } else if (token.type === "inline") {
      for (const child of token.children ?? []) scanInline(child, token.map, locate, findings);
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

function scanInline(child: Token, map: [number, number] | null, locate: (map: [number, number] | null, needle: string) => number, findings: Finding[]): void {
  if (child.type === "link_open") {
    const url = child.attrGet("href") ?? "";
    const line = locate(map, url);
    findings.push(isScriptUrl(url) ? { kind: "script-url", line, tag: "a", attribute: "href", url } : { kind: "link", line, url });
  } else if (child.type === "image") {
    const url = child.attrGet("src") ?? "";
    const line = locate(map, url);
    findings.push(isScriptUrl(url) ? { kind: "script-url", line, tag: "img", attribute: "src", url } : { kind: "image", line, url, alt: child.content });
  } else if (child.type === "html_inline") {
    findings.push(...scanHtml(child.content, locate(map, child.content)));
  }
}

/** Links and images of raw HTML written by an editor, as the sanitizer keeps them (a removed address is its report). */
export function scanHtml(html: string, firstLine: number): Finding[] {
  const findings: Finding[] = [];
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const line = firstLine + countNewlines(html, parser.startIndex);
        const { href, src } = attributes;
        if (tag === "a" && href !== undefined && isAllowedAttribute(tag, "href", href)) findings.push({ kind: "link", line, url: href });
        if (tag === "img" && src !== undefined && isAllowedAttribute(tag, "src", src)) findings.push({ kind: "image", line, url: src, alt: attributes.alt, html: true });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return findings;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
