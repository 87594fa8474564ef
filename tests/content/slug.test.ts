import { describe, expect, it } from "vitest";
import { foldTones, slugify } from "../../scripts/lib/content/slug.ts";
import { site } from "../../site.config.ts";

describe("slugify", () => {
  it.each([
    ["Hoạt động KH&CN", "hoat-dong-khcn"],
    ["Đo lường - Chất lượng", "do-luong-chat-luong"],
    ["ĐỔI MỚI SÁNG TẠO", "doi-moi-sang-tao"],
    ["Hội nghị sơ kết 6 tháng đầu năm 2020", "hoi-nghi-so-ket-6-thang-dau-nam-2020"],
    ["  Sở hữu trí tuệ: nhãn hiệu “Gạo Hải Lăng”!  ", "so-huu-tri-tue-nhan-hieu-gao-hai-lang"],
    ["Thủ tục TCVN ISO 9001:2015", "thu-tuc-tcvn-iso-9001-2015"],
  ])("%s → %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("handles decomposed (NFD) input the same as composed text", () => {
    expect(slugify("Hội nghị".normalize("NFD"))).toBe("hoi-nghi");
  });

  it("gives every declared category its declared slug", () => {
    for (const category of site.categories) expect(slugify(category.name)).toBe(category.slug);
  });
});

describe("foldTones", () => {
  it("folds tones and đ for comparisons", () => {
    expect(foldTones("Đo Lường")).toBe("do luong");
  });
});
