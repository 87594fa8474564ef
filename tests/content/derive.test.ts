/** What the build takes from one file's bytes (scripts/lib/content/derive.ts), and that the loader gives the same with it. */
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { deriveSource, readSource, type DerivedSource } from "../../scripts/lib/content/derive.ts";
import { parseFrontMatter } from "../../scripts/lib/content/front-matter.ts";
import { listMarkdown, loadContent } from "../../scripts/lib/content/load.ts";
import { placePhotos, renderBody, type PictureSource } from "../../scripts/lib/content/markdown.ts";
import { scanBody } from "../../scripts/lib/check/body.ts";
import { checkLoaded } from "../../scripts/lib/check/index.ts";
import { ImageLibrary } from "../../scripts/lib/site/images.ts";

const NOW = DateTime.fromISO("2026-11-30T09:00:00+07:00", { setZone: true });
const FOLDERS = ["tests/fixtures/site", "tests/fixtures/photos", "tests/fixtures/editor/check"];

/** As the source cache hands a file back: through the serializer it is stored with. */
const stored = (file: string): DerivedSource => v8.deserialize(v8.serialize(readSource(file))) as DerivedSource;

describe("deriving a file", () => {
  it("gives the front matter, the lines of its keys, the rendered body and the checker's links of the direct readers", () => {
    const files = FOLDERS.flatMap((dir) => listMarkdown(dir));
    expect(files.length).toBeGreaterThan(40);
    let parsed = 0;
    for (const file of files) {
      const source = stored(file);
      let direct: ReturnType<typeof parseFrontMatter>;
      try {
        direct = parseFrontMatter(readFileSync(file, "utf8"));
      } catch (error) {
        expect(source.front, file).toBeUndefined();
        expect(source.error?.line, file).toBe((error as { line?: number }).line ?? 1);
        continue;
      }
      parsed++;
      if (!source.front) throw new Error(`${file}: not derived`);
      expect(source.front.data, file).toEqual(direct.data);
      for (const key of [...Object.keys(direct.data), "image", "van_ban", "absent"]) expect(source.front.lines.get(key) ?? 1, `${file} ${key}`).toBe(direct.lineOf(key));
      expect(source.front.bodyLine, file).toBe(direct.bodyLine);
      const rendered = renderBody(direct.body, direct.bodyLine);
      expect(placePhotos(source.body), file).toBe(rendered.html);
      expect(source.body.removals, file).toEqual(rendered.removals);
      expect(source.findings, file).toEqual(scanBody(direct.body, direct.bodyLine));
    }
    expect(parsed).toBeGreaterThan(30);
  });

  it("places the content's photos once the library is known, and plain images otherwise", () => {
    const source = deriveSource(Buffer.from("---\ntitle: A\n---\n\n![Hội nghị](/images/a.jpg)\n\nChữ ![ngoài](https://example.org/b.png) giữa câu.\n"));
    if (!source.front) throw new Error("not derived");
    const asked: string[] = [];
    const library: PictureSource = {
      picture(src, alt) {
        asked.push(`${src} ${alt}`);
        return src === "/images/a.jpg" ? { alt, width: 800, height: 600, sources: [], img: { src: "/img/a.jpeg", srcset: "/img/a.jpeg 800w" } } : undefined;
      },
    };
    const html = placePhotos(source.body, library);
    expect(asked).toEqual(["/images/a.jpg Hội nghị", "https://example.org/b.png ngoài"]);
    expect(html).toContain('<figure class="photo"><picture><img src="/img/a.jpeg"');
    expect(html).toContain('<img src="https://example.org/b.png" alt="ngoài" />');
    expect(placePhotos(source.body)).toContain('<figure class="photo"><img src="/images/a.jpg" alt="Hội nghị" /></figure>');
  });

  it("never lets text an editor writes stand for a photo", () => {
    // The marks the renderer uses for photos, typed (or pasted) into a body: taken out, never replaced by markup.
    const source = deriveSource(Buffer.from("---\ntitle: A\n---\n\nChữ \uE0020\uE003 và \uE0000\uE001.\n\n![x](/images/a.jpg)\n"));
    if (!source.front) throw new Error("not derived");
    const html = placePhotos(source.body);
    expect(html.match(/<img/g)).toHaveLength(1);
    expect(html).toContain("<p>Chữ 0 và 0.</p>");
  });

  it("keeps the reason a file cannot be read, with its line", () => {
    const broken = deriveSource(Buffer.from('---\ntitle: "Chưa đóng nháy\ndate: "19/06/2020 08:02"\n---\n\nNội dung.\n'));
    expect(broken.front).toBeUndefined();
    expect(broken.error?.message).toMatch(/dấu nháy kép/);
    expect(broken.error?.line).toBeGreaterThan(1);
    expect(readSource("tests/fixtures/khong-co-tep-nay.md")).toEqual({ hash: "", error: { line: 1 } });
  });
});

describe("loading content from stored derivations", () => {
  it("reads, checks and renders every fixture folder exactly as reading afresh does", () => {
    for (const dir of FOLDERS) {
      const options = { categories: site.categories, documents: site.documents, now: NOW, includeUnpublished: true };
      const fresh = loadContent(dir, { ...options, images: new ImageLibrary({ contentDir: dir }) });
      const kept = loadContent(dir, { ...options, images: new ImageLibrary({ contentDir: dir }), sources: stored });
      expect(kept.files.length, dir).toBeGreaterThan(0);
      const view = (c: typeof fresh) => ({
        articles: c.articles.map((a) => ({ ...a, date: a.date.toISO() })),
        pages: c.pages,
        englishPages: c.englishPages,
        documents: c.documents.map((d) => d.url),
        problems: c.problems,
        files: c.files.map((f) => [f.file, f.kind, f.parsed?.data, f.findings]),
      });
      expect(view(kept), dir).toEqual(view(fresh));
      const check = (c: typeof fresh) => checkLoaded(c, { content: dir, site, now: NOW }).problems;
      expect(check(kept), dir).toEqual(check(fresh));
    }
  });
});
