/** Builds a fixture content folder into a temporary directory with the real build, for assertions on the output. */
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { build } from "../../scripts/lib/build.ts";
import type { SiteSettings } from "../../scripts/lib/site/settings.ts";

export interface BuiltSite {
  root: string;
  content: string;
  out: string;
  read(url: string): Promise<string>;
  cleanup(): Promise<void>;
}

/** Copies `fixture` to a temp folder, lets `prepare` add files, then builds it at the clock `now` (ISO 8601). */
export async function buildFixture(
  fixture: string,
  {
    now,
    preview = false,
    search = false,
    site,
    prepare,
  }: { now?: string; preview?: boolean; search?: boolean; site?: SiteSettings; prepare?: (content: string) => Promise<void> } = {},
): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(tmpdir(), "toa-soan-build-"));
  const content = path.join(root, "content");
  const out = path.join(root, "out");
  await cp(fixture, content, { recursive: true });
  await prepare?.(content);
  await build({ content, out, search, preview, site, now: now === undefined ? undefined : DateTime.fromISO(now, { setZone: true }) });
  return {
    root,
    content,
    out,
    read: (url) => readFile(path.join(out, url.endsWith("/") ? `${url}index.html` : url), "utf8"),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
