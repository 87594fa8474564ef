/**
 * `npm run dev`: the editors' live preview. It renders each page on request with the same layouts, filters and
 * content loader as the build, re-reading only the files that changed, so an edited article shows at once even
 * in a 10,000-article archive (a full Eleventy rebuild takes seconds there). Drafts and scheduled articles show,
 * marked. Search and the visit counter need the production build: `npm start`.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, watch } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import matter from "gray-matter";
import nunjucks from "nunjucks";
import { site } from "../site.config.ts";
import { fingerprintAssets } from "./lib/assets.ts";
import { FOLDERS, formatProblem, loadContent, type ContentCache } from "./lib/content.ts";
import { NUNJUCKS_OPTIONS, templateFilters, type AssetMap } from "./lib/filters.ts";
import { securityHeaders } from "./lib/headers.ts";
import { createNewsroom, type Newsroom } from "./lib/newsroom.ts";
import { buildClock } from "./lib/build-mode.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LAYOUTS = path.join(ROOT, "layouts");

interface PageTemplate {
  name: string;
  body: string;
  permalink: string;
  pagination?: { data: string; alias: string };
}

interface Route {
  template: PageTemplate;
  data: Record<string, unknown>;
}

/** The page templates that produce HTML (feeds, sitemap and redirects are build-only). */
function readTemplates(): PageTemplate[] {
  return readdirSync(path.join(LAYOUTS, "pages"))
    .sort()
    .map((name) => {
      const file = matter(readFileSync(path.join(LAYOUTS, "pages", name), "utf8"), {});
      const data = file.data as { permalink: string; pagination?: { data: string; alias: string } };
      return { name, body: file.content, permalink: String(data.permalink), pagination: data.pagination };
    })
    .filter((t) => t.permalink.endsWith("/") || t.permalink.endsWith(".html") || t.permalink.includes("{{"))
    .filter((t) => !/\.(xml|txt)|_redirects/.test(t.permalink));
}

/** URL → template and data, mirroring Eleventy's pagination of size 1. */
export function routesOf(templates: PageTemplate[], newsroom: Newsroom, env: nunjucks.Environment): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const template of templates) {
    if (!template.pagination) {
      routes.set(template.permalink, { template, data: {} });
      continue;
    }
    const items = template.pagination.data.split(".").slice(1).reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], newsroom);
    const { alias } = template.pagination;
    // "{{ article.url }}" needs no template engine: read the property.
    const direct = template.permalink.match(/^\{\{\s*(\w+)\.(\w+)\s*\}\}$/);
    for (const item of items as Record<string, unknown>[]) {
      const url = direct && direct[1] === alias ? String(item[direct[2]!]) : env.renderString(template.permalink, { [alias]: item });
      routes.set(url, { template, data: { [alias]: item } });
    }
  }
  return routes;
}

export interface Preview {
  /** The fingerprinted asset URLs the pages link to, with their source files. */
  assets: AssetMap;
  render(url: string): { status: number; html: string };
  /** Re-reads changed content on the next render. */
  invalidate(): void;
}

export function createPreview(contentDir: string): Preview {
  const assets = fingerprintAssets(path.join(ROOT, "assets"));
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS, { noCache: true }), NUNJUCKS_OPTIONS);
  for (const [name, filter] of Object.entries(templateFilters(site, assets))) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  const cache: ContentCache = new Map();
  let state: { newsroom: Newsroom; routes: Map<string, Route>; errors: string[] } | undefined;

  const load = () => {
    const now = buildClock();
    const content = loadContent(contentDir, { categories: site.categories, now, includeUnpublished: true, cache });
    const newsroom = createNewsroom(content, site, now);
    const errors = content.problems.filter((p) => p.severity === "error").map(formatProblem);
    return { newsroom, routes: routesOf(readTemplates(), newsroom, env), errors };
  };

  return {
    assets,
    invalidate() {
      state = undefined;
    },
    render(url: string) {
      state ??= load();
      const route = state.routes.get(url) ?? state.routes.get("/404.html")!;
      const context = { site, newsroom: state.newsroom, preview: true, page: { url }, ...route.data };
      let html = env.renderString(route.template.body, context);
      // Problems don't stop the preview: the editor sees them on every page until fixed.
      if (state.errors.length) {
        const list = state.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join("");
        html = html.replace("<body>", `<body><div class="preview-banner" role="alert"><p>Nội dung có lỗi, bản xuất bản sẽ dừng lại:</p><ul>${list}</ul></div>`);
      }
      return { status: state.routes.has(url) ? 200 : 404, html };
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TYPES: Record<string, string> = { ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };

export function createPreviewListener(contentDir: string, preview = createPreview(contentDir)): http.RequestListener {
  const files = new Map([...preview.assets.values()].map((a) => [a.url, a.source]));
  return (req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const url = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const imagesPrefix = `/${FOLDERS.images}/`;
    const file = files.get(url) ?? (url.startsWith(imagesPrefix) && !url.includes("..") ? path.join(contentDir, url) : undefined);
    if (file && existsSync(file)) {
      res.setHeader("Content-Type", TYPES[path.extname(file)] ?? "application/octet-stream");
      createReadStream(file).pipe(res);
      return;
    }
    try {
      const page = preview.render(url.endsWith("/") || url.endsWith(".html") ? url : `${url}/`);
      res.writeHead(page.status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(page.html);
    } catch (error) {
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Lỗi khi dựng trang: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });
  const contentDir = path.resolve(values.content!);
  const preview = createPreview(contentDir);
  watch(contentDir, { recursive: true }, () => preview.invalidate());
  watch(LAYOUTS, { recursive: true }, () => preview.invalidate());
  const port = Number(process.env.PORT ?? 8080);
  http.createServer(createPreviewListener(contentDir, preview)).listen(port, "127.0.0.1", () => {
    console.log(`Xem thử (có cả bản nháp và bài hẹn giờ): http://localhost:${port}/`);
  });
}
