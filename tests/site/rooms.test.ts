// The layout of the code is part of its design: settings are data, the product never leans on the bench or a CLI.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Relative module specifiers a TypeScript file imports at run time (type-only imports excluded). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*import\s+(type\s+)?[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm)) {
    if (match[1]) continue;
    found.push((match[2] ?? match[3])!);
  }
  return found;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
}

describe("the code's rooms", () => {
  it("site.config.ts imports nothing at run time", () => {
    expect(runtimeImports("site.config.ts")).toEqual([]);
  });

  it("no product module imports the bench or a command-line entry", () => {
    const product = [...typeScriptFiles("scripts/lib"), ...typeScriptFiles("netlify")];
    expect(product.length).toBeGreaterThan(20);
    const wrong = product.flatMap((file) =>
      runtimeImports(file)
        .filter((spec) => spec.startsWith("."))
        .map((spec) => path.relative(".", path.resolve(path.dirname(file), spec)))
        .filter((target) => target.startsWith(path.join("scripts", "bench")) || path.dirname(target) === "scripts")
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("tests import libraries, never a command-line entry", () => {
    const wrong = typeScriptFiles("tests").flatMap((file) =>
      runtimeImports(file)
        .filter((spec) => spec.startsWith("."))
        .map((spec) => path.relative(".", path.resolve(path.dirname(file), spec)))
        .filter((target) => path.dirname(target) === "scripts")
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("no two layout files share a name", () => {
    const names = readdirSync("layouts", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".njk")).map((f) => path.basename(f));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
