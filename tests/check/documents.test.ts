/** The checker on documents (content/van-ban/): one bad file per rule, each reported with file, line and field. */
import { cp, mkdtemp, rm, truncate, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent, type CheckReport } from "../../scripts/lib/check/index.ts";

const FIXTURE = path.resolve("tests/fixtures/documents");
const NOW = DateTime.fromISO("2026-12-01T10:00:00+07:00", { setZone: true });

/** A valid document's front matter, line by line; `change` replaces or drops keys (undefined drops). */
function document(change: Record<string, string | undefined>): string {
  const base: Record<string, string> = {
    so_ky_hieu: '"7/2024/QĐ-UBND"',
    loai: "Quyết định",
    linh_vuc: "Sở hữu trí tuệ",
    co_quan_ban_hanh: "UBND tỉnh",
    ngay_ban_hanh: "10/05/2024",
    trich_yeu: '"Về việc thử"',
    tep: "[mau.pdf]",
  };
  const lines = Object.entries({ ...base, ...change }).flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${v}`]));
  return `---\n${lines.join("\n")}\n---\n`;
}

// [file, front matter changes, line, field, severity, words]. Line 2 is the first key.
const CASES: [string, Record<string, string | undefined>, number, string, "error" | "warning", RegExp][] = [
  ["thieu-so.md", { so_ky_hieu: undefined, loai: "Quyết định" }, 1, "so_ky_hieu", "error", /thiếu số ký hiệu/],
  ["so-sai.md", { so_ky_hieu: '"QĐ-UBND ngày 15"' }, 2, "so_ky_hieu", "error", /số ký hiệu "QĐ-UBND ngày 15" không đúng dạng/],
  ["loai-sai.md", { so_ky_hieu: '"8/2024/QĐ-UBND"', loai: "Quyet dinhh" }, 3, "loai", "error", /loại văn bản "Quyet dinhh" không có trong danh sách; có phải "Quyết định"\?/],
  ["linh-vuc-sai.md", { so_ky_hieu: '"9/2024/QĐ-UBND"', linh_vuc: "[Chuyển đổi số, So huu tri tu]" }, 4, "linh_vuc", "error", /lĩnh vực "So huu tri tu" không có trong danh sách; có phải "Sở hữu trí tuệ"\?/],
  ["co-quan-sai.md", { so_ky_hieu: '"10/2024/QĐ-UBND"', co_quan_ban_hanh: "UBND huyen" }, 5, "co_quan_ban_hanh", "error", /cơ quan ban hành "UBND huyen" không có trong danh sách; có phải "Ủy ban nhân dân tỉnh"\?/],
  ["thieu-tep.md", { so_ky_hieu: '"11/2024/QĐ-UBND"', tep: "[khong-co.pdf]" }, 8, "tep", "error", /không tìm thấy tệp đính kèm khong-co\.pdf: tải tệp lên cùng thư mục/],
  ["tep-qua-lon.md", { so_ky_hieu: '"12/2024/QĐ-UBND"', tep: "[qua-lon.pdf]" }, 8, "tep", "error", /tệp qua-lon\.pdf nặng 21 MB, quá giới hạn 20 MB/],
  ["tep-gia.md", { so_ky_hieu: '"13/2024/QĐ-UBND"', tep: "[gia.pdf]" }, 8, "tep", "error", /tệp gia\.pdf không phải tệp PDF thật/],
  ["tep-la.md", { so_ky_hieu: '"14/2024/QĐ-UBND"', tep: "[chay.exe]" }, 8, "tep", "error", /tệp "chay\.exe" không thuộc loại được đăng; chỉ nhận: pdf, doc, docx/],
  ["hieu-luc-truoc.md", { so_ky_hieu: '"16/2024/QĐ-UBND"', ngay_hieu_luc: "01/05/2024" }, 9, "ngay_hieu_luc", "error", /ngày có hiệu lực 01\/05\/2024 trước ngày ban hành 10\/05\/2024/],
  ["thay-the-khong-co.md", { so_ky_hieu: '"17/2024/QĐ-UBND"', thay_the: '["99/2019/QĐ-UBND"]' }, 9, "thay_the", "error", /không có văn bản số 99\/2019\/QĐ-UBND trong thư viện/],
  ["sua-doi-gan-dung.md", { so_ky_hieu: '"18/2024/QĐ-UBND"', sua_doi: '["28/2023/QD-UBN"]' }, 9, "sua_doi", "error", /không có văn bản số 28\/2023\/QD-UBN .*; có phải 28\/2023\/QĐ-UBND\?/],
  ["trung-so-1.md", { so_ky_hieu: '"20/2024/QĐ-UBND"' }, 2, "so_ky_hieu", "error", /số ký hiệu 20\/2024\/QĐ-UBND trùng với văn bản .*trung-so-2\.md/],
  ["trung-so-2.md", { so_ky_hieu: '"20/2024/qd-ubnd"' }, 2, "so_ky_hieu", "error", /số ký hiệu 20\/2024\/qd-ubnd trùng với văn bản .*trung-so-1\.md/],
  ["khoa-la.md", { so_ky_hieu: '"21/2024/QĐ-UBND"', so_hieu: '"21"' }, 9, "so_hieu", "warning", /khóa "so_hieu" không có trong mẫu.*có phải "so_ky_hieu"\?/],
  ["loai-lech-so.md", { so_ky_hieu: '"23/CT-UBND"', loai: "Quyết định" }, 3, "loai", "warning", /loại văn bản là Quyết định nhưng số ký hiệu 23\/CT-UBND ghi CT \(Chỉ thị\)/],
  ["lien-ket-la.md", { so_ky_hieu: '"22/2024/QĐ-UBND"', lien_ket: "http://vbpl.vn.example.com/x" }, 9, "lien_ket", "error", /liên kết \(lien_ket\) phải là địa chỉ https:\/\/ trên cơ sở dữ liệu văn bản: vbpl\.vn/],
];

describe("npm run check on documents, rule by rule", () => {
  let root: string;
  let content: string;
  let dir: string;
  let report: CheckReport;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "toa-soan-check-docs-"));
    content = path.join(root, "content");
    await cp(FIXTURE, content, { recursive: true });
    dir = path.join(content, "van-ban", "2024");
    await cp(path.join(content, "van-ban", "2020"), dir, { recursive: true });
    await rm(path.join(dir, "32-2020-qd-ubnd.md"));
    await copyFile(path.join(dir, "32-2020-qd-ubnd.pdf"), path.join(dir, "mau.pdf"));
    await rm(path.join(dir, "32-2020-qd-ubnd.pdf"));
    // 21 MB without writing 21 MB: a sparse file.
    await writeFile(path.join(dir, "qua-lon.pdf"), "%PDF-1.4\n");
    await truncate(path.join(dir, "qua-lon.pdf"), 21 * 1024 * 1024);
    await writeFile(path.join(dir, "gia.pdf"), "<html><script>alert(1)</script></html>");
    await writeFile(path.join(dir, "chay.exe"), "MZ");
    await writeFile(path.join(dir, "thua.pdf"), "%PDF-1.4\n");
    for (const [file, change] of CASES) await writeFile(path.join(dir, file), document(change));
    await writeFile(
      path.join(content, "bai-viet", "2025", "lien-ket-tep.md"),
      `---\ntitle: "Bài dẫn tới tệp văn bản"\ndate: "23/03/2025 08:00"\ncategory: thong-bao\n---\n\nXem [phụ lục](/van-ban/28-2023-qd-ubnd/phu-luc-28.docx) và [tệp sai](/van-ban/28-2023-qd-ubnd/phu-luc-29.docx).\n`,
    );
    await writeFile(path.join(content, "bai-viet", "2025", "trich-sai.md"), `---\ntitle: "Bài trích văn bản không có"\ndate: "22/03/2025 08:00"\ncategory: thong-bao\nvan_ban: ["16/2025/QĐ-UBND"]\n---\n\nNội dung.\n`);
    report = checkContent({ content, now: NOW });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const problemsOf = (file: string) => report.problems.filter((p) => p.file === file);

  it.each(CASES)("%s", (name, _change, line, field, severity, message) => {
    const file = path.join(dir, name);
    const found = problemsOf(file).filter((p) => p.line === line && p.field === field && p.severity === severity && message.test(p.message));
    expect(found, JSON.stringify(problemsOf(file), null, 1)).toHaveLength(1);
  });

  it("reports an article citing a document the library lacks, with the closest number", () => {
    const file = path.join(content, "bai-viet", "2025", "trich-sai.md");
    expect(problemsOf(file)).toEqual([
      { file, line: 5, field: "van_ban", severity: "error", message: "không có văn bản số 16/2025/QĐ-UBND trong thư viện (content/van-ban/); có phải 15/2025/QĐ-UBND?" },
    ]);
  });

  it("accepts a link to a published attachment and reports one to a file that is not published", () => {
    const file = path.join(content, "bai-viet", "2025", "lien-ket-tep.md");
    expect(problemsOf(file)).toEqual([
      expect.objectContaining({ line: 7, field: "nội dung", severity: "error", message: expect.stringMatching(/trang không có trên website: \/van-ban\/28-2023-qd-ubnd\/phu-luc-29\.docx; có phải \/van-ban\/28-2023-qd-ubnd\/phu-luc-28\.docx\?/) }),
    ]);
  });

  it("warns about a file in content/van-ban/ that no document lists, and not about listed attachments", () => {
    expect(problemsOf(path.join(dir, "thua.pdf"))).toEqual([
      expect.objectContaining({ line: 1, field: "tệp", severity: "warning", message: expect.stringMatching(/không được văn bản nào khai báo trong mục tep/) }),
    ]);
    expect(problemsOf(path.join(dir, "mau.pdf"))).toEqual([]);
    expect(report.problems.filter((p) => p.file.startsWith(path.join(content, "van-ban", "2023")))).toEqual([]);
  });

  it("reports nothing beyond the rules' own problems", () => {
    // Each case once; the stray and the article's citation; the files used only by failed documents are stray too.
    const strays = ["qua-lon.pdf", "gia.pdf", "chay.exe", "thua.pdf"].map((f) => path.join(dir, f));
    const others = report.problems.filter((p) => !CASES.some(([name]) => p.file === path.join(dir, name)) && !strays.includes(p.file) && !p.file.endsWith("trich-sai.md") && !p.file.endsWith("lien-ket-tep.md"));
    expect(others).toEqual([]);
    expect(report.problems.filter((p) => CASES.some(([name]) => p.file === path.join(dir, name)))).toHaveLength(CASES.length);
  });
});
