// `npm start`'s server: static files with the site's headers, and a counter that survives a restart.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { securityHeaders } from "../../scripts/lib/server/headers.ts";
import {
  createSiteListener,
  listen,
  localVisitsHandler,
  openVisitsDatabase,
  type SiteServer,
} from "../../scripts/lib/server/static-server.ts";
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
      expect(home.headers.get("cache-control")).toBe("no-cache");

      const page = await fetch(`${url}/gioi-thieu/`);
      expect(await page.text()).toContain("Giới thiệu");

      const missing = await fetch(`${url}/khong-co/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("Không tìm thấy");
      expectSecurityHeaders(missing);

      const hashed = await fetch(`${url}/assets/css/site.3f2a9c1b.css`);
      expect(hashed.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const plain = await fetch(`${url}/assets/css/print.css`);
      expect(plain.headers.get("cache-control")).toBe("no-cache");
      const search = await fetch(`${url}/pagefind/pagefind.js`);
      expect(search.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");

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
