/** Visit counter (issue 4): POST counts one visit, GET reads; Netlify Database stores the counts. */
import type { Config, Context } from "@netlify/edge-functions";
import { getDatabase } from "@netlify/database";
import { site } from "../../site.config.ts";
import { VISITS_RATE_LIMIT } from "./lib/rate-limit.ts";
import { createVisitsHandler } from "./lib/visits-handler.ts";
import { sqlVisitStore, type VisitStore } from "./lib/visit-store.ts";

// One connection pool per isolate, reused across requests.
let store: VisitStore | undefined;

function databaseStore(): VisitStore {
  if (store) return store;
  // No options: @netlify/database reads NETLIFY_DB_URL and NETLIFY_DB_DRIVER and picks the driver.
  const db = getDatabase();
  // A dropped idle connection must not crash the isolate; the next query reconnects.
  db.pool.on("error", (error: Error) => console.error("visits: idle database connection lost:", error.message));
  // `unsafe` only because the text is a constant from visit-store.ts; values still travel as bound parameters.
  store = sqlVisitStore((text, params) =>
    db.sql.unsafe(text, params as Parameters<typeof db.sql.unsafe>[1], { rowMode: "object" }),
  );
  return store;
}

const handle = createVisitsHandler({
  store: databaseStore,
  timeZone: site.timeZone,
  initialTotal: site.counter.initialTotal,
  timeoutMs: site.counter.timeoutMs,
});

export default async (request: Request, _context: Context): Promise<Response> => handle(request);

// Netlify answers 429 past the rule, before the function runs: no invocation, no database write.
export const config: Config = { path: "/api/visits", rateLimit: VISITS_RATE_LIMIT };
