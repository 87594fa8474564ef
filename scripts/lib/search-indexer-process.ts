/** Child process of the build: renders each article's search record and feeds Pagefind (see search-index.ts). */
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import * as pagefind from "pagefind";
import { NUNJUCKS_OPTIONS } from "./filters.ts";
import { SEARCH_INDEX_CONFIG, type IndexerReply, type IndexerRequest, type SearchIndexResult } from "./search-index.ts";

const LAYOUTS = fileURLToPath(new URL("../../layouts", import.meta.url));
// Pages handed to Pagefind before waiting for its answers: enough to keep it busy, few enough to bound memory.
const IN_FLIGHT = 64;

async function indexRecords({ records, siteDir }: IndexerRequest): Promise<SearchIndexResult> {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS), NUNJUCKS_OPTIONS);
  const { index, errors } = await pagefind.createIndex(SEARCH_INDEX_CONFIG);
  if (!index) throw new Error(errors.join("; "));
  try {
    const failures: string[] = [];
    const inFlight = new Set<Promise<void>>();
    for (const article of records) {
      const added = index.addHTMLFile({ url: article.url, content: env.render("search-record.njk", { article }) }).then((r) => {
        failures.push(...r.errors.map((e) => `${article.url}: ${e}`));
        inFlight.delete(added);
      });
      inFlight.add(added);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failures.length) throw new Error(failures.join("; "));
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length) throw new Error(written.errors.join("; "));
    return { pages: records.length, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}

process.once("message", (request: IndexerRequest) => {
  indexRecords(request).then(
    (result) => process.send!({ ok: true, result } satisfies IndexerReply, () => process.exit(0)),
    (error: unknown) => process.send!({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies IndexerReply, () => process.exit(1)),
  );
});
