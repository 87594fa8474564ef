// The database refuses, hangs or answers late: the function answers 503 before the deadline and counts nothing twice.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { site } from "../../site.config.ts";
import type { SiteServer } from "../../scripts/serve.ts";
import { browserHeaders, serveProductionFunction, startPgliteServer, storedCounts, type PgliteServer } from "./pglite-server.ts";

type Mode = "pass" | "refuse" | "hang" | "late";
const lateByMs = site.counter.timeoutMs + 1000;

/** A TCP proxy in front of the database whose behaviour the test switches, for new and open connections alike. */
async function faultyProxy(target: { host: string; port: number }) {
  let mode: Mode = "pass";
  const sockets = new Set<net.Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (mode === "refuse") return void client.destroy();
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("data", (chunk) => {
      if (mode === "pass" || mode === "late") upstream.write(chunk);
      // "hang": the query is swallowed and never reaches the database.
    });
    upstream.on("data", (chunk) => {
      if (mode === "late") {
        // The database did the work; its answer arrives after the deadline.
        const timer = setTimeout(() => {
          timers.delete(timer);
          client.write(chunk);
        }, lateByMs);
        timers.add(timer);
      } else if (mode === "pass") client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    setMode(next: Mode) {
      mode = next;
      if (next === "refuse") for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let pg: PgliteServer;
let proxy: Awaited<ReturnType<typeof faultyProxy>>;
let http: SiteServer;
const logged: unknown[] = [];

beforeAll(async () => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
  pg = await startPgliteServer();
  const [host, port] = pg.url.replace("postgres://postgres@", "").replace("/postgres", "").split(":");
  proxy = await faultyProxy({ host: host!, port: Number(port) });
  http = await serveProductionFunction(proxy.url);
}, 60_000);

afterAll(async () => {
  await http?.close();
  await proxy?.close();
  await pg?.stop();
  vi.restoreAllMocks();
});

async function visit(): Promise<{ status: number; body: Record<string, unknown>; ms: number; cacheControl: string | null }> {
  const started = performance.now();
  const response = await fetch(`${http.url}${site.counter.endpoint}`, { method: "POST", headers: browserHeaders });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, ms: performance.now() - started, cacheControl: response.headers.get("cache-control") };
}

async function storedTotal(): Promise<number | null> {
  return (await storedCounts(pg.db)).total;
}

describe("database faults", () => {
  it("counts normally when the database answers", async () => {
    const answer = await visit();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: site.counter.initialTotal + 1, counted: true });
    expect(await storedTotal()).toBe(site.counter.initialTotal + 1);
  }, 30_000);

  it("refused connections: 503 with a JSON error before the deadline, nothing counted", async () => {
    proxy.setMode("refuse");
    const answer = await visit();
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ error: "database_unavailable" });
    expect(answer.cacheControl).toBe("no-store");
    expect(answer.ms).toBeLessThan(site.counter.timeoutMs);
    expect(await storedTotal()).toBe(site.counter.initialTotal + 1);
  }, 30_000);

  it("a hanging database: 503 before the deadline, nothing counted", async () => {
    proxy.setMode("hang");
    const answers = await Promise.all([visit(), visit(), visit()]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ error: "database_timeout" });
      expect(answer.ms).toBeLessThan(site.counter.timeoutMs);
    }
    expect(await storedTotal()).toBe(site.counter.initialTotal + 1);
  }, 30_000);

  it("an answer later than the deadline: 503, and the visit the database did count is counted once", async () => {
    proxy.setMode("late");
    const answer = await visit();
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ error: "database_timeout" });
    expect(answer.ms).toBeLessThan(site.counter.timeoutMs);
    // Let the late answer arrive: no retry may add the same visit again.
    await new Promise((resolve) => setTimeout(resolve, lateByMs + 500));
    expect(await storedTotal()).toBe(site.counter.initialTotal + 2);
  }, 30_000);

  it("recovers when the database is back, with every count exact", async () => {
    proxy.setMode("pass");
    const answer = await visit();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: site.counter.initialTotal + 3, today: 3, counted: true });
    const stored = await storedCounts(pg.db);
    expect(stored.total).toBe(site.counter.initialTotal + 3);
    expect(Object.values(stored.days)).toEqual([3]);
  }, 30_000);
});
