// content/du-lieu/: organisation and procedures checked like articles, each problem at its file, line and entry.
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../scripts/lib/check/index.ts";
import { loadContent } from "../../scripts/lib/content/load.ts";
import { site } from "../../site.config.ts";

const NOW = DateTime.fromISO("2026-11-27T10:00:00+07:00", { setZone: true });
const GOOD_ORGANISATION = "tests/fixtures/site/du-lieu/to-chuc.yaml";

/** A content folder with the fixture site's pages and images, and these data files. */
async function contentWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "data-files-"));
  await cp("tests/fixtures/site/trang", path.join(dir, "trang"), { recursive: true });
  await cp("tests/fixtures/site/images", path.join(dir, "images"), { recursive: true });
  await mkdir(path.join(dir, "du-lieu"));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, "du-lieu", name), text);
  return dir;
}

const problemsOf = async (files: Record<string, string>) => {
  const dir = await contentWith(files);
  return checkContent({ content: dir, now: NOW }).problems.map((p) => ({ ...p, file: p.file.startsWith(dir) ? path.relative(dir, p.file) : p.file }));
};

const PROCEDURES = `fields:
  - name: Bưu chính
    procedures:
      - name: Cấp giấy phép bưu chính
`;

describe("content/du-lieu/thu-tuc-hanh-chinh.yaml", () => {
  it("keeps a procedure code's zeros and reads a valid file without a problem", async () => {
    const dir = await contentWith({ "thu-tuc-hanh-chinh.yaml": PROCEDURES.replace("bưu chính\n", "bưu chính\n        code: 2.000720\n") });
    const loaded = loadContent(dir, { categories: site.categories, documents: site.documents, now: NOW, includeUnpublished: false });
    expect(loaded.problems).toEqual([]);
    expect(loaded.procedures?.fields[0]?.procedures[0]).toEqual({ name: "Cấp giấy phép bưu chính", code: "2.000720" });
  });

  it.each([
    ["a link off the public-service portals", "        url: https://example.com/thu-tuc", /thuộc tên miền \.gov\.vn/],
    ["a link that runs a script", "        url: javascript:alert(1)", /phải bắt đầu bằng https:\/\//],
    ["a plain-http link", "        url: http://dichvucong.gov.vn/", /phải bắt đầu bằng https:\/\//],
    ["a look-alike host", "        url: https://dichvucong.gov.vn.example.com/", /thuộc tên miền \.gov\.vn/],
    ["a mistyped code", "        code: 1.0045", /mã thủ tục \(code\) viết dạng "1\.004519"/],
  ])("refuses %s at its line and entry", async (_what, line, message) => {
    const problems = await problemsOf({ "thu-tuc-hanh-chinh.yaml": PROCEDURES + line + "\n" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "du-lieu/thu-tuc-hanh-chinh.yaml", line: 5, field: `fields[1].procedures[1].${line.trim().split(":")[0]}`, severity: "error" });
    expect(problems[0]!.message).toMatch(message);
  });

  it("names a field without procedures and a file without fields", async () => {
    expect(await problemsOf({ "thu-tuc-hanh-chinh.yaml": "fields:\n  - name: Bưu chính\n" })).toMatchObject([
      { line: 2, field: "fields[1].procedures", message: "thiếu danh sách thủ tục (procedures)" },
    ]);
    expect(await problemsOf({ "thu-tuc-hanh-chinh.yaml": "# chưa có gì\n" })).toMatchObject([{ field: "fields", message: "thiếu danh sách lĩnh vực (fields)" }]);
  });

  it("reports broken YAML at its line", async () => {
    const problems = await problemsOf({ "thu-tuc-hanh-chinh.yaml": 'fields:\n  - name: "Bưu chính\n    procedures:\n' });
    expect(problems).toMatchObject([{ file: "du-lieu/thu-tuc-hanh-chinh.yaml", line: 3, field: "tệp dữ liệu", severity: "error" }]);
    expect(problems[0]!.message).toMatch(/^Tệp dữ liệu viết sai ở dòng này\. Thường gặp: thiếu dấu nháy kép đóng/);
  });
});

describe("content/du-lieu/to-chuc.yaml", () => {
  const organisation = async (edit: (text: string) => string) => {
    const { readFile } = await import("node:fs/promises");
    return problemsOf({ "to-chuc.yaml": edit(await readFile(GOOD_ORGANISATION, "utf8")), "thu-tuc-hanh-chinh.yaml": PROCEDURES });
  };

  it("reads the fixture without a problem", async () => {
    expect(await organisation((t) => t)).toEqual([]);
  });

  it("names a phone number that is not one, an address that is not an email, and a missing field", async () => {
    const problems = await organisation((t) =>
      t.replace('phone: "0232 3822 601"', "phone: gọi tổng đài").replace("email: chicuc@example.gov.vn", "email: chicuc").replace("    head: Ngô Thanh Tâm\n", ""),
    );
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [13, "leaders[2].phone", "số điện thoại (phone) viết bằng chữ số, có thể cách nhau bằng dấu cách, ví dụ phone: 0232 3822 615"],
      [38, "sub_departments[1].email", "thư điện tử (email) không đúng dạng ten@ten-mien.gov.vn"],
      [40, "centres[1].head", "thiếu họ tên người đứng đầu (head): thêm dòng head: Nguyễn Thị Thu Hà"],
    ]);
  });

  it("warns about a key it does not know, with the one meant", async () => {
    const problems = await organisation((t) => t.replace("    duties_en: General management.\n", "    duties_en: General management.\n    dien_thoai_ban: 123\n").replace("email: ttcds@", "emal: x\n    email: ttcds@"));
    expect(problems.map((p) => [p.line, p.field, p.severity, p.message])).toEqual([
      [7, "leaders[1].dien_thoai_ban", "warning", expect.stringMatching(/khóa "dien_thoai_ban" không có trong mẫu/)],
      [47, "centres[1].emal", "warning", 'khóa "emal" không có trong mẫu nên bị bỏ qua; có phải "email"?'],
    ]);
  });

  it("finds a leader's photo that is not in content/images/", async () => {
    const problems = await organisation((t) => t.replace("/images/lanh-dao/hoang-ba-nam.svg", "/images/lanh-dao/hoang-ba-nam.jpg"));
    expect(problems).toMatchObject([{ line: 9, field: "leaders[1].photo", severity: "error", message: expect.stringMatching(/không tìm thấy ảnh \/images\/lanh-dao\/hoang-ba-nam\.jpg.*có phải \/images\/lanh-dao\/hoang-ba-nam\.svg/) }]);
  });

  it("warns about a file the site does not read", async () => {
    expect(await problemsOf({ "to-chuc.yml": "leaders: []\n", "thu-tuc-hanh-chinh.yaml": PROCEDURES })).toMatchObject([
      { file: "du-lieu/to-chuc.yml", severity: "warning", message: 'tệp không được dùng; thư mục du-lieu/ chỉ đọc các tệp "to-chuc.yaml" và "thu-tuc-hanh-chinh.yaml"' },
    ]);
  });
});
