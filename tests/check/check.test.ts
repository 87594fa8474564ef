import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkContent, formatLine } from "../../scripts/lib/check/index.ts";
import { SOURCES_FOLDER } from "../../scripts/lib/content/source-cache.ts";

const run = promisify(execFile);
const CONTENT = "tests/fixtures/editor/check";
const ARTICLES = `${CONTENT}/bai-viet/2020`;
const NOW = DateTime.fromISO("2026-11-27T10:00:00+07:00", { setZone: true });

const report = checkContent({ content: CONTENT, now: NOW });
const problemsOf = (name: string) => report.problems.filter((p) => p.file === path.join(ARTICLES, name));

// One bad file per rule: [file, line, field, severity, words of the message].
const RULES: [string, number, string, "error" | "warning", RegExp][] = [
  ["thieu-tieu-de.md", 1, "title", "error", /thiếu tiêu đề \(title\): thêm dòng title: "/],
  ["thieu-ngay.md", 1, "date", "error", /thiếu ngày đăng/],
  ["thieu-chuyen-muc.md", 1, "category", "error", /thiếu chuyên mục/],
  ["ngay-sai.md", 4, "date", "error", /không đọc được.*19\/06\/2020 08:02/],
  ["chuyen-muc-sai.md", 4, "category", "error", /"hoat-dong-khcm" không có; có phải "hoat-dong-khcn"/],
  ["trung-dia-chi-1.md", 5, "slug", "error", /\/tin-tuc\/trung-dia-chi\/ trùng với bài .*trung-dia-chi-2\.md/],
  ["trung-dia-chi-2.md", 5, "slug", "error", /\/tin-tuc\/trung-dia-chi\/ trùng với bài .*trung-dia-chi-1\.md.*Đổi tên tệp/],
  ["anh-khong-co.md", 5, "image", "error", /không tìm thấy ảnh \/images\/khong-co\.jpg/],
  ["anh-thieu-mo-ta.md", 5, "image_alt", "error", /mô tả ảnh/],
  ["anh-thieu-mo-ta.md", 10, "nội dung", "error", /ảnh \/images\/hoi-thao\.jpg thiếu mô tả/],
  ["anh-hong.md", 5, "image", "error", /ảnh tests\/fixtures\/editor\/check\/images\/hong\.jpg không đọc được/],
  ["anh-svg.md", 9, "nội dung", "error", /ảnh tests\/fixtures\/editor\/check\/images\/hoi-thao\.svg có định dạng SVG, trang chỉ đăng ảnh JPEG, PNG hoặc WebP/],
  ["anh-nho.md", 5, "image", "warning", /ảnh tests\/fixtures\/editor\/check\/images\/nho\.jpg chỉ rộng 640 điểm ảnh, nhỏ hơn 1200/],
  ["anh-the-html.md", 9, "nội dung", "error", /chèn bằng mã HTML <img> không được đăng.*!\[mô tả ảnh\]\(\/images\/hoi-thao\.jpg\)/],
  ["lien-ket-hong.md", 9, "nội dung", "error", /trang không có trên website: \/tin-tuc\/hop-le-sai\/; có phải \/tin-tuc\/hop-le\/\?/],
  ["the-script.md", 9, "nội dung", "error", /mã HTML <script> không được phép/],
  ["su-kien-onclick.md", 9, "nội dung", "error", /onclick="…" trong mã HTML <a>/],
  ["iframe-la.md", 9, "nội dung", "error", /mã HTML <iframe> không được phép.*thay bằng một liên kết/],
  // No third-party frame at all: the site makes no request to another site (CSP frame-src 'none').
  ["iframe-youtube.md", 9, "nội dung", "error", /mã HTML <iframe> không được phép/],
  ["lien-ket-javascript.md", 9, "nội dung", "error", /"javascript:moVanBan\(\)".*không được phép/],
  ["yaml-hong.md", 4, "phần đầu bài", "error", /^Phần đầu bài \(giữa hai dòng ---\) viết sai ở dòng này\. Thường gặp: thiếu dấu \] đóng danh sách/],
  ["khoa-la.md", 5, "tieu_diem", "warning", /khóa "tieu_diem" không có trong mẫu.*có phải "featured"/],
  ["hen-gio.md", 3, "date", "warning", /hẹn giờ đăng.*sau 01\/01\/2099 08:00, muộn nhất lúc 00:05 ngày 02\/01\/2099/],
  ["tieu-de-dai.md", 2, "title", "warning", /tiêu đề dài \d+ ký tự/],
];

describe("npm run check, rule by rule", () => {
  it.each(RULES)("%s:%i: %s", (file, line, field, severity, message) => {
    const found = problemsOf(file).filter((p) => p.line === line && p.field === field && p.severity === severity && message.test(p.message));
    expect(found, JSON.stringify(problemsOf(file), null, 1)).toHaveLength(1);
  });

  it("finds nothing in a clean article, its pages and its schedule", () => {
    expect(problemsOf("hop-le.md")).toEqual([]);
    expect(report.problems.filter((p) => !p.file.startsWith(ARTICLES))).toEqual([]);
  });

  it("reports nothing beyond the rules' own problems", () => {
    expect(report.problems.map(formatLine)).toHaveLength(RULES.length);
  });

  it("prints path:line: field: message", () => {
    const problem = problemsOf("the-script.md")[0]!;
    expect(formatLine(problem)).toMatch(/^tests\/fixtures\/editor\/check\/bai-viet\/2020\/the-script\.md:9: nội dung: mã HTML <script>/);
    expect(formatLine(problemsOf("hen-gio.md")[0]!)).toMatch(/:3: date: cảnh báo: hẹn giờ đăng/);
  });

  it("still finds a duplicate address when only one of the two files is checked", () => {
    const one = checkContent({ content: CONTENT, now: NOW, paths: [path.join(ARTICLES, "trung-dia-chi-1.md")] });
    expect(one.files).toBe(1);
    expect(one.problems.map((p) => [path.basename(p.file), p.field])).toEqual([["trung-dia-chi-1.md", "slug"]]);
  });

  it("flags a link to a draft as a warning, and a page that takes a category's address", async () => {
    const { mkdtemp, cp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(path.join(tmpdir(), "check-"));
    await cp(`${CONTENT}/images`, `${dir}/images`, { recursive: true });
    await cp(`${ARTICLES}/hop-le.md`, `${dir}/bai-viet/2020/hop-le.md`);
    await cp(`${CONTENT}/trang`, `${dir}/trang`, { recursive: true });
    await writeFile(`${dir}/bai-viet/2020/nhap.md`, '---\ntitle: "Nháp"\ndate: "19/06/2020 08:02"\ncategory: thong-bao\ndraft: true\n---\n\nNháp.\n');
    await writeFile(`${dir}/bai-viet/2020/tro-toi-nhap.md`, '---\ntitle: "Trỏ tới nháp"\ndate: "19/06/2020 08:02"\ncategory: thong-bao\n---\n\nXem [bài nháp](/tin-tuc/nhap/).\n');
    await writeFile(`${dir}/trang/chuyen-doi-so.md`, '---\ntitle: "Chuyển đổi số"\n---\n\nTrang trùng chuyên mục.\n');
    const result = checkContent({ content: dir, now: NOW });
    expect(result.problems.map((p) => [path.basename(p.file), p.line, p.field, p.severity])).toEqual([
      ["tro-toi-nhap.md", 7, "nội dung", "warning"],
      ["chuyen-doi-so.md", 1, "slug", "error"],
    ]);
  });
});

describe("the command", () => {
  const env = { ...process.env, TOASOAN_NOW: NOW.toISO()!, GITHUB_ACTIONS: "" };

  it("prints every problem and a Vietnamese summary, and exits 1 on errors", async () => {
    const failure = await run("npx", ["tsx", "scripts/check.ts", "--content", CONTENT], { env }).catch((error: { code: number; stdout: string }) => error);
    expect("code" in failure && failure.code).toBe(1);
    const lines = failure.stdout.trim().split("\n");
    expect(lines.slice(0, -1).every((line) => /^[^:]+\.md:\d+: [^:]+: .+/.test(line))).toBe(true);
    expect(lines).toHaveLength(report.problems.length + 1);
    expect(lines.at(-1)).toBe(`Đã kiểm tra ${report.files} tệp: ${report.errors} lỗi, ${report.warnings} cảnh báo. Chưa thể xuất bản: sửa các lỗi trên rồi kiểm tra lại (hướng dẫn: docs/huong-dan-bien-tap.md).`);
    expect(report.errors).toBe(20);
  });

  it("exits 0 when only warnings are left", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/check.ts", "--content", CONTENT, `${ARTICLES}/hen-gio.md`, `${ARTICLES}/tieu-de-dai.md`, `${ARTICLES}/khoa-la.md`, `${ARTICLES}/hop-le.md`], { env });
    expect(stdout.trim().split("\n").at(-1)).toBe("Đã kiểm tra 4 tệp: 0 lỗi, 3 cảnh báo. Có thể xuất bản; nên xem lại các cảnh báo.");
  });

  it("keeps the files as read for the next check and build, and reports the same from them", async () => {
    const cache = await mkdtemp(path.join(tmpdir(), "toa-soan-check-cache-"));
    try {
      const check = () => run("npx", ["tsx", "scripts/check.ts", "--content", CONTENT, "--cache", cache], { env }).catch((error: { stdout: string }) => error);
      const first = await check();
      const buckets = await readdir(path.join(cache, SOURCES_FOLDER));
      expect(buckets.length).toBeGreaterThan(0);
      expect(buckets.every((name) => name.endsWith(".bin"))).toBe(true);
      expect((await check()).stdout).toBe(first.stdout);
      expect(first.stdout.trim().split("\n")).toHaveLength(report.problems.length + 1);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  it("annotates pull requests on GitHub Actions", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/check.ts", "--content", CONTENT, `${ARTICLES}/hen-gio.md`], { env: { ...env, GITHUB_ACTIONS: "true" } });
    expect(stdout).toContain(`::warning file=${ARTICLES}/hen-gio.md,line=3,title=date::hẹn giờ đăng`);
  });
});
