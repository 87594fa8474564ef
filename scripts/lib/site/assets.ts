/** Static assets under fingerprinted names, so they can be cached for a year. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Maps "/assets/css/site.css" to "/assets/css/site.3f2a9c1b.css" for every file under dir. */
export function fingerprintAssets(dir: string, urlPrefix = "/assets"): Map<string, { source: string; url: string }> {
  const assets = new Map<string, { source: string; url: string }>();
  for (const relative of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const source = path.join(dir, relative);
    let bytes: Buffer;
    try {
      bytes = readFileSync(source);
    } catch {
      continue; // a folder
    }
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
    const parsed = path.posix.parse(relative.split(path.sep).join("/"));
    const logical = `${urlPrefix}/${relative.split(path.sep).join("/")}`;
    const dirPart = parsed.dir ? `${parsed.dir}/` : "";
    assets.set(logical, { source, url: `${urlPrefix}/${dirPart}${parsed.name}.${hash}${parsed.ext}` });
  }
  return assets;
}
