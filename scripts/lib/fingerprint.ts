/**
 * Hashes of the files a cached result was made with: a record stamped with one is used only while they are unchanged
 * (page-reuse.ts for pages, content/source-cache.ts for the files as read). Contents, never timestamps.
 */
import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root: inputs are named relative to it. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Feeds every file of `inputs` (files or folders, relative to ROOT) into `hash`, in a stable order. */
export function hashInputs(hash: Hash, inputs: readonly string[]): Hash {
  const walk = (file: string) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of readdirSync(file).sort()) walk(path.join(file, name));
    else hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  };
  for (const input of inputs) walk(path.join(ROOT, input));
  return hash;
}

/** One hash of `inputs` and of the settings given (anything JSON can write). */
export function fingerprintOf(inputs: readonly string[], settings: unknown = null): string {
  return hashInputs(createHash("sha256").update(JSON.stringify(settings)), inputs).digest("base64url");
}
