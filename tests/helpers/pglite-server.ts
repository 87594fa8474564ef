// Test helper: a real Postgres engine over the wire (PGlite behind pglite-socket), migrated like production.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { applyMigrations } from "@netlify/database-dev";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSiteListener, listen, migrationsDir, type SiteServer } from "../../scripts/lib/server/static-server.ts";

export interface PgliteServer {
  db: PGlite;
  /** postgres:// URL for NETLIFY_DB_URL. */
  url: string;
  stop(): Promise<void>;
}

export async function startPgliteServer(): Promise<PgliteServer> {
  const db = await PGlite.create();
  await applyMigrations(db, migrationsDir);
  // maxConnections defaults to 1; pg's pool opens up to 10 per getDatabase().
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 100 });
  await server.start();
  return {
    db,
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Today's and the total's rows, read straight from the database. */
export async function storedCounts(db: PGlite): Promise<{ days: Record<string, number>; total: number | null }> {
  const days = await db.query<{ day: string; n: string | number | bigint }>(
    "SELECT to_char(day, 'YYYY-MM-DD') AS day, n FROM visits_daily ORDER BY day",
  );
  const total = await db.query<{ n: string | number | bigint }>("SELECT n FROM visits_total");
  return {
    days: Object.fromEntries(days.rows.map((row) => [row.day, Number(row.n)])),
    total: total.rows[0] ? Number(total.rows[0].n) : null,
  };
}

export const browserHeaders = {
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "sec-fetch-site": "same-origin",
};

/**
 * The production edge function, unchanged, behind a real HTTP server: getDatabase() reads NETLIFY_DB_URL
 * (`databaseUrl` here) and picks the pg driver.
 */
export async function serveProductionFunction(databaseUrl: string): Promise<SiteServer> {
  process.env.NETLIFY_DB_URL = databaseUrl;
  delete process.env.NETLIFY_DB_DRIVER;
  const { default: visits } = await import("../../netlify/edge-functions/visits.ts");
  const siteDir = await mkdtemp(path.join(tmpdir(), "visits-site-"));
  const http = await listen(createSiteListener(siteDir, (request) => visits(request, {} as Parameters<typeof visits>[1])));
  return {
    url: http.url,
    async close() {
      await http.close();
      await rm(siteDir, { recursive: true, force: true });
      delete process.env.NETLIFY_DB_URL;
    },
  };
}
