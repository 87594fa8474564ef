/** Static assets under fingerprinted names, so they can be cached for a year; our scripts bundled and minified. */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

/** Modules our scripts import (assets/js/lib/): bundled into each script that uses them, not published alone. */
const SCRIPT_MODULES = `js${path.sep}lib${path.sep}`;
/** Bundled scripts, named by their content: the build and the preview read them from here. */
export const SCRIPT_BUNDLES = path.join(os.tmpdir(), "toa-soan-scripts");

/** One script of assets/js/ with the modules it imports, minified; browsers load it as a module. */
export function bundleScript(source: string): Buffer {
  const { outputFiles } = buildSync({ entryPoints: [source], bundle: true, minify: true, format: "esm", target: "es2020", write: false, logLevel: "silent" });
  return Buffer.from(outputFiles[0]!.contents);
}

/** Writes a bundle under its hash (atomically: builds may run side by side) and returns its path. */
function saveBundle(bytes: Buffer, hash: string, name: string): string {
  mkdirSync(SCRIPT_BUNDLES, { recursive: true });
  const file = path.join(SCRIPT_BUNDLES, `${name}.${hash}.js`);
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return file;
}

/** Maps "/assets/css/site.css" to "/assets/css/site.3f2a9c1b.css" for every file under dir. */
export function fingerprintAssets(dir: string, urlPrefix = "/assets"): Map<string, { source: string; url: string }> {
  const assets = new Map<string, { source: string; url: string }>();
  for (const relative of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    if (relative.startsWith(SCRIPT_MODULES)) continue;
    let source = path.join(dir, relative);
    let bytes: Buffer;
    try {
      bytes = readFileSync(source);
    } catch {
      continue; // a folder
    }
    const parsed = path.posix.parse(relative.split(path.sep).join("/"));
    const script = parsed.dir === "js" && parsed.ext === ".js";
    if (script) bytes = bundleScript(source);
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
    if (script) source = saveBundle(bytes, hash, parsed.name);
    const logical = `${urlPrefix}/${relative.split(path.sep).join("/")}`;
    const dirPart = parsed.dir ? `${parsed.dir}/` : "";
    assets.set(logical, { source, url: `${urlPrefix}/${dirPart}${parsed.name}.${hash}${parsed.ext}` });
  }
  return assets;
}
