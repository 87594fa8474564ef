import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { resolveConfig } from "@netlify/config";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runtimeRedirect } from "../../scripts/lib/search/shards.ts";
import { SOURCE_INPUTS } from "../../scripts/lib/content/source-cache.ts";
import { BUILD_INPUTS } from "../../scripts/lib/site/page-reuse.ts";
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
const rulesSetting = (header: string, file: string) => headers.filter((rule) => header in rule.values && netlifyPattern(rule.for).test(file));
/** A Netlify path: `*` matches the rest, `:name` one segment. */
const netlifyPattern = (rule: string) => new RegExp(`^${rule.replace(/[.]/g, "\\.").replace(/\*/g, ".*").replace(/:\w+/g, "[^/]+")}$`);

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
    const shard = "/pagefind/2024-01_2026-05";
    for (const file of ["/assets/css/site.3f9a1c2e.css", `${shard}/fragment/vi_80ca373.pf_fragment`, `${shard}/index/vi_7142931.pf_index`, `${shard}/filter/vi_571f1ba.pf_filter`]) {
      expect(rulesSetting("Cache-Control", file).map((r) => r.values["Cache-Control"]), file).toEqual([immutable]);
    }
    for (const file of ["/pagefind/pagefind.js", "/pagefind/shards.json", `${shard}/pagefind-entry.json`, "/pagefind/pagefind-worker.js", "/pagefind/wasm.vi.pagefind", "/tin-tuc/abc/", "/"]) {
      const rules = rulesSetting("Cache-Control", file).map((r) => r.values["Cache-Control"]);
      expect(rules.length, file).toBeLessThanOrEqual(1);
      expect(rules[0] ?? "", file).not.toContain("immutable");
    }
    expect(valuesFor("/api/*")?.["Cache-Control"]).toBe("no-store");
  });

  it("sets the Cache-Control npm start sends, rule for rule", () => {
    const toml = headers.filter((rule) => "Cache-Control" in rule.values).map((rule) => ({ for: rule.for, value: rule.values["Cache-Control"] }));
    expect(toml).toEqual(CACHE_RULES);
    const files = ["/", "/tin-tuc/abc/", "/images/a.jpg", "/feed.xml", "/assets/css/print.css", "/pagefind/pagefind.js", "/pagefind/shards.json"];
    for (const file of [...files, "/pagefind/2011-06_2014-12/index/vi_1.pf_index", "/pagefind/2011-06_2014-12/pagefind-entry.json", "/api/visits"]) {
      const netlify = rulesSetting("Cache-Control", file).map((r) => r.values["Cache-Control"])[0] ?? DEFAULT_CACHE_CONTROL;
      expect(cacheControlFor(file), file).toBe(netlify);
    }
  });

  it("sends every shard's request for Pagefind's runtime to the one copy, as the local server does", () => {
    const redirects = config.redirects as { from: string; to: string; status: number }[];
    for (const file of ["wasm.unknown.pagefind", "wasm.vi.pagefind", "pagefind-worker.js"]) {
      const from = `/pagefind/2011-06_2014-12/${file}`;
      const rule = redirects.find((r) => netlifyPattern(r.from).test(from));
      expect(rule, from).toMatchObject({ to: `/pagefind/${file}`, status: 301 });
      expect(runtimeRedirect(from)).toBe(rule!.to);
    }
    expect(runtimeRedirect("/pagefind/2011-06_2014-12/index/vi_1.pf_index")).toBeUndefined();
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

  it("publish keeps the previous site and record, keyed on everything pages are made with", () => {
    type Step = { uses?: string; run?: string; with?: Record<string, string> };
    const publish = workflows.map((w) => parse(w.text)).find((w) => w.on.push !== undefined);
    const steps: Step[] = publish.jobs[Object.keys(publish.jobs)[0]!].steps;
    const cache = steps.findIndex((s) => s.uses?.startsWith("actions/cache@") && s.with?.path?.includes("_site"));
    expect(cache).toBeGreaterThan(-1);
    // Before the check, which reads the files through the restored record (.cache/sources) and leaves it for the build.
    expect(cache).toBeLessThan(steps.findIndex((s) => s.run === "npm run check"));
    expect(steps.findIndex((s) => s.run === "npm run check")).toBeLessThan(steps.findIndex((s) => s.run === "npm run build"));
    // The pages' record, the files as read and the site, not the encoded photos: those have their own cache.
    expect(steps[cache]!.with!.path!.split("\n").map((p) => p.trim()).filter(Boolean).sort()).toEqual([".cache/pages.json", ".cache/sources", "_site"]);
    const key = steps[cache]!.with!.key!;
    // What the build's own fingerprint covers (scripts/lib/site/page-reuse.ts): a change there restores nothing.
    for (const input of BUILD_INPUTS) expect(key).toContain(`'${input}${input.includes(".") ? "" : "/**"}'`);
    // The files' record is stamped with its own code's hash: the key covers that code too.
    for (const input of SOURCE_INPUTS) expect(BUILD_INPUTS.some((b) => input === b || input.startsWith(`${b}/`))).toBe(true);
    expect(key.endsWith("-${{ github.sha }}")).toBe(true);
    // The same build code's newest site first, then any earlier one (its shards are checked by their own keys).
    expect(steps[cache]!.with!["restore-keys"]!.trim().split("\n").map((k) => k.trim())).toEqual([key.slice(0, -"${{ github.sha }}".length), "site-${{ runner.os }}-"]);
  });

  it("the matrix builds the parts with one clock and assembles them into one site", () => {
    const matrix = workflows.map((w) => parse(w.text)).find((w) => JSON.stringify(w).includes("--part"));
    expect(Object.keys(matrix.on)).toEqual(["workflow_dispatch"]);
    const { plan, part, assemble } = matrix.jobs;
    expect(part.needs).toBe("plan");
    expect(part.strategy.matrix.part).toBe("${{ fromJSON(needs.plan.outputs.parts) }}");
    expect(part.env.TOASOAN_NOW).toBe("${{ needs.plan.outputs.now }}");
    const build = part.steps.find((s: { run?: string }) => s.run?.includes("npm run build"));
    expect(build.run).toContain('--part "${{ matrix.part }}/${{ needs.plan.outputs.count }}"');
    expect(plan.outputs).toMatchObject({ parts: expect.any(String), count: expect.any(String), now: expect.any(String) });
    expect(assemble.needs).toEqual(["plan", "part"]);
    const runs = assemble.steps.map((s: { run?: string; uses?: string }) => s.run ?? s.uses ?? "").join("\n");
    expect(runs.indexOf("actions/download-artifact@")).toBeLessThan(runs.indexOf("npm run assemble"));
    expect(runs.indexOf("npm run assemble")).toBeLessThan(runs.indexOf("deploy --no-build --prod --dir=_site"));
  });

  it("run the Node major Netlify builds with, one that package.json's engines supports", () => {
    type Step = { uses?: string; with?: Record<string, unknown> };
    const majors = workflows.flatMap((w) =>
      Object.values(parse(w.text).jobs as Record<string, { steps: Step[] }>).flatMap((job) =>
        job.steps.filter((step) => step.uses?.startsWith("actions/setup-node@")).map((step) => String(step.with?.["node-version"])),
      ),
    );
    expect(majors.length).toBeGreaterThanOrEqual(workflows.length);
    for (const major of majors) expect(major).toBe(config.build.environment.NODE_VERSION);
    const engines = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
    expect(engines.split("||").map((range) => range.trim().match(/^\^(\d+)\./)?.[1])).toContain(majors[0]);
  });

  it("restore the encoded photos before building, in every job that builds", () => {
    type Step = { uses?: string; run?: string; with?: { path?: string; key?: string } };
    const building = workflows
      .flatMap((w) => Object.values(parse(w.text).jobs as Record<string, { steps: Step[] }>))
      .map((job) => job.steps)
      .filter((steps) => steps.some((s) => s.run?.includes("npm run build")));
    // Pull requests, publication, and the parts of the matrix.
    expect(building.length).toBe(3);
    for (const steps of building) {
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
