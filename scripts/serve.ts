/**
 * `npm start`: serves the built site and the visit counter, with no account and no database server.
 * Usage: tsx scripts/serve.ts [--dir _site] [--db .data/visits-db]; PORT (default 8080), HOST (default 127.0.0.1).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createSiteListener, listen, localRateLimit, localVisitsHandler, openOrExplainVisitsDatabase } from "./lib/server/static-server.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dir: { type: "string", default: "_site" }, db: { type: "string", default: ".data/visits-db" } },
  });
  const dir = path.resolve(values.dir);
  if (existsSync(dir) && !existsSync(path.join(dir, "index.html"))) {
    console.warn(`serve: ${dir}/index.html not found; build the site first.`);
  }

  const database = await openOrExplainVisitsDatabase(path.resolve(values.db));
  const server = await listen(
    createSiteListener(dir, localVisitsHandler(database.store), localRateLimit()),
    Number(process.env.PORT ?? 8080),
    process.env.HOST ?? "127.0.0.1",
  );
  const shown = path.relative(process.cwd(), dir);
  console.log(`Serving ${shown.startsWith("..") ? dir : shown || "."} on ${server.url}/`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`serve: ${signal}, closing`);
    // PGlite must close cleanly or the folder database is left needing recovery.
    void server
      .close()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error("serve: shutdown failed:", error);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

await main();
