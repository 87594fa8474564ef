/**
 * `npm run check [-- --content <dir>] [paths...]`: every problem of the content, one a line, then a summary.
 * Files unchanged since the last check or build are not parsed again (`--cache <dir>`, default .cache, shared with
 * the build; `--no-cache` reads everything afresh).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { checkContent, formatReport, type CheckReport } from "./lib/check/index.ts";
import { openSourceCache } from "./lib/content/source-cache.ts";

/** GitHub shows these workflow commands beside the offending line of a pull request. */
function annotations(report: CheckReport): string[] {
  const escape = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (text: string) => escape(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return report.problems.map(
    (p) => `::${p.severity === "error" ? "error" : "warning"} file=${property(p.file)},line=${p.line},title=${property(p.field)}::${escape(p.message)}`,
  );
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const { values, positionals } = parseArgs({
    options: { content: { type: "string", default: "content" }, cache: { type: "string", default: ".cache" }, "no-cache": { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const sources = values["no-cache"] ? undefined : openSourceCache(values.cache!);
  const report = checkContent({ content: values.content!, paths: positionals, sources: sources?.read });
  await sources?.save();
  console.log(formatReport(report));
  if (process.env.GITHUB_ACTIONS === "true") console.log(annotations(report).join("\n"));
  process.exitCode = report.errors > 0 ? 1 : 0;
}
