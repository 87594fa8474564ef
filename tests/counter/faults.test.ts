// The database refuses, hangs or answers late: the function answers 503 before the deadline and counts nothing twice.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { site } from "../../site.config.ts";
import type { SiteServer } from "../../scripts/lib/server/static-server.ts";
import { browserHeaders, serveProductionFunction, startPgliteServer, storedCounts, type PgliteServer } from "../helpers/pglite-server.ts";

type Mode = "pass" | "refuse" | "hang" | "late";

/**
 * A TCP proxy in front of the database whose behaviour the test switches, for new and open connections alike.
 * "late" holds the database's answers until the test releases them, after the function has given up.
 */
async function faultyProxy(target: { host: string; port: number }) {
  let mode: Mode = "pass";
  const sockets = new Set<net.Socket>();
  const held: { client: net.Socket; chunk: Buffer }[] = [];
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
      // "late": the database did the work; its answer waits for release().
      if (mode === "late") held.push({ client, chunk });
      else if (mode === "pass") client.write(chunk);
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
    /** Delivers the held answers, to whoever is still connected; resolves once they are written. */
    async release() {
      const writes = held.splice(0).map(({ client, chunk }) => new Promise<void>((resolve) => (client.destroyed ? resolve() : client.write(chunk, () => resolve()))));
      await Promise.all(writes);
    },
    async close() {
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

async function visit(): Promise<{ status: number; body: Record<string, unknown>; cacheControl: string | null }> {
  const response = await fetch(`${http.url}${site.counter.endpoint}`, { method: "POST", headers: browserHeaders });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, cacheControl: response.headers.get("cache-control") };
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
    expect(await storedTotal()).toBe(site.counter.initialTotal + 1);
  }, 30_000);

  // The database never answers here, so each answer can only come from the function's own deadline.
  it("a hanging database: 503 at the deadline, nothing counted", async () => {
    proxy.setMode("hang");
    const answers = await Promise.all([visit(), visit(), visit()]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ error: "database_timeout" });
    }
    expect(await storedTotal()).toBe(site.counter.initialTotal + 1);
  }, 30_000);

  it("an answer later than the deadline: 503, and the visit the database did count is counted once", async () => {
    proxy.setMode("late");
    const answer = await visit();
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ error: "database_timeout" });
    // The held answers arrive after the 503; the database then does the work (once the connection it waited
    // for is up) and its late answer goes to a caller that has gone. The next test's exact total shows no retry.
    await proxy.release();
    await expect.poll(storedTotal).toBe(site.counter.initialTotal + 2);
    await proxy.release();
  }, 30_000);

  it("recovers when the database is back, with every count exact", async () => {
    proxy.setMode("pass");
    const answer = await visit();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: site.counter.initialTotal + 3, counted: true });
    const stored = await storedCounts(pg.db);
    expect(stored.total).toBe(site.counter.initialTotal + 3);
    // Three visits in all, whichever Vietnam days they fell on (the run may cross midnight, 17:00 UTC).
    expect(Object.values(stored.days).reduce((a, b) => a + b, 0)).toBe(3);
    expect(answer.body.today).toBe(stored.days[Object.keys(stored.days).sort().at(-1)!]);
  }, 30_000);
});
