import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkContent, formatReport, type CheckReport } from "../../scripts/lib/check/index.ts";
import type { Problem } from "../../scripts/lib/content/load.ts";

const NOW = DateTime.fromISO("2026-11-27T10:00:00+07:00", { setZone: true });

// Words of the libraries' English (zod, yaml, Node) and programmers' jargon that must never reach an editor.
const ENGLISH = [
  "unexpected", "invalid", "input", "must", "expected", "received", "missing", "required", "allowed", "unique", "keys?",
  "implicit", "indent(ed|ation)?", "scalar", "flow", "mapping", "sequence", "nested", "unresolved", "anchor",
  "reserved", "character", "plain", "value", "string", "number", "boolean", "array", "object", "undefined", "null",
  "nan", "error", "yaml", "front matter", "javascript", "css", "frame-src", "src", "too small", "too big", "unrecognized",
  "enum", "option", "union", "enoent", "eisdir", "node", "quote", "colon", "line", "column", "file", "directory",
];
const ENGLISH_WORD = new RegExp(`(?<![\\p{L}\\d_-])(${ENGLISH.join("|")})(?![\\p{L}\\d_-])`, "iu");

/** An article's front matter around `lines`, with a body. */
const article = (lines: string, body = "Nội dung bài.") => `---\n${lines}\n---\n\n${body}\n`;
const valid = 'title: "Bài thử"\ndate: "19/06/2020 08:02"\ncategory: thong-bao';

/** content/du-lieu/to-chuc.yaml with a phone number in words, a mistyped key and no email for the spokesperson. */
const ORGANISATION = "leaders:\n  - name: Hoàng Bá Nam\n    position: Giám đốc Sở\n    position_en: Director\n    phone: gọi tổng đài\n    email: gd@example.gov.vn\nspokesperson:\n  name: Hoàng Bá Nam\n  position: Giám đốc Sở\n  position_en: Director\n  phone: 0232 3822 600\n  emal: gd@example.gov.vn\n";

// Every kind of problem the checker can report, one file (or more) each: [what, files, field, message].
const KINDS: [string, Record<string, string>, string, RegExp][] = [
  // Front matter that YAML cannot read.
  ["nháy kép trong tiêu đề", { "bai-viet/2020/y1.md": article('title: "Hội thảo "Chuyển đổi số" năm 2026"\ndate: "19/06/2020 08:02"\ncategory: thong-bao') }, "phần đầu bài", /“ ” hoặc ' '/],
  ["thiếu nháy đóng", { "bai-viet/2020/y2.md": article('title: "Hội thảo\ndate: "19/06/2020 08:02"\ncategory: thong-bao') }, "phần đầu bài", /viết sai ở dòng này/],
  ["thiếu ] đóng", { "bai-viet/2020/y3.md": article(`${valid}\ntags: [hội nghị, OCOP`) }, "phần đầu bài", /thiếu dấu \] đóng danh sách/],
  ["thiếu } đóng", { "bai-viet/2020/y4.md": article(`${valid}\nsummary: {tóm tắt`) }, "phần đầu bài", /dấu \{ không có dấu \} đóng/],
  ["dòng thụt vào", { "bai-viet/2020/y5.md": article('title: "Bài thử"\n  date: "19/06/2020 08:02"\ncategory: thong-bao') }, "phần đầu bài", /thụt vào/],
  ["thiếu dấu cách sau hai chấm", { "bai-viet/2020/y6.md": article('title:"Bài thử"\ndate: "19/06/2020 08:02"\ncategory: thong-bao') }, "phần đầu bài", /thiếu dấu cách sau dấu hai chấm/],
  ["hai chấm trong giá trị", { "bai-viet/2020/y7.md": article("title: Thông báo: lịch nghỉ Tết\ndate: \"19/06/2020 08:02\"\ncategory: thong-bao") }, "phần đầu bài", /giá trị có dấu hai chấm/],
  ["Tab ở đầu dòng", { "bai-viet/2020/y8.md": article('title: "Bài thử"\n\tdate: "19/06/2020 08:02"\ncategory: thong-bao') }, "phần đầu bài", /phím Tab/],
  ["ký tự đặc biệt ở đầu", { "bai-viet/2020/y9.md": article(`${valid}\nsource: @Văn phòng Sở`) }, "phần đầu bài", /ký tự đặc biệt/],
  ["dấu \\ trong nháy kép", { "bai-viet/2020/y10.md": article(`${valid}\nsource: "Phòng\\Văn phòng"`) }, "phần đầu bài", /dấu \\ trong giá trị/],
  ["giá trị bắt đầu bằng *", { "bai-viet/2020/y11.md": article(`${valid}\nsource: *Văn phòng`) }, "phần đầu bài", /dấu \* hoặc &/],
  ["giá trị xuống dòng", { "bai-viet/2020/y12.md": article(`${valid}\nsummary: |\nxuống dòng`) }, "phần đầu bài", /bị xuống dòng/],
  ["lỗi khác của YAML", { "bai-viet/2020/y13.md": article(`${valid}\nsource: !a !b Văn phòng`) }, "phần đầu bài", /Thường gặp: thiếu dấu nháy kép đóng, thiếu dấu \]/],
  ["mục viết hai lần", { "bai-viet/2020/y14.md": article(`${valid}\ntitle: "Lần hai"`) }, "phần đầu bài", /mục title được viết hai lần/],
  ["phần đầu là danh sách", { "bai-viet/2020/y15.md": article("- title\n- date") }, "phần đầu bài", /phải gồm các dòng "tên mục: giá trị"/],
  // Fields the schema refuses.
  ["thiếu mục bắt buộc", { "bai-viet/2020/s1.md": article('source: "Văn phòng Sở"') }, "title", /^thiếu tiêu đề \(title\): thêm dòng title: "/],
  ["tiêu đề để trống", { "bai-viet/2020/s2.md": article('title:\ndate: "19/06/2020 08:02"\ncategory: thong-bao') }, "title", /^tiêu đề \(title\) đang để trống: viết tiêu đề sau dấu hai chấm, ví dụ title: "/],
  ["tiêu đề là số", { "bai-viet/2020/s3.md": article('title: 2020\ndate: "19/06/2020 08:02"\ncategory: thong-bao') }, "title", /phải là chữ, đặt trong dấu nháy kép/],
  ["mục tùy chọn để trống", { "bai-viet/2020/s4.md": article(`${valid}\nsummary:`) }, "summary", /đang để trống.*hoặc xóa dòng này nếu không dùng$/],
  ["ngày sai", { "bai-viet/2020/s5.md": article('title: "Bài thử"\ndate: "2020-06-31"\ncategory: thong-bao') }, "date", /^ngày "2020-06-31" không đọc được: .*ví dụ date: "19\/06\/2020 08:02"$/],
  ["chuyên mục gõ sai", { "bai-viet/2020/s6.md": article('title: "Bài thử"\ndate: "19/06/2020 08:02"\ncategory: thong-baoo') }, "category", /có phải "thong-bao"/],
  ["chuyên mục không có", { "bai-viet/2020/s7.md": article('title: "Bài thử"\ndate: "19/06/2020 08:02"\ncategory: du-lich-sinh-thai-mien-nui') }, "category", /dùng một trong: /],
  ["true trong nháy", { "bai-viet/2020/s8.md": article(`${valid}\nhot: "true"`) }, "hot", /^viết hot: true \(không có dấu nháy\)$/],
  ["cờ sai", { "bai-viet/2020/s9.md": article(`${valid}\nfeatured: có`) }, "featured", /chỉ nhận true hoặc false/],
  ["từ khóa là số", { "bai-viet/2020/s10.md": article(`${valid}\ntags: [OCOP, 2020]`) }, "tags", /từ khóa 2020 phải là chữ/],
  ["từ khóa không phải danh sách", { "bai-viet/2020/s11.md": article(`${valid}\ntags: {a: 1}`) }, "tags", /viết thành danh sách trong ngoặc vuông/],
  ["địa chỉ cũ dán cả tên miền", { "bai-viet/2020/s12.md": article(`${valid}\naliases: ["https://sokhcn.example.gov.vn/tin-tuc/123.html"]`) }, "aliases", /chỉ ghi phần sau tên miền: viết "\/tin-tuc\/123\.html"/],
  ["địa chỉ cũ thiếu /", { "bai-viet/2020/s13.md": article(`${valid}\naliases: [tin-tuc/124.html]`) }, "aliases", /phải bắt đầu bằng dấu \/, ví dụ aliases: \[\/tin-tuc\/124\.html\]/],
  ["địa chỉ cũ không phải danh sách", { "bai-viet/2020/s14.md": article(`${valid}\naliases: 125`) }, "aliases", /viết thành danh sách/],
  ["slug có dấu", { "bai-viet/2020/s15.md": article(`${valid}\nslug: Hội Nghị`) }, "slug", /ví dụ slug: hoi-nghi$/],
  ["ảnh thiếu mô tả", { "bai-viet/2020/s16.md": article(`${valid}\nimage: /images/anh.svg`) }, "image_alt", /thêm dòng image_alt: "/],
  ["lịch: buổi sai", { "lich-cong-tac/l1.md": '---\ndate: "16/11/2026"\nsession: tối\ncontent: "Họp"\n---\n' }, "session", /"tối" không có: chỉ nhận sáng hoặc chiều/],
  ["lịch: giờ sai", { "lich-cong-tac/l2.md": '---\ndate: "16/11/2026"\nsession: sáng\ntime: "8 giờ"\ncontent: "Họp"\n---\n' }, "time", /ví dụ time: "08:00"/],
  ["lịch: ngày sai", { "lich-cong-tac/l3.md": '---\ndate: "32/11/2026"\nsession: sáng\ncontent: "Họp"\n---\n' }, "date", /ví dụ date: "16\/11\/2026"/],
  ["lịch: thiếu buổi", { "lich-cong-tac/l4.md": '---\ndate: "16/11/2026"\ncontent: "Họp"\n---\n' }, "session", /thiếu buổi \(session\)/],
  ["trang: thiếu tiêu đề", { "trang/t1.md": "---\nsummary: \"Tóm tắt\"\n---\n\nTrang.\n" }, "title", /thêm dòng title: "Giới thiệu"/],
  ["tệp không đọc được", { "bai-viet/2020/thu-muc.md/.giu": "" }, "phần đầu bài", /không đọc được tệp này/],
  // What only the checker sees.
  ["hai bài cùng địa chỉ", { "bai-viet/2019/trung.md": article(valid.replace("2020", "2019")), "bai-viet/2021/trung.md": article(valid.replace("2020", "2021")) }, "slug", /Đổi tên tệp này thành trung-2021\.md, hoặc thêm dòng slug: trung-2021/],
  ["trang lấy địa chỉ chuyên mục", { "trang/thong-bao.md": '---\ntitle: "Thông báo"\n---\n\nTrang.\n' }, "slug", /đã dùng cho chuyên mục Thông báo/],
  ["địa chỉ cũ trùng", { "bai-viet/2020/a1.md": article(`${valid}\naliases: [/cu/1.html]`), "bai-viet/2020/a2.md": article(`${valid}\naliases: [/cu/1.html]`) }, "aliases", /đã được bài .* dùng/],
  ["địa chỉ cũ là trang đang có", { "bai-viet/2020/a3.md": article(`${valid}\naliases: [/luu-tru/]`) }, "aliases", /trùng với một trang đang có/],
  ["tiêu đề dài", { "bai-viet/2020/c1.md": article(`title: "${"Hội nghị ".repeat(20)}"\ndate: "19/06/2020 08:02"\ncategory: thong-bao`) }, "title", /tiêu đề dài \d+ ký tự/],
  ["hẹn giờ", { "bai-viet/2026/c2.md": article('title: "Hẹn giờ"\ndate: "01/12/2026 08:00"\ncategory: thong-bao') }, "date", /muộn nhất lúc 00:05 ngày 02\/12\/2026/],
  ["bài chưa có nội dung", { "bai-viet/2020/c3.md": article(valid, "") }, "nội dung", /bài chưa có nội dung/],
  ["khóa gõ sai", { "bai-viet/2020/c4.md": article(`${valid}\ntieu_diem: true`) }, "tieu_diem", /có phải "featured"/],
  ["khóa lạ", { "bai-viet/2020/c5.md": article(`${valid}\nxyzzy: 1`) }, "xyzzy", /các khóa dùng được/],
  ["ảnh không có", { "bai-viet/2020/c6.md": article(`${valid}\nimage: /images/khong-co.jpg\nimage_alt: "Ảnh"`) }, "image", /không tìm thấy ảnh/],
  ["ảnh gần đúng tên", { "bai-viet/2020/c7.md": article(`${valid}\nimage: /images/ANH.svg\nimage_alt: "Ảnh"`) }, "image", /có phải \/images\/anh\.svg/],
  ["ảnh ở website khác", { "bai-viet/2020/c8.md": article(valid, "![Ảnh](https://example.com/a.jpg)") }, "nội dung", /ở website khác/],
  ["ảnh ngoài thư mục ảnh", { "bai-viet/2020/c9.md": article(valid, "![Ảnh](/anh.svg)") }, "nội dung", /phải nằm trong thư mục content\/images\//],
  ["ảnh thiếu mô tả trong bài", { "bai-viet/2020/c10.md": article(valid, "![](/images/anh.svg)") }, "nội dung", /thiếu mô tả cho người khiếm thị/],
  ["liên kết hỏng", { "bai-viet/2020/c11.md": article(valid, "[Xem](/tin-tuc/c1x/)") }, "nội dung", /có phải \/tin-tuc\/c1\d*\/\?/],
  ["liên kết hỏng không gợi ý", { "bai-viet/2020/c12.md": article(valid, "[Xem](/khong-co-trang-nao-nhu-the-nay/)") }, "nội dung", /kiểm tra lại địa chỉ/],
  ["liên kết tới bài chưa đăng", { "bai-viet/2020/c13.md": article(valid, "[Xem](/tin-tuc/c2/)") }, "nội dung", /một bài chưa đăng/],
  ["tệp đính kèm không có", { "bai-viet/2020/c14.md": article(valid, "[Quyết định](/images/quyet-dinh.pdf)") }, "nội dung", /^không tìm thấy tệp \/images\/quyet-dinh\.pdf/],
  ["mã HTML chạy lệnh", { "bai-viet/2020/c15.md": article(valid, "<script>alert(1)</script>") }, "nội dung", /mã HTML <script> không được phép/],
  ["thuộc tính chạy lệnh", { "bai-viet/2020/c16.md": article(valid, '<a href="/" onclick="x()">Trang chủ</a>') }, "nội dung", /onclick="…" trong mã HTML <a>/],
  ["địa chỉ chạy lệnh", { "bai-viet/2020/c17.md": article(valid, '<a href="javascript:void(0)">Mở</a>') }, "nội dung", /là lệnh chạy trên trang/],
  ["khung nhúng lạ", { "bai-viet/2020/c18.md": article(valid, '<iframe src="https://quang-cao.example.com/"></iframe>') }, "nội dung", /mã HTML <iframe> không được phép.*thay bằng một liên kết/],
  ["khung nhúng YouTube", { "bai-viet/2020/c19.md": article(valid, '<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>') }, "nội dung", /mã HTML <iframe> không được phép/],
  ["tự chuyển trang", { "bai-viet/2020/c21.md": article(valid, '<meta http-equiv="refresh" content="0;url=https://example.org/">') }, "nội dung", /mã HTML <meta> không được phép.*chuyển người đọc sang trang khác/],
  ["chú thích chưa đóng", { "bai-viet/2020/c22.md": article(valid, "Đoạn đầu.\n\n<!-- ghi chú") }, "nội dung", /chú thích <!-- chưa được đóng/],
  ["ô nhập liệu", { "bai-viet/2020/c23.md": article(valid, "<textarea>") }, "nội dung", /mã HTML <textarea> không được phép/],
  ["mã HTML <style>", { "bai-viet/2020/c24.md": article(valid, "<style>p{color:red}</style>") }, "nội dung", /mã HTML <style> không được phép trong bài và đã bị bỏ/],
  ["định dạng Word khác", { "bai-viet/2020/c25.md": article(valid, '<p class="MsoNormal">Chữ<o:p></o:p></p>') }, "nội dung", /phần class="…" trong mã HTML <p> không dùng được/],
  ["địa chỉ cũ có khoảng trắng", { "bai-viet/2020/c26.md": article(`${valid}\naliases: ["/tin cu.html"]`) }, "aliases", /có khoảng trắng hoặc xuống dòng/],
  ["năm không hợp lý", { "bai-viet/2020/c27.md": article('title: "Bài thử"\ndate: "19/06/0099 08:02"\ncategory: thong-bao') }, "date", /năm 0099 .*không hợp lý/],
  ["định dạng dán từ Word", { "bai-viet/2020/c20.md": article(valid, '<span style="color:red">Chữ đỏ</span>') }, "nội dung", /sẽ không hiện trên trang.*in đậm viết \*\*chữ\*\*/],
  ["tệp không phải .md", { "bai-viet/2020/ban-thao.docx": "PK" }, "tệp", /tệp không phải \.md/],
  // The data files of content/du-lieu/.
  ["dữ liệu: số điện thoại sai", { "du-lieu/to-chuc.yaml": ORGANISATION }, "leaders[1].phone", /viết bằng chữ số/],
  ["dữ liệu: khóa gõ sai", { "du-lieu/to-chuc.yaml": ORGANISATION }, "spokesperson.emal", /có phải "email"/],
  ["dữ liệu: thiếu mục", { "du-lieu/to-chuc.yaml": ORGANISATION }, "spokesperson.email", /thêm dòng email:/],
  ["dữ liệu: liên kết thủ tục ngoài .gov.vn", { "du-lieu/thu-tuc-hanh-chinh.yaml": "fields:\n  - name: Bưu chính\n    procedures:\n      - name: Cấp giấy phép\n        url: https://example.com/\n" }, "fields[1].procedures[1].url", /thuộc tên miền \.gov\.vn/],
  ["dữ liệu: tệp sai tên", { "du-lieu/to-chuc.yml": "leaders:\n" }, "tệp", /chỉ đọc các tệp/],
];

function writeContent(files: Record<string, string>[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "messages-"));
  mkdirSync(path.join(dir, "images"), { recursive: true });
  writeFileSync(path.join(dir, "images", "anh.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  for (const [name, text] of files.flatMap((f) => Object.entries(f))) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The words an editor reads: the field column and the message. */
const shown = (p: Problem) => `${p.field}: ${p.message}`;

/** Words in the message that come from a library or a programmer, if any; an editor's own input is quoted and left out. */
function englishIn(text: string): string | undefined {
  const words = text.replace(/"[^"\n]*"/g, '""');
  return ENGLISH_WORD.exec(words)?.[0] ?? (/\p{L}/u.test(text) && !/[^\x00-\x7f]/.test(text) ? text : undefined);
}

describe("every message the checker can print is plain Vietnamese", () => {
  const dir = writeContent(KINDS.map(([, files]) => files));
  const report: CheckReport = checkContent({ content: dir, now: NOW });
  const elsewhere = mkdtempSync(path.join(tmpdir(), "messages-elsewhere-"));
  const paths = checkContent({ content: dir, now: NOW, paths: [path.join(dir, "khong-co.md"), elsewhere] });

  it.each(KINDS)("%s", (_what, files, field, message) => {
    const names = Object.keys(files).map((name) => path.join(dir, name.replace(/\/\.giu$/, "")));
    const found = report.problems.filter((p) => names.includes(p.file) && p.field === field && message.test(p.message));
    expect(found, JSON.stringify(report.problems.filter((p) => names.includes(p.file)), null, 1)).not.toHaveLength(0);
  });

  it("holds no library English, no jargon, and Vietnamese letters in every line", () => {
    const lines = [...report.problems, ...paths.problems].map(shown);
    expect(lines.length).toBeGreaterThan(KINDS.length);
    for (const line of lines) expect(englishIn(line), line).toBeUndefined();
    expect(paths.problems.map((p) => p.message).sort()).toEqual([
      expect.stringMatching(/^không nằm trong thư mục nội dung/),
      "không tìm thấy tệp hoặc thư mục này",
    ]);
  });

  it("words the summary line in Vietnamese whatever the verdict", () => {
    const clean = { problems: [], files: 3, errors: 0, warnings: 0 };
    for (const summary of [formatReport(report), formatReport(clean), formatReport({ ...clean, warnings: 1 })]) {
      expect(englishIn(summary.split("\n").at(-1)!)).toBeUndefined();
    }
  });

  it("would catch the libraries' own words", () => {
    for (const english of ["Unexpected scalar at node end", "Map keys must be unique", "Invalid input: expected string, received number", "front matter"]) {
      expect(englishIn(`tiêu đề (title): ${english}`), english).toBeDefined();
    }
    expect(englishIn("Unknown asset")).toBeDefined();
  });
});
