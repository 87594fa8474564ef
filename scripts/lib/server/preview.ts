/**
 * `npm run dev`: the editors' live preview. It renders each page on request with the same layouts, filters and
 * content loader as the build, re-reading only the files that changed, so an edited article shows at once even
 * in a 10,000-article archive (a full Eleventy rebuild takes seconds there). Drafts and scheduled articles show,
 * marked. Search and the visit counter need the production build: `npm start`.
 */
import { createReadStream } from "node:fs";
import http from "node:http";
import path from "node:path";
import nunjucks from "nunjucks";
import sirv from "sirv";
import { site } from "../../../site.config.ts";
import { FOLDERS, formatProblem, loadContent, type ContentCache } from "../content/load.ts";
import { fingerprintAssets, SCRIPT_BUNDLES } from "../site/assets.ts";
import { buildClock } from "../site/clock.ts";
import { IMAGE_URL_PATH, ImageLibrary, type ShareImage } from "../site/images.ts";
import { NUNJUCKS_OPTIONS, templateFilters, type AssetMap } from "../site/filters.ts";
import { identityProblems, SETTINGS_FILE, settingLine } from "../site/identity.ts";
import { createNewsroom, type Newsroom } from "../site/newsroom.ts";
import { ASSETS, LAYOUTS, ROOT } from "../site/plugin.ts";
import { pagesOf, type RoutedPage } from "../site/routes.ts";
import { securityHeaders } from "./headers.ts";

export { LAYOUTS };

/** URL → page of the route table; feeds, sitemap and redirects are build-only. */
export function previewPages(newsroom: Newsroom): Map<string, RoutedPage> {
  return new Map(pagesOf(newsroom).filter((p) => p.route.html).map((p) => [p.url, p]));
}

export interface Preview {
  /** The fingerprinted asset URLs the pages link to, with their source files. */
  assets: AssetMap;
  render(url: string): { status: number; html: string };
  /** A document's attachment published at this address: its source file and type. */
  attachment(url: string): { source: string; mime: string } | undefined;
  /** Re-reads changed content on the next render. */
  invalidate(): void;
  /** A processed photo of the pages rendered so far, encoded on first request: its file in the cache. */
  image(name: string): Promise<string | undefined>;
}

export function createPreview(contentDir: string, { imageCache }: { imageCache?: string } = {}): Preview {
  const assets = fingerprintAssets(ASSETS);
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS, { noCache: true }), NUNJUCKS_OPTIONS);
  for (const [name, filter] of Object.entries(templateFilters(site, assets, () => state?.images))) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  const cache: ContentCache = new Map();
  let state: { newsroom: Newsroom; pages: Map<string, RoutedPage>; errors: string[]; images: ImageLibrary; shareImage?: ShareImage } | undefined;

  const load = () => {
    const now = buildClock();
    // A new library per load: an edited photo gets its new address. The encoded files stay in the shared cache.
    const images = new ImageLibrary({ contentDir, cacheDir: imageCache });
    // The content cache keeps rendered bodies; a replaced photo under the same name shows after its article is saved.
    const content = loadContent(contentDir, { categories: site.categories, documents: site.documents, now, includeUnpublished: true, cache, images });
    const newsroom = createNewsroom(content, site, now);
    const settings = identityProblems(site).map(({ setting, message }) => `${SETTINGS_FILE}:${settingLine(setting)}: ${setting}: ${message}`);
    const errors = [...settings, ...content.problems.filter((p) => p.severity === "error").map(formatProblem)];
    const shareImage = images.share(path.resolve(ROOT, site.shareImage.file), site.shareImage.alt);
    return { newsroom, pages: previewPages(newsroom), errors, images, shareImage };
  };

  return {
    assets,
    invalidate() {
      state = undefined;
    },
    attachment(url: string) {
      state ??= load();
      for (const doc of state.newsroom.documents) for (const a of doc.attachments) if (a.url === url) return { source: a.source, mime: a.mime };
      return undefined;
    },
    async image(name: string) {
      state ??= load();
      return state.images.output(name);
    },
    render(url: string) {
      state ??= load();
      const page = state.pages.get(url) ?? state.pages.get("/404.html")!;
      const context = { site, newsroom: state.newsroom, shareImage: state.shareImage, preview: true, page: { url }, ...page.data };
      let html = env.render(page.route.layout, context);
      // Problems don't stop the preview: the editor sees them on every page until fixed.
      if (state.errors.length) {
        const list = state.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join("");
        html = html.replace("<body>", `<body><div class="preview-banner" role="alert"><p>Nội dung có lỗi, bản xuất bản sẽ dừng lại:</p><ul>${list}</ul></div>`);
      }
      return { status: state.pages.has(url) ? 200 : 404, html };
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Any request gets an answer and none stops the process: pages by GET or HEAD (405 otherwise); images from
 * content/images/, documents' attachments and the fingerprinted assets through sirv, read from disk on each
 * request (editors add files while the preview runs); processed photos (/img/) encoded on their first request.
 */
export function createPreviewListener(contentDir: string, preview = createPreview(contentDir)): http.RequestListener {
  // "/assets/css/site.3f2a9c1b.css" → "/css/site.css" under assets/; bundled scripts from their own folder.
  const assetFiles = new Map([...preview.assets.values()].map((a) => [a.url, `/${path.relative(ASSETS, a.source).split(path.sep).join("/")}`]));
  const bundles = new Map([...preview.assets.values()].filter((a) => path.dirname(a.source) === SCRIPT_BUNDLES).map((a) => [a.url, `/${path.basename(a.source)}`]));
  const serveBundle = sirv(SCRIPT_BUNDLES, { dev: true, etag: true });
  const imagesPrefix = `/${FOLDERS.images}/`;
  const serveAsset = sirv(ASSETS, { dev: true, etag: true });
  const serveImage = sirv(path.join(contentDir, FOLDERS.images), { dev: true, etag: true });

  const sendPage = (req: http.IncomingMessage, res: http.ServerResponse, url: string) => {
    const page = preview.render(url.endsWith("/") || url.endsWith(".html") ? url : `${url}/`);
    res.writeHead(page.status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : page.html);
  };

  return (req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    try {
      if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Phương thức không được hỗ trợ: xem thử chỉ nhận GET và HEAD.", { Allow: "GET, HEAD" });
      const { pathname, search } = new URL(req.url ?? "/", "http://localhost");
      let url: string;
      try {
        url = decodeURIComponent(pathname);
      } catch {
        return sendText(res, 400, "Địa chỉ không hợp lệ.");
      }
      const bundle = bundles.get(url);
      if (bundle) {
        req.url = bundle;
        return serveBundle(req, res, () => sendPage(req, res, url));
      }
      const asset = assetFiles.get(url);
      if (asset) {
        req.url = asset;
        return serveAsset(req, res, () => sendPage(req, res, url));
      }
      if (url.startsWith(IMAGE_URL_PATH)) return sendPhoto(req, res, preview, url.slice(IMAGE_URL_PATH.length));
      if (url.startsWith(imagesPrefix)) {
        req.url = pathname.slice(imagesPrefix.length - 1) + search;
        return serveImage(req, res, () => sendPage(req, res, url));
      }
      const attachment = url.startsWith("/van-ban/") ? preview.attachment(url) : undefined;
      if (attachment) {
        req.url = `/${encodeURIComponent(path.basename(attachment.source))}`;
        const serveAttachment = sirv(path.dirname(attachment.source), { dev: true, etag: true, setHeaders: (response) => response.setHeader("Content-Type", attachment.mime) });
        return serveAttachment(req, res, () => sendPage(req, res, url));
      }
      sendPage(req, res, url);
    } catch (error) {
      sendText(res, 500, `Lỗi khi dựng trang: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

const PHOTO_TYPES: Record<string, string> = { ".avif": "image/avif", ".webp": "image/webp", ".jpeg": "image/jpeg" };

function sendPhoto(req: http.IncomingMessage, res: http.ServerResponse, preview: Preview, name: string): void {
  preview.image(name).then(
    (file) => {
      if (!file) return sendText(res, 404, "Không có ảnh này.");
      res.writeHead(200, { "Content-Type": PHOTO_TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
      if (req.method === "HEAD") return void res.end();
      createReadStream(file).pipe(res);
    },
    (error: unknown) => sendText(res, 500, error instanceof Error ? error.message : String(error)),
  );
}

function sendText(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(text);
}
