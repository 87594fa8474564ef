/** Builds a fixture content folder into a temporary directory with the real build, for assertions on the output. */
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "../../scripts/build.ts";

export interface BuiltSite {
  root: string;
  content: string;
  out: string;
  read(url: string): Promise<string>;
  cleanup(): Promise<void>;
}

/** Copies `fixture` to a temp folder, lets `prepare` add files, then builds it with `env` set. */
export async function buildFixture(
  fixture: string,
  { env = {}, search = false, prepare }: { env?: Record<string, string>; search?: boolean; prepare?: (content: string) => Promise<void> } = {},
): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(tmpdir(), "toa-soan-build-"));
  const content = path.join(root, "content");
  const out = path.join(root, "out");
  await cp(fixture, content, { recursive: true });
  await prepare?.(content);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await build({ content, out, search });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return {
    root,
    content,
    out,
    read: (url) => readFile(path.join(out, url.endsWith("/") ? `${url}index.html` : url), "utf8"),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
