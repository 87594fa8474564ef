/** Reading built pages in tests: elements, links, and text in the page's own language. */
import { DomUtils, parseDocument } from "htmlparser2";
import type { AnyNode, Element } from "domhandler";

export function parseHtml(html: string) {
  return parseDocument(html);
}

/** Elements with a tag name, anywhere in the page or under an element. */
export function elements(root: AnyNode | AnyNode[], tag: string): Element[] {
  return DomUtils.findAll((e) => e.name === tag, Array.isArray(root) ? root : [root]);
}

/** The first element with this class, or undefined. */
export function byClass(root: AnyNode | AnyNode[], className: string): Element | undefined {
  return DomUtils.findOne((e) => (e.attribs.class ?? "").split(/\s+/).includes(className), Array.isArray(root) ? root : [root]) ?? undefined;
}

/** Every link's href, in page order. */
export function hrefs(root: AnyNode | AnyNode[]): string[] {
  return elements(root, "a").map((a) => a.attribs.href ?? "");
}

export function text(node: AnyNode | AnyNode[]): string {
  return DomUtils.textContent(node).replace(/\s+/g, " ").trim();
}

const READ_ATTRIBUTES = ["aria-label", "alt", "title", "placeholder"];

/**
 * Text a reader meets in a given language: text nodes and labelling attributes whose nearest lang attribute
 * (the <html> element's for most, `inherited` for a part of a page) is `lang`. Scripts, styles and <head> are left out.
 */
export function textInLanguage(source: string | AnyNode[], lang: string, inherited?: string): string[] {
  const found: string[] = [];
  const walk = (nodes: AnyNode[], current: string | undefined) => {
    for (const node of nodes) {
      if (node.type === "text") {
        const value = node.data.replace(/\s+/g, " ").trim();
        if (value && current === lang) found.push(value);
      } else if (node.type === "tag" || node.type === "script" || node.type === "style") {
        const element = node as Element;
        if (["script", "style", "head", "template"].includes(element.name)) continue;
        const own = element.attribs.lang ?? current;
        if (own === lang) for (const name of READ_ATTRIBUTES) if (element.attribs[name]?.trim()) found.push(element.attribs[name].trim());
        walk(element.children, own);
      }
    }
  };
  walk(typeof source === "string" ? parseDocument(source).children : source, inherited);
  return found;
}
