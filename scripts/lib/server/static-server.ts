/**
 * `npm start`: serves the built site and the visit counter, with no account and no database server.
 * The counter runs the edge function's own handler and SQL on PGlite kept in `.data/visits-db`.
 * Usage: tsx scripts/serve.ts [--dir _site] [--db .data/visits-db]; PORT (default 8080), HOST (default 127.0.0.1).
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "@netlify/database-dev";
import sirv from "sirv";
import { site } from "../../../site.config.ts";
import { createVisitsHandler } from "../../../netlify/edge-functions/lib/visits-handler.ts";
import { createRateLimiter, VISITS_RATE_LIMIT, type RateLimiter } from "../../../netlify/edge-functions/lib/rate-limit.ts";
import { sqlVisitStore, type VisitStore } from "../../../netlify/edge-functions/lib/visit-store.ts";
import { runtimeRedirect } from "../search/shards.ts";
import { cacheControlFor, securityHeaders } from "./headers.ts";
import { fileType } from "../content/attachments.ts";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const migrationsDir = path.join(repoRoot, "netlify", "database", "migrations");

export type FetchHandler = (request: Request) => Promise<Response>;

export interface VisitsDatabase {
  store: VisitStore;
  close(): Promise<void>;
}

/** A database folder that holds files but no database: never initialised over, it may be a damaged one. */
export class DamagedDatabaseError extends Error {}

/** Opens (or creates) the PGlite folder and applies the same migrations Netlify Database gets. */
export async function openVisitsDatabase(dataDir?: string): Promise<VisitsDatabase> {
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    // PGlite would initialise a fresh database over it, and the count would restart silently from the initial total.
    if ((await readdir(dataDir)).length > 0 && !existsSync(path.join(dataDir, "PG_VERSION"))) throw new DamagedDatabaseError(`${dataDir} holds files but no PG_VERSION`);
  }
  const db = await PGlite.create(dataDir);
  await applyMigrations(db, migrationsDir);
  return {
    store: sqlVisitStore(async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows),
    close: () => db.close(),
  };
}

/**
 * The database of `npm start`, which never stops the site: a missing folder is created (and said so), a damaged one
 * is left as it is, and the counter answers 503 while the log says what to do.
 */
export async function openOrExplainVisitsDatabase(dataDir: string, log: (line: string) => void = console.error): Promise<VisitsDatabase> {
  const existed = existsSync(dataDir) && (await readdir(dataDir).catch(() => [])).length > 0;
  try {
    const database = await openVisitsDatabase(dataDir);
    if (!existed) log(`serve: no visit database in ${dataDir}; created a new one, counting from site.counter.initialTotal (${site.counter.initialTotal}).`);
    return database;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(
      `serve: the visit database in ${dataDir} cannot be opened (${reason}). The site is served; the counter answers 503. ` +
        `To keep the count, stop the server and restore the folder from a backup; to count afresh from site.counter.initialTotal, ` +
        `stop the server, move the folder away (mv ${dataDir} ${dataDir}.damaged) and start again.`,
    );
    const unavailable = () => Promise.reject(new Error(`visit database in ${dataDir} is damaged`));
    return { store: { count: unavailable, read: unavailable }, close: async () => {} };
  }
}

/** Netlify's rule for the counter (the edge function's config.rateLimit), per client address. */
export function localRateLimit(now?: () => number): RateLimiter {
  return createRateLimiter(VISITS_RATE_LIMIT, now);
}

/** The counter as `npm start` runs it: the edge function's handler, settings and SQL on a local store. */
export function localVisitsHandler(store: VisitStore): FetchHandler {
  return createVisitsHandler({
    store: () => store,
    timeZone: site.timeZone,
    initialTotal: site.counter.initialTotal,
    timeoutMs: site.counter.timeoutMs,
  });
}

/**
 * Static files from `dir` with Netlify-like pretty URLs, 404 page and cache headers; pages answer GET and HEAD
 * only. The counter's route goes to `visits`, behind `limit` (`npm start` passes localRateLimit()).
 */
export function createSiteListener(dir: string, visits: FetchHandler, limit: RateLimiter = () => ({ allowed: true })): http.RequestListener {
  const notFoundPage = path.join(dir, "404.html");
  // sirv lists the folder once, at start: restart after a rebuild. A site not built yet serves only the counter.
  const built = existsSync(dir);
  if (!built) console.warn(`serve: ${dir} does not exist; build the site first.`);
  const serveStatic = built
    ? sirv(dir, {
        etag: true,
        gzip: true,
        brotli: true,
        setHeaders(res, pathname) {
          res.setHeader("Cache-Control", cacheControlFor(pathname));
          // sirv's type table lacks the Office formats: documents' attachments take theirs from our allowlist.
          const attachment = pathname.startsWith("/van-ban/") ? fileType(pathname) : undefined;
          if (attachment) res.setHeader("Content-Type", attachment.mime);
        },
      })
    : undefined;

  return (req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname === site.counter.endpoint) {
      const verdict = limit(req.socket.remoteAddress ?? "");
      if (!verdict.allowed) return sendJson(res, 429, { error: "rate_limited" }, { "Retry-After": String(verdict.retryAfterSeconds) });
      // fetch's Request refuses these methods outright: answer as the handler answers any other.
      if (FORBIDDEN_METHODS.has(req.method ?? "")) return sendJson(res, 405, { error: "method_not_allowed" }, { Allow: "GET, POST" });
      void respondWith(visits, req, res);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": cacheControlFor(pathname) });
      return void res.end("405 Phương thức không được hỗ trợ");
    }
    // A shard's request for Pagefind's runtime goes to the one copy, as netlify.toml's redirect sends it.
    const runtime = runtimeRedirect(pathname);
    if (runtime) {
      res.writeHead(301, { Location: runtime, "Cache-Control": cacheControlFor(runtime) }).end();
      return;
    }
    if (!serveStatic) return void sendNotFound(notFoundPage, res);
    serveStatic(req, res, () => void sendNotFound(notFoundPage, res));
  };
}

const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

async function sendNotFound(notFoundPage: string, res: http.ServerResponse): Promise<void> {
  const page = await readFile(notFoundPage).catch(() => null);
  res.statusCode = 404;
  res.setHeader("Cache-Control", cacheControlFor("/404.html"));
  res.setHeader("Content-Type", page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
  res.end(page ?? "404 Không tìm thấy trang");
}

/** Runs a web-standard handler (the edge function's shape) behind node:http. */
async function respondWith(handler: FetchHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request);
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error("serve: counter handler failed:", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server; `close` ends open connections too, so callers stop promptly. */
export async function listen(listener: http.RequestListener, port = 0, host = "127.0.0.1"): Promise<SiteServer> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === "127.0.0.1" || host === "::1" || host === "0.0.0.0" ? "localhost" : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
