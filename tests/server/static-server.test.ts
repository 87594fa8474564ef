// `npm start`'s server: static files with the site's headers, and a counter that survives a restart.
import { spawn } from "node:child_process";
import http from "node:http";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { securityHeaders } from "../../scripts/lib/server/headers.ts";
import {
  createSiteListener,
  listen,
  localRateLimit,
  localVisitsHandler,
  openVisitsDatabase,
  type SiteServer,
} from "../../scripts/lib/server/static-server.ts";
import { VISITS_RATE_LIMIT } from "../../netlify/edge-functions/lib/rate-limit.ts";
import { browserHeaders } from "../helpers/pglite-server.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
let work: string;
let siteDir: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "visits-serve-"));
  siteDir = path.join(work, "_site");
  const files: Record<string, string> = {
    "index.html": "<!doctype html><title>Trang chủ</title>",
    "gioi-thieu/index.html": "<!doctype html><title>Giới thiệu</title>",
    "404.html": "<!doctype html><title>Không tìm thấy</title>",
    "assets/css/site.3f2a9c1b.css": "body{}",
    "assets/css/print.css": "body{}",
    "pagefind/pagefind.js": "export {}",
    "pagefind/wasm.unknown.pagefind": "wasm",
    "pagefind/2024-01_2026-05/pagefind-entry.json": "{}",
    "pagefind/2024-01_2026-05/index/vi_7142931.pf_index": "chunk",
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(siteDir, name)), { recursive: true });
    await writeFile(path.join(siteDir, name), text);
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function withServer<T>(dbDir: string, run: (server: SiteServer) => Promise<T>): Promise<T> {
  const database = await openVisitsDatabase(dbDir);
  const server = await listen(createSiteListener(siteDir, localVisitsHandler(database.store)));
  try {
    return await run(server);
  } finally {
    await server.close();
    await database.close();
  }
}

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
}

describe("static site", () => {
  it("serves pretty URLs, the 404 page, the security headers and cache rules", async () => {
    await withServer(path.join(work, "db-static"), async ({ url }) => {
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Trang chủ");
      expectSecurityHeaders(home);
      expect(home.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");

      const page = await fetch(`${url}/gioi-thieu/`);
      expect(await page.text()).toContain("Giới thiệu");

      const missing = await fetch(`${url}/khong-co/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("Không tìm thấy");
      expectSecurityHeaders(missing);

      const hashed = await fetch(`${url}/assets/css/site.3f2a9c1b.css`);
      expect(hashed.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      // The headers netlify.toml sets (tests/server/netlify-config.test.ts keeps the table equal to it).
      const plain = await fetch(`${url}/assets/css/print.css`);
      expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      // Search: chunks are named by content; the runtime and a shard's entry change with a build.
      const chunk = await fetch(`${url}/pagefind/2024-01_2026-05/index/vi_7142931.pf_index`);
      expect(chunk.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      for (const file of ["/pagefind/pagefind.js", "/pagefind/2024-01_2026-05/pagefind-entry.json"]) {
        expect((await fetch(`${url}${file}`)).headers.get("cache-control"), file).toBe("public, max-age=0, must-revalidate");
      }
      // A shard's request for the runtime goes to the one copy (netlify.toml has the same redirect).
      const wasm = await fetch(`${url}/pagefind/2024-01_2026-05/wasm.unknown.pagefind`, { redirect: "manual" });
      expect(wasm.status).toBe(301);
      expect(wasm.headers.get("location")).toBe("/pagefind/wasm.unknown.pagefind");
      expect(await (await fetch(`${url}/pagefind/2024-01_2026-05/wasm.unknown.pagefind`)).text()).toBe("wasm");

      const counter = await fetch(`${url}${site.counter.endpoint}`, { headers: browserHeaders });
      expectSecurityHeaders(counter);
      expect(counter.headers.get("cache-control")).toBe("no-store");
    });
  }, 60_000);
});

describe("local counter", () => {
  it("counts on PGlite in a folder and keeps the count across restarts", async () => {
    const dbDir = path.join(work, "db-restart");
    const endpoint = (url: string) => `${url}${site.counter.endpoint}`;
    const first = await withServer(dbDir, async ({ url }) => {
      const a = await (await fetch(endpoint(url), { method: "POST", headers: browserHeaders })).json();
      const b = await (await fetch(endpoint(url), { method: "POST", headers: browserHeaders })).json();
      return [a, b] as Array<{ total: number; today: number; counted: boolean }>;
    });
    expect(first.map((answer) => answer.total)).toEqual([site.counter.initialTotal + 1, site.counter.initialTotal + 2]);

    const afterRestart = await withServer(dbDir, async ({ url }) =>
      (await fetch(endpoint(url), { headers: browserHeaders })).json(),
    );
    expect(afterRestart).toMatchObject({ today: 2, total: site.counter.initialTotal + 2, counted: false });
  }, 60_000);

  it.each(["SIGTERM", "SIGINT"] as const)("the script prints its URL and exits 0 on %s, closing PGlite", async (signal) => {
    const dbDir = path.join(work, `db-${signal}`);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(repo, "scripts/serve.ts"), "--dir", siteDir, "--db", dbDir],
      { cwd: repo, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 30_000);
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /on (http:\/\/localhost:\d+)\//.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const answer = await fetch(`${url}${site.counter.endpoint}`, { method: "POST", headers: browserHeaders });
      expect(await answer.json()).toMatchObject({ total: site.counter.initialTotal + 1, counted: true });
      child.kill(signal);
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    // A cleanly closed folder reopens with its count.
    const database = await openVisitsDatabase(dbDir);
    try {
      expect(await database.store.read("2000-01-01", site.counter.initialTotal)).toEqual({
        today: 0,
        total: site.counter.initialTotal + 1,
      });
    } finally {
      await database.close();
    }
  }, 60_000);
});

/** A raw request: fetch refuses TRACE outright, and a browser never sends it; a script can. */
function rawRequest(url: string, method: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("requests a static site does not take", () => {
  it("answers 405 to any method but GET and HEAD on pages, and to TRACE on the counter, never 500", async () => {
    await withServer(path.join(work, "db-methods"), async ({ url }) => {
      for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
        const answer = await rawRequest(`${url}/gioi-thieu/`, method);
        expect([method, answer.status, answer.headers.allow]).toEqual([method, 405, "GET, HEAD"]);
      }
      for (const method of ["TRACE", "PUT", "DELETE"]) {
        const answer = await rawRequest(`${url}${site.counter.endpoint}`, method);
        expect([method, answer.status, JSON.parse(answer.body)]).toEqual([method, 405, { error: "method_not_allowed" }]);
      }
      expect((await fetch(`${url}/gioi-thieu/`, { method: "HEAD" })).status).toBe(200);
    });
  }, 60_000);
});

describe("the counter's rate limit, as Netlify applies it", () => {
  it("counts ten requests a minute from one client, answers 429 after, and again once the window has passed", async () => {
    let now = Date.parse("2024-06-12T03:00:00Z");
    const database = await openVisitsDatabase();
    const server = await listen(createSiteListener(siteDir, localVisitsHandler(database.store), localRateLimit(() => now)));
    try {
      const post = () => fetch(`${server.url}${site.counter.endpoint}`, { method: "POST", headers: browserHeaders });
      const answers = [];
      for (let i = 0; i < 12; i++) answers.push(await post());
      expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(200), 429, 429]);
      expect(answers[10]!.headers.get("retry-after")).toBe("60");
      const totals = await Promise.all(answers.slice(0, 10).map(async (a) => ((await a.json()) as { total: number }).total));
      expect(totals.at(-1)).toBe(site.counter.initialTotal + 10);
      now += 30_000;
      expect((await post()).status).toBe(429);
      now += 30_001;
      expect((await post()).status).toBe(200);
      expect(VISITS_RATE_LIMIT).toEqual({ windowLimit: 10, windowSize: 60, aggregateBy: ["ip", "domain"] });
    } finally {
      await server.close();
      await database.close();
    }
  }, 60_000);

  it("is the rule the edge function hands Netlify, per client address", async () => {
    const { config } = await import("../../netlify/edge-functions/visits.ts");
    expect(config.rateLimit).toBe(VISITS_RATE_LIMIT);
    // Netlify reads aggregateBy as a list; a bare "ip" would count the whole site as one client.
    expect(Array.isArray(config.rateLimit?.aggregateBy) && config.rateLimit.aggregateBy.includes("ip")).toBe(true);
  });
});

describe("a local database that is damaged or missing never stops the site", () => {
  /** Runs `npm start`'s server on `dbDir` until it prints its address, then asks it for a page and the counter. */
  async function startOn(dbDir: string): Promise<{ page: number; counter: number; log: string }> {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(repo, "scripts/serve.ts"), "--dir", siteDir, "--db", dbDir], {
      cwd: repo,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.once("exit", () => reject(new Error(`the server stopped: ${log}`)));
        child.stdout.on("data", (chunk: Buffer) => {
          const match = /on (http:\/\/localhost:\d+)\//.exec(chunk.toString());
          if (match) resolve(match[1]!);
        });
      });
      const page = (await fetch(`${url}/`)).status;
      const counter = (await fetch(`${url}${site.counter.endpoint}`, { method: "POST", headers: browserHeaders })).status;
      return { page, counter, log };
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }

  it("a damaged folder: pages served, counter 503, the log says what to do, the folder left as it was", async () => {
    const dbDir = path.join(work, "db-damaged");
    const database = await openVisitsDatabase(dbDir);
    await database.close();
    await writeFile(path.join(dbDir, "PG_VERSION"), "hỏng");
    const result = await startOn(dbDir);
    expect(result).toMatchObject({ page: 200, counter: 503 });
    expect(result.log).toContain(`the visit database in ${dbDir} cannot be opened`);
    expect(result.log).toContain(`mv ${dbDir} ${dbDir}.damaged`);
    expect(await readFile(path.join(dbDir, "PG_VERSION"), "utf8")).toBe("hỏng");
  }, 60_000);

  it("a folder of files without a database is not overwritten with a fresh count", async () => {
    const dbDir = path.join(work, "db-not-a-database");
    await mkdir(dbDir, { recursive: true });
    await writeFile(path.join(dbDir, "ghi-chu.txt"), "x");
    const result = await startOn(dbDir);
    expect(result).toMatchObject({ page: 200, counter: 503 });
    expect(await readdir(dbDir)).toEqual(["ghi-chu.txt"]);
  }, 60_000);

  it("a missing folder is created, with a line saying so", async () => {
    const dbDir = path.join(work, "db-missing", "visits-db");
    const result = await startOn(dbDir);
    expect(result).toMatchObject({ page: 200, counter: 200 });
    expect(result.log).toContain(`no visit database in ${dbDir}; created a new one`);
  }, 60_000);
});
