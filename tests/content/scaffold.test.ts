import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../scripts/lib/check/index.ts";
import { parseFrontMatter } from "../../scripts/lib/content/front-matter.ts";
import { ARTICLE_FIELDS, DOCUMENT_FIELDS } from "../../scripts/lib/content/schema.ts";

const run = promisify(execFile);
// 23:30 UTC is already the next day in Vietnam.
const env = { ...process.env, TOASOAN_NOW: "2026-12-31T23:30:00Z" };
const TITLE = "Hội thảo “Chuyển đổi số” năm 2027: kết quả & định hướng";

async function newArticle(content: string, ...args: string[]) {
  return run("npx", ["tsx", "scripts/new.ts", "--content", content, ...args], { env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
}

describe("npm run new", () => {
  it("creates the article with Vietnam's date, its slug and commented front matter, and prints its path", async () => {
    const content = await mkdtemp(path.join(tmpdir(), "new-"));
    const { stdout } = await run("npx", ["tsx", "scripts/new.ts", "--content", content, "--category", "chuyen-doi-so", TITLE], { env });
    const file = path.join(content, "bai-viet", "2027", "hoi-thao-chuyen-doi-so-nam-2027-ket-qua-dinh-huong.md");
    expect(stdout.trim()).toBe(file);
    const source = await readFile(file, "utf8");
    const { data } = parseFrontMatter(source);
    expect(data).toEqual({ title: TITLE, date: "01/01/2027 06:30", category: "chuyen-doi-so" });
    for (const { field, help } of ARTICLE_FIELDS) {
      expect(source).toContain(`# ${help}`);
      expect(source).toMatch(new RegExp(`^#? ?${field}: `, "m"));
    }
    // Valid front matter; only the body is left to write.
    const report = checkContent({ content, paths: [file], now: DateTime.fromISO(env.TOASOAN_NOW) });
    expect(report.problems.map((p) => p.field)).toEqual(["nội dung"]);
  });

  it("refuses to overwrite", async () => {
    const content = await mkdtemp(path.join(tmpdir(), "new-"));
    await run("npx", ["tsx", "scripts/new.ts", "--content", content, "--category", "thong-bao", "Thông báo nghỉ Tết"], { env });
    const second = await newArticle(content, "--category", "thong-bao", "Thông báo nghỉ Tết");
    expect("code" in second && second.code).toBe(1);
    expect(second.stderr).toMatch(/Đã có bài .*thong-bao-nghi-tet\.md; không ghi đè/);
  });

  it("answers an unknown category with the closest one", async () => {
    const content = await mkdtemp(path.join(tmpdir(), "new-"));
    const result = await newArticle(content, "--category", "chuyen-doi-s", "Bài thử");
    expect("code" in result && result.code).toBe(1);
    expect(result.stderr).toContain('Chuyên mục "chuyen-doi-s" không có; có phải "chuyen-doi-so" (Chuyển đổi số)?');
  });

  it("accepts a category by its name", async () => {
    const content = await mkdtemp(path.join(tmpdir(), "new-"));
    const { stdout } = await run("npx", ["tsx", "scripts/new.ts", "--content", content, "--category", "Sở hữu trí tuệ", "Đăng ký nhãn hiệu"], { env });
    expect(parseFrontMatter(await readFile(stdout.trim(), "utf8")).data.category).toBe("so-huu-tri-tue");
  });

  it("scaffolds a document from its number; the checker then names what is left to fill in", async () => {
    const content = await mkdtemp(path.join(tmpdir(), "new-"));
    const { stdout } = await run("npx", ["tsx", "scripts/new.ts", "--content", content, "--van-ban", "7/2027/QĐ-UBND"], { env });
    const file = path.join(content, "van-ban", "2027", "7-2027-qd-ubnd.md");
    expect(stdout.trim()).toBe(file);
    const source = await readFile(file, "utf8");
    for (const { help } of DOCUMENT_FIELDS) expect(source).toContain(`# ${help}`);
    expect(parseFrontMatter(source).data).toMatchObject({ so_ky_hieu: "7/2027/QĐ-UBND", loai: "Quyết định", co_quan_ban_hanh: "Ủy ban nhân dân tỉnh", ngay_ban_hanh: "01/01/2027", tep: ["7-2027-qd-ubnd.pdf"] });
    const report = checkContent({ content, paths: [file], now: DateTime.fromISO(env.TOASOAN_NOW) });
    expect(report.problems.map((p) => p.field)).toEqual(["linh_vuc", "trich_yeu"]);
    const again = await newArticle(content, "--van-ban", "7/2027/QĐ-UBND");
    expect("code" in again && again.stderr).toMatch(/Đã có văn bản .*7-2027-qd-ubnd\.md; không ghi đè/);
  });

  it("refuses a malformed document number", async () => {
    const content = await mkdtemp(path.join(tmpdir(), "new-"));
    const result = await newArticle(content, "--van-ban", "QĐ-UBND");
    expect("code" in result && result.code).toBe(1);
    expect(result.stderr).toContain('Số ký hiệu "QĐ-UBND" không đúng dạng');
  });
});
