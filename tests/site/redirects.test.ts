import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../scripts/lib/check/index.ts";
import { articleSchema } from "../../scripts/lib/content/schema.ts";
import { site } from "../../site.config.ts";
import { buildFixture, type BuiltSite } from "../helpers/site-build.ts";

const NOW = "2024-06-12T10:00:00+07:00";
const article = (title: string, aliases: string[]) =>
  `---\ntitle: "${title}"\ndate: "01/06/2024 08:00"\ncategory: hoat-dong-khcn\naliases: ${JSON.stringify(aliases)}\n---\n\nNội dung.\n`;

describe("aliases are plain paths of this site", () => {
  const schema = articleSchema(site.categories);
  const refusal = (alias: string) => schema.safeParse({ title: "T", date: "01/06/2024", category: "hoat-dong-khcn", aliases: [alias] }).error?.issues[0]?.message;

  it.each([
    ["/cu.html\n/* https://example.org/:splat 301!", /khoảng trắng hoặc xuống dòng/],
    ["/gioi-thieu/ https://example.org/ 302!", /khoảng trắng/],
    ["/old page.html", /khoảng trắng/],
    ["/tin\u000bcu.html", /khoảng trắng hoặc xuống dòng/],
    ["/tin/:id", /ký tự \* : !/],
    ["/tin/*", /ký tự \* : !/],
    ["/tin.aspx?id=12", /phần sau dấu \?/],
    ["//example.org/tin", /đường dẫn trên website này/],
    ["tin-cu.html", /phải bắt đầu bằng dấu \//],
    ["https://portal.cu/tin.aspx?id=12", /chỉ ghi phần sau tên miền: viết "\/tin\.aspx"/],
    ["/a/../b.html", /đoạn \. hoặc \.\./],
  ])("refuses %j", (alias, message) => {
    expect(refusal(alias)).toMatch(message);
  });

  it("accepts old portals' paths, Vietnamese and encoded ones included", () => {
    for (const alias of ["/tin-tuc/12345.html", "/Default.aspx", "/tin-tức/bài-cũ.html", "/van%20ban/qd-01.pdf", "/tin&su-kien.html"]) expect(refusal(alias), alias).toBeUndefined();
  });
});

describe("the checker on aliases", () => {
  let built: BuiltSite | undefined;
  afterAll(() => built?.cleanup());

  it("refuses an existing page, a machinery folder and a duplicate, in both files", async () => {
    const { mkdtemp, cp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(path.join(tmpdir(), "aliases-"));
    await cp("tests/fixtures/site", dir, { recursive: true });
    await writeFile(path.join(dir, "bai-viet/2024/chiem-trang.md"), article("Chiếm trang", ["/gioi-thieu/", "/api/visits", "/cu.html", "/cu.html"]));
    await writeFile(path.join(dir, "bai-viet/2024/trung-dia-chi-cu.md"), article("Trùng địa chỉ cũ", ["/cu.html"]));
    const report = checkContent({ content: dir, now: DateTime.fromISO(NOW, { setZone: true }) });
    await rm(dir, { recursive: true, force: true });
    expect(report.problems.filter((p) => p.field === "aliases").map((p) => [path.basename(p.file), p.line, p.message])).toEqual([
      ["chiem-trang.md", 5, expect.stringMatching(/\/gioi-thieu\/ trùng với một trang đang có/)],
      ["chiem-trang.md", 5, expect.stringMatching(/\/api\/visits nằm trong thư mục hệ thống \/api\//)],
      ["chiem-trang.md", 5, expect.stringMatching(/\/cu\.html được ghi hai lần/)],
      ["trung-dia-chi-cu.md", 5, expect.stringMatching(/\/cu\.html đã được bài .*chiem-trang\.md dùng/)],
    ]);
  });
});

describe("_redirects through Netlify's own parser", () => {
  let built: BuiltSite;
  const aliases = ["/tin-tuc/12345.html", "/Default.aspx", "/tin-tức/bài-cũ.html", "/van%20ban/qd-01.pdf", "/tin&su-kien.html"];

  beforeAll(async () => {
    built = await buildFixture(path.resolve("tests/fixtures/site"), {
      now: NOW,
      prepare: (content) => writeFile(path.join(content, "bai-viet/2024/bai-co-dia-chi-cu.md"), article("Bài có địa chỉ cũ", aliases)),
    });
  });
  afterAll(() => built?.cleanup());

  it("gives exactly one rule per alias: alias → its article, 301, not forced", async () => {
    const parsed = await parseAllRedirects({ redirectsFiles: [path.join(built.out, "_redirects")], configRedirects: [], minimal: true });
    expect(parsed.errors).toEqual([]);
    expect((parsed.redirects as Record<string, unknown>[]).map((r) => [r.from, r.to, r.status, r.force, r.query, r.conditions])).toEqual(
      aliases.map((alias) => [alias, "/tin-tuc/bai-co-dia-chi-cu/", 301, false, {}, {}]),
    );
  });
});
