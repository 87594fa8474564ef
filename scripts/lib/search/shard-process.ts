/**
 * Child process of the build (scripts/lib/search/index.ts): for each shard it is sent, writes the shard's records as
 * a small site and runs Pagefind's CLI on it. Writing thousands of small files is slow on a busy disk; here it
 * happens beside the build's own thread, which checks the content and runs Eleventy meanwhile.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { ShardReply, ShardRequest } from "./index.ts";
import { RUNTIME_FILES, SHARD_FILES } from "./shards.ts";

function writeRecords(records: ShardRequest["records"], site: string): void {
  // A folder of this name left by a killed process (whose number this one now has) starts empty.
  rmSync(site, { recursive: true, force: true });
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

/** Moves the runtime of a fresh bundle up into the site's /pagefind/ and drops what a shard does not keep. */
async function splitBundle(bundle: string, runtime: string): Promise<void> {
  for (const name of await readdir(bundle)) {
    // The same bytes in every bundle of one Pagefind: the last one moved up wins, unchanged.
    if (RUNTIME_FILES.test(name)) await rename(path.join(bundle, name), path.join(runtime, name));
    else if (!SHARD_FILES.test(name)) await rm(path.join(bundle, name), { recursive: true, force: true });
  }
}

/** Shards are indexed one after another, in the order sent; the next one's records are on disk meanwhile. */
let queue: Promise<unknown> = Promise.resolve();

process.on("message", (request: ShardRequest | { exit: true }) => {
  if ("exit" in request) {
    void queue.then(() => process.exit(0));
    return;
  }
  let failure: string | undefined;
  try {
    // Written at once (Pagefind reads them from disk), so this process need not hold them while it waits.
    writeRecords(request.records, path.join(request.work, "site"));
    request.records = [];
    writeFileSync(path.join(request.work, "pagefind.json"), JSON.stringify(request.config));
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  queue = queue.then(async () => {
    try {
      failure ??= await runPagefind(request);
      if (!failure) await splitBundle(request.config.output_path as string, request.runtime);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    process.send!({ id: request.id, failure } satisfies ShardReply);
    // Nobody waits for the records to be deleted but the next shard and this process's exit.
    await rm(request.work, { recursive: true, force: true }).catch(() => {});
  });
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
