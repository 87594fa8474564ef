/**
 * Child process of the build (scripts/lib/search/index.ts): for each shard it is sent, writes the shard's records as
 * a small site and runs Pagefind's CLI on it. Writing thousands of small files is slow on a busy disk; here it
 * happens beside the build's own thread, which checks the content and runs Eleventy meanwhile.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { ShardReply, ShardRequest } from "./index.ts";

function writeRecords(records: ShardRequest["records"], site: string): void {
  const made = new Set<string>();
  for (const r of records) {
    const dir = path.join(site, ...r.url.split("/").filter(Boolean));
    // One mkdir a page: its parent (/tin-tuc/) is made once.
    const parent = path.dirname(dir);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true }), made.add(parent);
    mkdirSync(dir);
    writeFileSync(path.join(dir, "index.html"), r.html);
  }
}

/** Pagefind's process at work, stopped with this one. */
let pagefind: ChildProcess | undefined;

function runPagefind({ cli, work, env }: ShardRequest): Promise<string | undefined> {
  const output: string[] = [];
  const child = spawn(cli, [], { cwd: work, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  pagefind = child;
  child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
  return new Promise((resolve) => {
    child.once("error", (error) => resolve(error.message));
    child.once("close", (code) => resolve(code === 0 ? undefined : `exit ${code}: ${output.join("").trim()}`));
  });
}

/** Deleting the last shard's records: slow on a busy disk, so nobody waits for it but this process's exit. */
let cleaning: Promise<unknown> = Promise.resolve();

process.on("message", async (request: ShardRequest | { exit: true }) => {
  if ("exit" in request) {
    await cleaning;
    return process.exit(0);
  }
  let failure: string | undefined;
  try {
    await cleaning;
    await rm(request.work, { recursive: true, force: true });
    writeRecords(request.records, path.join(request.work, "site"));
    // Written: Pagefind reads them from disk, and this process need not hold them while it runs.
    request.records = [];
    writeFileSync(path.join(request.work, "pagefind.json"), JSON.stringify(request.config));
    failure = await runPagefind(request);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  process.send!({ id: request.id, failure } satisfies ShardReply);
  cleaning = rm(request.work, { recursive: true, force: true }).catch(() => {});
});
// The build died (killed, crashed) or stopped this process: stop Pagefind too, rather than write shards into a folder
// nobody will publish.
const stop = () => {
  pagefind?.kill("SIGKILL");
  process.exit(1);
};
process.once("disconnect", stop);
process.once("SIGTERM", stop);
process.send!({ ready: true } satisfies ShardReply);
