import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { resolveConfig } from "@netlify/config";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CACHE_RULES, cacheControlFor, DEFAULT_CACHE_CONTROL, securityHeaders } from "../../scripts/lib/server/headers.ts";

const ROOT = path.resolve(".");

interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

// Netlify's own parser and validator, offline: what the deploy will read.
const { config } = await resolveConfig({ config: path.join(ROOT, "netlify.toml"), repositoryRoot: ROOT, cwd: ROOT, offline: true, context: "production" });
const headers = config.headers as HeaderRule[];
const valuesFor = (pattern: string) => headers.find((rule) => rule.for === pattern)?.values;
/** Netlify joins the values of every rule matching a path: list the rules setting a header for a path. */
const rulesSetting = (header: string, file: string) =>
  headers.filter((rule) => header in rule.values && new RegExp(`^${rule.for.replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`).test(file));

describe("netlify.toml", () => {
  it("builds with npm run build into _site on Node 20", () => {
    expect(config.build.command).toBe("npm run build");
    expect(config.build.publish).toBe(path.join(ROOT, "_site"));
    expect(config.build.environment.NODE_VERSION).toBe("20");
  });

  it("deploys the edge functions folder, where the visit counter lives", () => {
    expect(config.build.edge_functions).toBe(path.join(ROOT, "netlify/edge-functions"));
    const source = readFileSync(path.join(ROOT, "netlify/edge-functions/visits.ts"), "utf8");
    expect(source).toMatch(/path:\s*"\/api\/visits"/);
  });

  it("sends exactly the security headers of scripts/lib/headers.ts on every path", () => {
    expect(valuesFor("/*")).toEqual(securityHeaders);
    const csp = securityHeaders["Content-Security-Policy"]!;
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    for (const name of ["Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]) expect(securityHeaders[name]).toBeTruthy();
  });

  it("caches fingerprinted files for a year and revalidates Pagefind's fixed names", () => {
    const immutable = "public, max-age=31536000, immutable";
    for (const file of ["/assets/css/site.3f9a1c2e.css", "/pagefind/fragment/vi_80ca373.pf_fragment", "/pagefind/index/vi_7142931.pf_index", "/pagefind/filter/vi_571f1ba.pf_filter"]) {
      expect(rulesSetting("Cache-Control", file).map((r) => r.values["Cache-Control"]), file).toEqual([immutable]);
    }
    for (const file of ["/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/pagefind/pagefind-worker.js", "/pagefind/wasm.vi.pagefind", "/tin-tuc/abc/", "/"]) {
      const rules = rulesSetting("Cache-Control", file).map((r) => r.values["Cache-Control"]);
      expect(rules.length, file).toBeLessThanOrEqual(1);
      expect(rules[0] ?? "", file).not.toContain("immutable");
    }
    expect(valuesFor("/api/*")?.["Cache-Control"]).toBe("no-store");
  });

  it("sets the Cache-Control npm start sends, rule for rule", () => {
    const toml = headers.filter((rule) => "Cache-Control" in rule.values).map((rule) => ({ for: rule.for, value: rule.values["Cache-Control"] }));
    expect(toml).toEqual(CACHE_RULES);
    for (const file of ["/", "/tin-tuc/abc/", "/images/a.jpg", "/feed.xml", "/assets/css/print.css", "/pagefind/pagefind.js", "/pagefind/index/vi_1.pf_index", "/api/visits"]) {
      const netlify = rulesSetting("Cache-Control", file).map((r) => r.values["Cache-Control"])[0] ?? DEFAULT_CACHE_CONTROL;
      expect(cacheControlFor(file), file).toBe(netlify);
    }
  });

  it("redirects the old portal's home and pages for good", () => {
    const redirects = config.redirects as { from: string; to: string; status: number }[];
    expect(redirects.length).toBeGreaterThan(0);
    for (const rule of redirects) expect(rule.status).toBe(301);
    expect(redirects).toContainEqual(expect.objectContaining({ from: "/default.aspx", to: "/" }));
  });
});

describe("GitHub workflows", () => {
  const dir = path.join(ROOT, ".github/workflows");
  const workflows = readdirSync(dir).map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
  const all = workflows.map((w) => w.text).join("\n");

  it("check, test, build and preview pull requests; publish main and every day at 00:05 Vietnam time", () => {
    const pr = workflows.map((w) => parse(w.text)).find((w) => w.on.pull_request !== undefined);
    const runs = pr.jobs[Object.keys(pr.jobs)[0]!].steps.map((s: { run?: string }) => s.run ?? "").join("\n");
    expect(runs.indexOf("npm ci")).toBeLessThan(runs.indexOf("npm run check"));
    expect(runs.indexOf("npm run check")).toBeLessThan(runs.indexOf("npm test"));
    expect(runs.indexOf("npm test")).toBeLessThan(runs.indexOf("npm run build"));
    expect(runs).toMatch(/netlify-cli@\d+ deploy --no-build --dir=_site/);
    const publish = workflows.map((w) => parse(w.text)).find((w) => w.on.push !== undefined);
    expect(publish.on.push.branches).toEqual(["main"]);
    expect(publish.on.schedule).toEqual([{ cron: "5 17 * * *" }]);
    expect(JSON.stringify(publish)).toContain("--prod");
  });

  it("run the Node major Netlify builds with, one that package.json's engines supports", () => {
    type Step = { uses?: string; with?: Record<string, unknown> };
    const majors = workflows.flatMap((w) =>
      Object.values(parse(w.text).jobs as Record<string, { steps: Step[] }>).flatMap((job) =>
        job.steps.filter((step) => step.uses?.startsWith("actions/setup-node@")).map((step) => String(step.with?.["node-version"])),
      ),
    );
    expect(majors).toHaveLength(workflows.length);
    for (const major of majors) expect(major).toBe(config.build.environment.NODE_VERSION);
    const engines = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
    expect(engines.split("||").map((range) => range.trim().match(/^\^(\d+)\./)?.[1])).toContain(majors[0]);
  });

  it("restore the encoded photos before building, in both workflows", () => {
    for (const workflow of workflows.map((w) => parse(w.text))) {
      const steps: { uses?: string; run?: string; with?: { path?: string; key?: string } }[] = workflow.jobs[Object.keys(workflow.jobs)[0]!].steps;
      const cache = steps.findIndex((s) => s.uses?.startsWith("actions/cache@") && s.with?.path === ".cache/images");
      expect(cache).toBeGreaterThan(-1);
      expect(steps[cache]!.with!.key).toContain("hashFiles('content/images/**'");
      expect(cache).toBeLessThan(steps.findIndex((s) => s.run?.includes("npm run build")));
    }
  });

  it("names secrets without writing them, and pins actions to a major version", () => {
    expect(all).toContain("${{ secrets.NETLIFY_AUTH_TOKEN }}");
    expect(all).toContain("${{ secrets.NETLIFY_SITE_ID }}");
    expect(all).not.toMatch(/nfp_[A-Za-z0-9]{20,}/);
    for (const uses of all.match(/uses: \S+/g) ?? []) expect(uses).toMatch(/@v\d+$/);
  });
});
