/**
 * Throughput and latency of counting visits: POST /api/visits from concurrent clients, bounded.
 * Usage: tsx scripts/bench-counter.ts [--url http://localhost:8080] [--requests 5000] [--concurrency 50]
 * Without --url it starts `npm start`'s server in-process on a throwaway PGlite folder.
 * Prints one JSON line. Counts real visits on the target: do not point it at production.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { site } from "../../site.config.ts";
import { createSiteListener, listen, localVisitsHandler, openVisitsDatabase } from "../lib/server/static-server.ts";

const maxRequests = 100_000;

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    requests: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "50" },
  },
});
const requests = Math.min(Number(values.requests), maxRequests);
const concurrency = Math.min(Number(values.concurrency), requests);
if (!Number.isInteger(requests) || requests < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
  throw new Error("--requests and --concurrency must be positive integers");
}

// Same-origin browser headers, or the function (rightly) answers counted: false without writing.
const headers = {
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "sec-fetch-site": "same-origin",
  accept: "application/json",
};

let target = values.url;
let stop = async () => {};
if (!target) {
  const work = await mkdtemp(path.join(tmpdir(), "bench-visits-"));
  const database = await openVisitsDatabase(path.join(work, "db"));
  // An empty site folder: only the counter's route matters here.
  await mkdir(path.join(work, "site"));
  const server = await listen(createSiteListener(path.join(work, "site"), localVisitsHandler(database.store)));
  target = server.url;
  stop = async () => {
    await server.close();
    await database.close();
    await rm(work, { recursive: true, force: true });
  };
}
const endpoint = new URL(site.counter.endpoint, target).href;

const latencies: number[] = [];
let errors = 0;
let notCounted = 0;
let next = 0;

async function client(): Promise<void> {
  while (next < requests) {
    next++;
    const started = performance.now();
    try {
      const response = await fetch(endpoint, { method: "POST", headers });
      const body = (await response.json()) as { counted?: boolean };
      if (!response.ok) errors++;
      else if (body.counted !== true) notCounted++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - started);
  }
}

// Warm-up: open the connections first, so the figures measure counting and not TCP handshakes.
await Promise.all(Array.from({ length: concurrency }, () => fetch(endpoint, { headers }).then((r) => r.arrayBuffer())));

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, client));
const seconds = (performance.now() - started) / 1000;
await stop();

latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
const round = (n: number) => Math.round(n * 100) / 100;
console.log(
  JSON.stringify({
    target: values.url ?? "in-process serve.ts + PGlite folder",
    requests,
    concurrency,
    seconds: round(seconds),
    requestsPerSecond: round(requests / seconds),
    p50Ms: round(percentile(50)),
    p99Ms: round(percentile(99)),
    errors,
    notCounted,
  }),
);
