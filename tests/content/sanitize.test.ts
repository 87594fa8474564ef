import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../scripts/lib/check/index.ts";
import { renderBody } from "../../scripts/lib/content/markdown.ts";
import { findRemovals, sanitizeBody } from "../../scripts/lib/content/sanitize.ts";

const NOW = DateTime.fromISO("2024-07-01T00:00:00+07:00", { setZone: true });

describe("sanitizeBody: only what an article needs survives", () => {
  it.each([
    ["a meta refresh", '<p>a</p><meta http-equiv="refresh" content="0;url=https://example.org/"><p>b</p>', "<p>a</p><p>b</p>"],
    ["an iframe with srcdoc", '<iframe src="https://www.youtube-nocookie.com/embed/x" srcdoc="<h1>H</h1>"></iframe><p>b</p>', "<p>b</p>"],
    ["an unclosed comment", "<p>a</p><!-- ghi chú <p>b</p>", "<p>a</p>"],
    ["a stray textarea", "<p>a</p><textarea><p>b</p>", "<p>a</p>"],
    ["a form, a stylesheet, a style", '<form action="https://e.org"><input name="p"></form><link rel="stylesheet" href="x.css"><style>body{display:none}</style><p>b</p>', "<p>b</p>"],
    ["SVG animating a javascript: link", '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>Bấm</text></a></svg><p>b</p>', "<p>b</p>"],
    ["entity-encoded javascript:, handlers, classes, ids, //host", '<a href="&#106;avascript:alert(1)">x</a><a href="/ok" onclick="x()" class="c" id="visits">y</a><a href="//evil.example">z</a>', '<a>x</a><a href="/ok">y</a><a>z</a>'],
    ["unclosed markup and stray closings", "<div><table><tr><td>ô</main></footer>", "<div><table><tr><td>ô</td></tr></table></div>"],
    ["data: images that are not pictures", '<img src="data:image/png;base64,AAA" alt="a"><img src="data:text/html,x" alt="b">', '<img src="data:image/png;base64,AAA" alt="a" /><img alt="b" />'],
  ])("%s", (_name, html, expected) => {
    expect(sanitizeBody(html)).toBe(expected);
  });

  it("keeps what Markdown and editors' tables need", () => {
    const html = renderBody("## Mục\n\n**đậm** _nghiêng_ [liên kết](https://example.org/ \"tiêu đề\") ![ảnh](/images/a.jpg)\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n<p lang=\"en\">Quoted <abbr title=\"Science and Technology\">S&amp;T</abbr></p>\n").html;
    expect(html).toContain("<h2>Mục</h2>");
    expect(html).toContain('<a href="https://example.org/" title="tiêu đề">liên kết</a>');
    expect(html).toContain('<img src="/images/a.jpg" alt="ảnh" />');
    expect(html).toContain("<table>");
    expect(html).toContain('<p lang="en">Quoted <abbr title="Science and Technology">S&amp;T</abbr></p>');
  });
});

describe("what was removed, reported with its line", () => {
  it("reports an element once across a paragraph's tags, not the children dropped with it", () => {
    const removals = findRemovals([{ html: "<svg>\n<a>", line: 3 }, { html: '<animate values="javascript:x"/>', line: 4 }, { html: "</a></svg>", line: 4 }, { html: '<p style="x">', line: 9 }]);
    expect(removals.map((r) => [r.kind, "tag" in r ? r.tag : "", r.line, r.severity])).toEqual([
      ["element", "svg", 3, "error"],
      ["attribute", "p", 9, "warning"],
    ]);
  });

  const refused = checkContent({ content: "tests/fixtures/content/refused", now: NOW });
  const at = (file: string) => refused.problems.filter((p) => p.file === path.join("tests/fixtures/content/refused/bai-viet/2024", file)).map((p) => [p.line, p.severity, p.message]);

  it.each([
    ["chuyen-trang.md", 9, /mã HTML <meta> không được phép.*chuyển người đọc sang trang khác/],
    ["khung-srcdoc.md", 9, /mã HTML <iframe> không được phép.*liên kết/],
    ["chu-thich-mo.md", 9, /chú thích <!-- chưa được đóng: mọi nội dung phía sau bị ẩn/],
    ["o-nhap-lieu.md", 9, /mã HTML <textarea> không được phép/],
  ])("%s: an error on line %i", (file, line, message) => {
    expect(at(file)).toEqual([[line, "error", expect.stringMatching(message)]]);
  });

  it("reports a form, its fields, a stylesheet and SVG, each on its line, nothing inside them twice", () => {
    expect(at("bieu-mau.md").map(([line, severity, message]) => [line, severity, String(message).match(/<[a-z]+>/)?.[0]])).toEqual([
      [9, "error", "<form>"],
      [9, "error", "<input>"],
      [9, "error", "<button>"],
      [11, "error", "<link>"],
      [13, "error", "<svg>"],
    ]);
    expect(refused.errors).toBe(9);
    expect(refused.warnings).toBe(0);
  });

  it("warns once per kind about Word's formatting, with a count", () => {
    const pasted = checkContent({ content: "tests/fixtures/content/pasted", now: NOW });
    expect(pasted.errors).toBe(0);
    expect(pasted.problems.map((p) => [p.line, p.message])).toEqual([
      [9, "mã HTML <style> không được phép trong bài và đã bị bỏ; định dạng sẽ không hiển thị (in đậm viết **chữ**, in nghiêng viết *chữ*)"],
      [11, 'phần class="…" trong mã HTML <p> không dùng được trong bài và đã bị bỏ'],
      [11, 'định dạng style="…" trong mã HTML <p> (thường do dán từ Word) sẽ không hiện trên trang và đã bị bỏ; in đậm viết **chữ**, in nghiêng viết *chữ*'],
      [11, 'định dạng style="…" trong mã HTML <span> (thường do dán từ Word) sẽ không hiện trên trang và đã bị bỏ; in đậm viết **chữ**, in nghiêng viết *chữ*'],
      [11, "mã HTML <o:p> không dùng được trong bài và đã bị bỏ; chữ bên trong vẫn được giữ"],
    ]);
    const many = renderBody('<span style="a">1</span>\n\n<span style="b">2</span>\n\n<span style="c">3</span>\n', 7).removals;
    expect(many.map((r) => r.line)).toEqual([7, 9, 11]);
  });
});
