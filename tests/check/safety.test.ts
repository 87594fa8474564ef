import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../../scripts/lib/check/index.ts";

const NOW = DateTime.fromISO("2024-06-12T10:00:00+07:00", { setZone: true });
const article = (title: string, extra: string, body: string) => `---\ntitle: "${title}"\ndate: "01/06/2024 08:00"\ncategory: hoat-dong-khcn\n${extra}---\n\n${body}\n`;

let root: string;
let content: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "check-safety-"));
  content = path.join(root, "content");
  await cp("tests/fixtures/site", content, { recursive: true });
  await cp("tests/fixtures/search/images", path.join(content, "images"), { recursive: true });
  // A file the traversal would reach: ../../package.json from content/images/.
  await writeFile(path.join(root, "package.json"), "{}");
  const dir = path.join(content, "bai-viet", "2024");
  // Names whose order differs between a plain sort and a locale-aware one.
  await writeFile(path.join(dir, "Trung-B.md"), article("Trùng B", "slug: trung\n", "Nội dung."));
  await writeFile(path.join(dir, "a-trung.md"), article("Trùng A", "slug: trung\n", "Nội dung."));
  await writeFile(path.join(dir, "leo-thu-muc.md"), article("Ảnh leo thư mục", "", "![Tệp cấu hình](/images/..%2F..%2Fpackage.json)"));
  await writeFile(path.join(dir, "bai-rat-dai.md"), article("Bài rất dài", "", `${"Đoạn văn rất dài của một báo cáo. ".repeat(200)}\n\n`.repeat(250)));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the checker on what could hurt the published site", () => {
  it("tells each of two files sharing an address, once each", () => {
    const report = checkContent({ content, now: NOW });
    const duplicates = report.problems.filter((p) => p.field === "slug").map((p) => [path.basename(p.file), p.line, p.message.replace(content, "")]);
    expect(duplicates).toEqual([
      ["a-trung.md", 5, expect.stringMatching(/^địa chỉ \/tin-tuc\/trung\/ trùng với bài .*Trung-B\.md; hai bài không thể cùng một địa chỉ/)],
      ["Trung-B.md", 5, expect.stringMatching(/^địa chỉ \/tin-tuc\/trung\/ trùng với bài .*a-trung\.md; hai bài không thể cùng một địa chỉ/)],
    ]);
  });

  it("refuses an image address that climbs out of content/images/, though the file exists", () => {
    const report = checkContent({ content, now: NOW });
    expect(report.problems.filter((p) => p.file.endsWith("leo-thu-muc.md")).map((p) => [p.line, p.severity, p.message])).toEqual([
      [7, "error", "địa chỉ ảnh /images/..%2F..%2Fpackage.json ra ngoài thư mục content/images/; viết dạng /images/ten-anh.jpg"],
    ]);
  });

  it("warns about a body over 1 MB", () => {
    const report = checkContent({ content, now: NOW });
    expect(report.problems.filter((p) => p.file.endsWith("bai-rat-dai.md")).map((p) => [p.line, p.severity, p.message])).toEqual([
      [6, "warning", expect.stringMatching(/^nội dung bài nặng 2,4 MB, quá 1 MB: trang sẽ mở rất chậm trên điện thoại/)],
    ]);
  });
});
