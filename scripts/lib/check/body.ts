/** Finds what the checker must look at in a Markdown body: links, images and raw HTML, each with its line. */
import { Parser } from "htmlparser2";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { markdown } from "../content/markdown.ts";

export type Finding =
  | { kind: "link"; line: number; url: string }
  | { kind: "image"; line: number; url: string; alt: string | undefined }
  | { kind: "element"; line: number; tag: string }
  | { kind: "handler"; line: number; tag: string; attribute: string }
  | { kind: "script-url"; line: number; tag: string; attribute: string; url: string }
  | { kind: "iframe"; line: number; src: string }
  | { kind: "style"; line: number; tag: string };

// The build's renderer, except that every link is kept: markdown-it drops `javascript:` links silently,
// and the editor must hear about them.
const reader = new MarkdownIt(markdown.options);
reader.validateLink = () => true;

/** Elements that run code or load foreign content; never allowed in a body. */
const FORBIDDEN_ELEMENTS = new Set(["script", "object", "embed", "applet", "base", "frame", "frameset"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"]);

/** `javascript:`, `vbscript:` and HTML data URLs, as a browser reads them (it ignores tabs, newlines, leading spaces). */
export function isScriptUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return compact.startsWith("javascript:") || compact.startsWith("vbscript:") || compact.startsWith("data:text/html");
}

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

/** Raw HTML written by an editor (pasted from Word or another site, usually). */
export function scanHtml(html: string, firstLine: number): Finding[] {
  const findings: Finding[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = firstLine + countNewlines(html, parser.startIndex);
        const tag = name.toLowerCase();
        if (FORBIDDEN_ELEMENTS.has(tag)) findings.push({ kind: "element", line, tag });
        if (tag === "style") findings.push({ kind: "style", line, tag });
        if (tag === "iframe") findings.push({ kind: "iframe", line, src: attributes.src ?? "" });
        for (const [attribute, value] of Object.entries(attributes)) {
          const attr = attribute.toLowerCase();
          if (attr.startsWith("on")) findings.push({ kind: "handler", line, tag, attribute: attr });
          else if (attr === "style") findings.push({ kind: "style", line, tag });
          else if (URL_ATTRIBUTES.has(attr) && isScriptUrl(value)) findings.push({ kind: "script-url", line, tag, attribute: attr, url: value });
        }
        if (tag === "a" && attributes.href !== undefined && !isScriptUrl(attributes.href)) findings.push({ kind: "link", line, url: attributes.href });
        if (tag === "img" && attributes.src !== undefined && !isScriptUrl(attributes.src)) {
          findings.push({ kind: "image", line, url: attributes.src, alt: attributes.alt });
        }
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
