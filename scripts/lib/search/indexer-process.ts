/** Child process of the build: reads the published articles and feeds Pagefind (see index.ts). */
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import * as pagefind from "pagefind";
import { site } from "../../../site.config.ts";
import { DateTime } from "luxon";
import { FOLDERS, isPublished, listMarkdown, readArticle } from "../content/load.ts";
import { NUNJUCKS_OPTIONS, pictureFilter } from "../site/filters.ts";
import { ImageLibrary } from "../site/images.ts";
import { tagUrl } from "../site/newsroom.ts";
import { articleSchema, documentSchema } from "../content/schema.ts";
import { loadDocuments } from "../content/documents.ts";
import { indexText } from "../../../assets/js/lib/search-fold.js";
import { SEARCH_INDEX_CONFIG, toSearchRecord, type IndexerReply, type IndexerRequest, type SearchIndexResult } from "./index.ts";

const LAYOUTS = fileURLToPath(new URL("../../../layouts", import.meta.url));
// Pages handed to Pagefind before waiting for its answers: enough to keep it busy, few enough to bound memory.
const IN_FLIGHT = 64;

/** Resolves with the folder to write into once the parent says the content check has passed. */
const writeTo = new Promise<string>((resolve) => {
  process.on("message", (request: IndexerRequest) => {
    if ("write" in request) resolve(request.write);
  });
});

async function indexArticles(content: string, now: DateTime, preview: boolean): Promise<SearchIndexResult> {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS), NUNJUCKS_OPTIONS);
  env.addFilter("picture", pictureFilter);
  // The article's partial links its tags; the record renders it as the page does.
  env.addFilter("tagUrl", tagUrl);
  const schema = articleSchema(site.categories);
  // The same <picture> as the page (its alt text is indexed, its JPEG is the result's image): addresses only, no encoding.
  const images = new ImageLibrary({ contentDir: content });
  const { index, errors } = await pagefind.createIndex(SEARCH_INDEX_CONFIG);
  if (!index) throw new Error(errors.join("; "));
  try {
    const failures: string[] = [];
    const inFlight = new Set<Promise<void>>();
    let pages = 0;
    // Invalid files are the content check's to report: it stops the build, and this process with it.
    for (const file of listMarkdown(path.join(content, FOLDERS.articles))) {
      const { item } = readArticle(file, schema, [], images);
      if (!item || !isPublished(item, now, preview)) continue;
      const article = toSearchRecord(item);
      const added = index.addHTMLFile({ url: article.url, content: indexText(env.render("search-record.njk", { article })) }).then((r) => {
        failures.push(...r.errors.map((e) => `${article.url}: ${e}`));
        inFlight.delete(added);
      });
      inFlight.add(added);
      pages++;
      // Waiting here also lets this event loop deliver the queued pages to Pagefind.
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    // Documents have their own filters (kind=van-ban…) and the number's spellings as hidden text.
    for (const document of loadDocuments(content, documentSchema(site.documents), now)) {
      const added = index.addHTMLFile({ url: document.url, content: indexText(env.render("search-record-document.njk", { document })) }).then((r) => {
        failures.push(...r.errors.map((e) => `${document.url}: ${e}`));
        inFlight.delete(added);
      });
      inFlight.add(added);
      pages++;
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failures.length) throw new Error(failures.join("; "));
    const written = await index.writeFiles({ outputPath: path.join(await writeTo, "pagefind") });
    if (written.errors.length) throw new Error(written.errors.join("; "));
    return { pages, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}

// The build died (killed, crashed): stop too, rather than write an index into a folder nobody will publish.
process.once("disconnect", () => process.exit(1));

process.once("message", (request: IndexerRequest) => {
  if (!("content" in request)) return;
  indexArticles(request.content, DateTime.fromISO(request.now, { setZone: true }), request.preview).then(
    (result) => process.send!({ ok: true, result } satisfies IndexerReply, () => process.exit(0)),
    (error: unknown) => process.send!({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies IndexerReply, () => process.exit(1)),
  );
});
