import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { site } from "../../site.config.ts";
import { checkContent } from "../../scripts/lib/check/index.ts";
import { parseFrontMatter } from "../../scripts/lib/content/front-matter.ts";
import { articleSchema } from "../../scripts/lib/content/schema.ts";

const run = promisify(execFile);
const SEED = "tests/fixtures/seed/000_0653057ec213f1a3.txt";
const HTML = "tests/fixtures/editor/import/hoi-nghi-so-ket-hoat-dong-khcn.html";
const SAMPLE = "content/bai-viet/2020/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020.md";
const NAME = "hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020.md";

/**
 * What the editor corrected in the sample article after importing it (issue 16): the seed keeps the old
 * portal's text verbatim, so the importer must produce exactly the sample article before these corrections.
 */
const EDITOR_CORRECTIONS: [string, string][] = [
  ["Hội nghị Sơ kết hoạt động", "Hội nghị sơ kết hoạt động"],
  ["Giám đốc Sở KH&CN chủ trì Hội nghị", "Giám đốc Sở KH&CN, chủ trì Hội nghị"],
  ["năm 2020,\u00a0 các", "năm 2020, các"],
  ["như: Kiện toàn", "như: kiện toàn"],
  ["; Ban hành kế hoạch", "; ban hành kế hoạch"],
  ["; Xây dựng kế hoạch hoạt động KH&CN giai đoạn 2020-2025; Bố trí", "; xây dựng kế hoạch hoạt động KH&CN giai đoạn 2020–2025; bố trí"],
  ["thương hiệu; …Một số", "thương hiệu. Một số"],
  ["tiêu chuẩn cơ sở,...", "tiêu chuẩn cơ sở."],
  ["thủ thục", "thủ tục"],
  ["Giám đốc Sở KH&CN đã ghi nhận", "Giám đốc Sở KH&CN, đã ghi nhận"],
  ["đã được nghiệm thu...", "đã được nghiệm thu."],
];

/** The imported article as the editor left it: each correction applies exactly once. */
function corrected(article: Awaited<ReturnType<typeof readArticle>>) {
  let body = article.paragraphs.join("\n\n");
  for (const [from, to] of EDITOR_CORRECTIONS) {
    expect(body.split(from), from).toHaveLength(2);
    body = body.replace(from, to);
  }
  return { ...article, paragraphs: body.split("\n\n") };
}

/** Title, date, category, source and paragraphs of an article file, as the site reads them. */
async function readArticle(file: string) {
  const parsed = parseFrontMatter(await readFile(file, "utf8"));
  const data = articleSchema(site.categories).parse(parsed.data);
  return {
    title: data.title,
    date: data.date.toISO(),
    category: data.category.slug,
    source: data.source,
    paragraphs: parsed.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
  };
}

async function importInto(out: string, ...inputs: string[]) {
  return run("npx", ["tsx", "scripts/import.ts", "--out", out, ...inputs]).catch((error: { code: number; stdout: string; stderr: string }) => error);
}

describe("npm run import", () => {
  it("turns the seed text into the sample article", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "import-"));
    const result = await importInto(out, SEED);
    expect("code" in result).toBe(false);
    expect(result.stdout).toContain(`đã tạo ${path.join(out, "bai-viet", "2020", NAME)}`);
    const imported = await readArticle(path.join(out, "bai-viet", "2020", NAME));
    expect(corrected(imported)).toEqual(await readArticle(SAMPLE));
    expect(imported.date).toBe("2020-06-19T08:02:00.000+07:00");
    expect(imported.paragraphs).toHaveLength(4);
    expect(imported.paragraphs.join(" ")).not.toMatch(/Tìm kiếm theo chuyên mục|Tin Nóng|Thống kê truy cập|1941995/);
  });

  it("turns the portal's HTML page into the same article, with its category and old address", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "import-"));
    const result = await importInto(out, path.dirname(HTML));
    expect("code" in result).toBe(false);
    expect(result.stdout).toMatch(/chuyên mục hoat-dong-khcn: đường dẫn trên trang cũ: Hoạt động KH&CN; bỏ qua 1 ảnh/);
    const file = path.join(out, "bai-viet", "2020", NAME);
    expect(corrected(await readArticle(file))).toEqual(await readArticle(SAMPLE));
    const { data } = parseFrontMatter(await readFile(file, "utf8"));
    expect(data.aliases).toEqual(["/tin-tuc-su-kien/hoat-dong-khcn/hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020-1592.html"]);
    expect(checkContent({ content: out }).errors).toBe(0);
  });

  it("writes decomposed (NFD) text as NFC, the same article as from the composed page", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "import-in-"));
    const page = path.join(dir, path.basename(HTML));
    const nfd = (await readFile(HTML, "utf8")).normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    await writeFile(page, nfd);
    const out = await mkdtemp(path.join(tmpdir(), "import-"));
    expect("code" in (await importInto(out, page))).toBe(false);
    const text = await readFile(path.join(out, "bai-viet", "2020", NAME), "utf8");
    expect(text).toBe(text.normalize("NFC"));
    expect(corrected(await readArticle(path.join(out, "bai-viet", "2020", NAME)))).toEqual(await readArticle(SAMPLE));
  });

  it("never overwrites: the same article twice is kept, another with the same title gets a new address", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "import-"));
    await importInto(out, SEED);
    const again = await importInto(out, HTML);
    expect(again.stdout).toContain("đã có từ lần nhập trước, giữ nguyên");
    const other = path.join(out, "khac.txt");
    await writeFile(other, (await readFile(SEED, "utf8")).replace("19/06/2020 08:02", "20/06/2021 09:00"));
    const third = await importInto(out, other);
    expect(third.stdout).toContain(path.join(out, "bai-viet", "2021", NAME.replace(".md", "-2.md")));
    expect(checkContent({ content: out }).errors).toBe(0);
  });

  it("reports each file it cannot read, with why, and exits non-zero", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "import-in-"));
    await writeFile(path.join(dir, "khong-ngay.txt"), "Tiêu đề\n\nkhông có ngày\n");
    await writeFile(path.join(dir, "sai-bang-ma.txt"), Buffer.from([0x54, 0xea, 0x6e, 0x0a]));
    await writeFile(path.join(dir, "trang.html"), "<html><body><h1>Trang chủ</h1><p>Không có bài</p></body></html>");
    const out = await mkdtemp(path.join(tmpdir(), "import-"));
    const result = await importInto(out, dir, SEED, path.join(dir, "khong-co.txt"));
    expect("code" in result && result.code).toBe(1);
    expect(result.stderr).toContain("khong-ngay.txt: không nhập được: không thấy ngày đăng");
    expect(result.stderr).toContain("sai-bang-ma.txt: không nhập được: tệp không đúng bảng mã utf-8");
    expect(result.stderr).toContain("trang.html: không nhập được: không thấy ngày đăng");
    expect(result.stderr).toContain("khong-co.txt: không nhập được: không tìm thấy tệp hoặc thư mục");
    // The readable file is still imported.
    expect(result.stdout).toContain(`đã tạo ${path.join(out, "bai-viet", "2020", NAME)}`);
  });

  it("stops before writing anything when --category is unknown", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "import-"));
    const result = await importInto(out, "--category", "hoat-dong-khcm", SEED);
    expect("code" in result && result.code).toBe(1);
    expect(result.stderr).toContain('chuyên mục "hoat-dong-khcm" không có; có phải "hoat-dong-khcn"');
  });
});
