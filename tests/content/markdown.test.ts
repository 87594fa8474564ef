import { describe, expect, it } from "vitest";
import { renderBody, type PictureSource } from "../../scripts/lib/content/markdown.ts";
import type { Picture } from "../../scripts/lib/site/images.ts";

/** A library that knows one photo, /images/a.jpg, and records what it was asked. */
function library(): PictureSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    picture(src: string, alt: string): Picture | undefined {
      asked.push(src);
      if (src !== "/images/a.jpg") return undefined;
      return { alt, width: 1600, height: 900, sources: [{ type: "image/avif", srcset: "/img/a-1.avif 1600w" }], img: { src: "/img/a-1.jpeg", srcset: "/img/a-1.jpeg 1600w" } };
    },
  };
}

const render = (body: string) => renderBody(body, 1, library()).html;

describe("photos in Markdown bodies", () => {
  it("makes an image alone in its paragraph a figure, captioned by the italic line right under it", () => {
    const html = render("![Đại biểu tham quan](/images/a.jpg)\n*Đại biểu tham quan gian trưng bày. Ảnh: Minh Anh*\n");
    expect(html).toBe(
      '<figure class="photo"><picture><source type="image/avif" srcset="/img/a-1.avif 1600w" sizes="(min-width: 72rem) 48rem, (min-width: 60rem) calc(100vw - 24rem), calc(100vw - 2rem)">' +
        '<img src="/img/a-1.jpeg" srcset="/img/a-1.jpeg 1600w" sizes="(min-width: 72rem) 48rem, (min-width: 60rem) calc(100vw - 24rem), calc(100vw - 2rem)" width="1600" height="900" alt="Đại biểu tham quan" loading="lazy" decoding="async"></picture>' +
        '<figcaption>Đại biểu tham quan gian trưng bày. <span class="photo-credit">Ảnh: Minh Anh</span></figcaption></figure>\n',
    );
  });

  it("takes the caption from the next paragraph too, with _underscores_ and a credit in brackets", () => {
    const html = render("![Ảnh](/images/a.jpg)\n\n_Quang cảnh hội nghị (Ảnh: Thu Hà)_\n\nĐoạn sau.\n");
    expect(html).toContain('<figcaption>Quang cảnh hội nghị. <span class="photo-credit">Ảnh: Thu Hà</span></figcaption></figure>\n<p>Đoạn sau.</p>');
  });

  it("keeps links and bold in a caption, escapes text, and shows a credit alone", () => {
    expect(render("![x](/images/a.jpg)\n*Xem [bài gốc](/tin-tuc/a/) & **chi tiết** <3*\n")).toContain('<figcaption>Xem <a href="/tin-tuc/a/">bài gốc</a> &amp; <strong>chi tiết</strong> &lt;3</figcaption>');
    expect(render("![x](/images/a.jpg)\n*ảnh: Văn Phúc.*\n")).toContain('<figcaption><span class="photo-credit">Ảnh: Văn Phúc</span></figcaption>');
  });

  it("leaves italic text that is not only a caption, and an image inside a sentence, as they are", () => {
    const html = render("![x](/images/a.jpg)\n*Chú thích* và chữ thường.\n\nMột ảnh ![y](/images/a.jpg) giữa câu.\n");
    expect(html).not.toContain("<figure");
    expect(html).toContain("<em>Chú thích</em> và chữ thường.");
    expect(html).toContain('Một ảnh <picture><source type="image/avif"');
  });

  it("makes a figure without caption of a lone image, and a plain <img> of an address the library does not know", () => {
    expect(render("![x](/images/a.jpg)\n")).toMatch(/^<figure class="photo"><picture>.*<\/picture><\/figure>\n$/);
    const lib = library();
    expect(renderBody("![Sơ đồ](data:image/png;base64,AAAA)\n", 1, lib).html).toBe('<figure class="photo"><img src="data:image/png;base64,AAAA" alt="Sơ đồ" /></figure>\n');
    expect(lib.asked).toEqual(["data:image/png;base64,AAAA"]);
  });

  it("renders plain images when loaded without a library (the checker, the search index)", () => {
    expect(renderBody("![Ảnh](/images/a.jpg)\n*Chú thích. Ảnh: A*\n").html).toBe(
      '<figure class="photo"><img src="/images/a.jpg" alt="Ảnh" /><figcaption>Chú thích. <span class="photo-credit">Ảnh: A</span></figcaption></figure>\n',
    );
  });
});
