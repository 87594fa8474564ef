// The function run the way Netlify runs it locally: @netlify/dev with Deno, over real HTTP,
// its database reached through @netlify/database's own settings (NETLIFY_DB_URL).
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NetlifyDev } from "@netlify/dev";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { browserHeaders, startPgliteServer, storedCounts, type PgliteServer } from "../helpers/pglite-server.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const bin = path.join(repo, "node_modules", ".bin");

let pg: PgliteServer;
let projectRoot: string;
let dev: NetlifyDev;
let server: http.Server;
let origin: string;
const savedPath = process.env.PATH;

/**
 * A copy of the project holding what the function needs. The repository's netlify.toml is used when it
 * exists; the database URL is appended as dev-context environment, since @netlify/dev passes Deno only
 * the configuration's environment and not this process's.
 */
async function projectCopy(databaseUrl: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "visits-netlify-dev-"));
  await cp(path.join(repo, "netlify"), path.join(root, "netlify"), { recursive: true });
  await cp(path.join(repo, "site.config.ts"), path.join(root, "site.config.ts"));
  await cp(path.join(repo, "package.json"), path.join(root, "package.json"));
  await symlink(path.join(repo, "node_modules"), path.join(root, "node_modules"), "dir");
  await mkdir(path.join(root, "_site"), { recursive: true });
  const toml = await readFile(path.join(repo, "netlify.toml"), "utf8").catch(() => "");
  await writeFile(
    path.join(root, "netlify.toml"),
    `${toml}\n[context.dev.environment]\n  NETLIFY_DB_URL = "${databaseUrl}"\n`,
  );
  return root;
}

beforeAll(async () => {
  pg = await startPgliteServer();
  projectRoot = await projectCopy(pg.url);
  process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ""}`;

  // Our own server on 127.0.0.1 (NetlifyDev's passthrough server would listen on every interface).
  server = http.createServer((req, res) => {
    void (async () => {
      const result = await dev.handleAndIntrospectNodeRequest(req);
      if (!result) {
        res.statusCode = 404;
        return void res.end();
      }
      res.statusCode = result.response.status;
      result.response.headers.forEach((value, name) => res.setHeader(name, value));
      res.setHeader("x-test-handled-by", result.type);
      res.end(Buffer.from(await result.response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Readers reach `netlify dev` as localhost; it forwards that host to the function.
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;

  dev = new NetlifyDev({
    projectRoot,
    serverAddress: origin,
    skipGitignore: true,
    // Its own PGlite would replace NETLIFY_DB_URL; the point is to reach our server through the env.
    database: { enabled: false },
    geolocation: { enabled: false },
    blobs: { enabled: false },
    aiGateway: { enabled: false },
  });
  await dev.start();
}, 120_000);

afterAll(async () => {
  await dev?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  await pg?.stop();
  if (projectRoot) await rm(projectRoot, { recursive: true, force: true });
  process.env.PATH = savedPath;
});

describe("under @netlify/dev and Deno", () => {
  it("answers POST and GET over HTTP and counts in the database", async () => {
    const endpoint = `${origin}${site.counter.endpoint}`;
    const posted = await fetch(endpoint, { method: "POST", headers: { ...browserHeaders, origin } });
    expect(posted.headers.get("x-test-handled-by")).toBe("edge-function");
    expect(posted.status).toBe(200);
    expect(posted.headers.get("cache-control")).toBe("no-store");
    const body = (await posted.json()) as { day: string; today: number; total: number; counted: boolean };
    expect(body).toMatchObject({ today: 1, total: site.counter.initialTotal + 1, counted: true });
    expect(body.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const read = await fetch(endpoint, { headers: browserHeaders });
    expect(await read.json()).toEqual({ ...body, counted: false });

    const refused = await fetch(endpoint, { method: "DELETE" });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, POST");

    expect(await storedCounts(pg.db)).toEqual({ days: { [body.day]: 1 }, total: site.counter.initialTotal + 1 });
  }, 120_000);
});
