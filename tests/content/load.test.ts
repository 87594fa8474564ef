/** The content reader (scripts/lib/content/load.ts): what every build, check and index reads. */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { readArticle, type Problem } from "../../scripts/lib/content/load.ts";
import { articleSchema } from "../../scripts/lib/content/schema.ts";

const ARTICLE = "tests/fixtures/site/bai-viet/2020/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020.md";

describe("reading an article", () => {
  it("reads decomposed (NFD) text, as macOS and old portals save it, as NFC", async () => {
    const source = await readFile(ARTICLE, "utf8");
    const file = path.join(await mkdtemp(path.join(tmpdir(), "nfd-")), path.basename(ARTICLE));
    await writeFile(file, source.normalize("NFD"));
    const problems: Problem[] = [];
    const { item } = readArticle(file, articleSchema(site.categories), problems);
    const { item: composed } = readArticle(ARTICLE, articleSchema(site.categories), []);
    expect(problems).toEqual([]);
    expect(item!.title).toBe(item!.title.normalize("NFC"));
    expect(item!.title).toBe(composed!.title);
    expect(item!.html).toBe(composed!.html);
    expect(item!.tags).toEqual(composed!.tags);
  });
});
