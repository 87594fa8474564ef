/**
 * Relevance on the sample site (content/): queries as readers type them, toned and tone-less, each with the
 * articles (or documents) that must be in the top 3 and, where it matters, one that must not come first. Run
 * through the search page's own engine over a real build. Prints precision@3 (the share of listed pages found in
 * their query's top 3) and the share of toned queries whose tone-less spelling gives the same top 3.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rankedSearch } from "../../assets/js/lib/search-engine.js";
import type { OpenedBundle } from "../../scripts/lib/search/node-client.ts";
import { openPagefind } from "../../scripts/lib/search/node-client.ts";
import { buildSite, type BuiltSite } from "../helpers/pagefind.ts";

// Later than every sample article, so scheduled ones are in; drafts stay out.
const NOW = DateTime.fromISO("2030-01-01T00:00:00+07:00", { setZone: true });
const SEED = "hoi-nghi-so-ket-hoat-dong-khcn-dia-phuong-6-thang-dau-nam-2020";

interface Case {
  q: string;
  /** Last part of the address of each page that must be in the top 3. */
  top: string[];
  notFirst?: string;
}

// One, two, four and more syllables; names of people and places; KH&CN in its spellings; document numbers.
const CASES: Case[] = [
  { q: "hội nghị sơ kết", top: [SEED] },
  { q: "hoi nghi so ket", top: [SEED] },
  { q: "hội nghị sơ kết".normalize("NFD"), top: [SEED] },
  { q: "hội nghị", top: [SEED, "thong-bao-to-chuc-hoi-nghi-tong-ket-hoat-dong-khcn-nam-2026", "hoi-nghi-bao-ho-chi-dan-dia-ly-cho-san-pham-ocop-cua-tinh"], notFirst: "hoi-thao-ung-dung-khcn-trong-san-xuat-nong-nghiep-cong-nghe-cao" },
  { q: "hoi nghi", top: [SEED, "thong-bao-to-chuc-hoi-nghi-tong-ket-hoat-dong-khcn-nam-2026", "hoi-nghi-bao-ho-chi-dan-dia-ly-cho-san-pham-ocop-cua-tinh"], notFirst: "hoi-thao-ung-dung-khcn-trong-san-xuat-nong-nghiep-cong-nghe-cao" },
  { q: "điện tử", top: ["trien-khai-ung-dung-phan-mem-quan-ly-van-ban-va-dieu-hanh-tai-so"] },
  { q: "dien tu", top: ["trien-khai-ung-dung-phan-mem-quan-ly-van-ban-va-dieu-hanh-tai-so"] },
  { q: "đăng ký nhãn hiệu", top: ["trao-giay-chung-nhan-dang-ky-nhan-hieu-tap-the-cho-san-pham-mat-ong", "trao-giay-chung-nhan-dang-ky-nhan-hieu-chung-nhan-cho-san-pham-buoi-dac-san"] },
  { q: "dang ky nhan hieu", top: ["trao-giay-chung-nhan-dang-ky-nhan-hieu-tap-the-cho-san-pham-mat-ong", "trao-giay-chung-nhan-dang-ky-nhan-hieu-chung-nhan-cho-san-pham-buoi-dac-san"] },
  { q: "đang ky nhan hieu", top: ["trao-giay-chung-nhan-dang-ky-nhan-hieu-tap-the-cho-san-pham-mat-ong", "trao-giay-chung-nhan-dang-ky-nhan-hieu-chung-nhan-cho-san-pham-buoi-dac-san"] },
  { q: "chuyển đổi số", top: ["chuyen-doi-so-trong-quan-ly-hoat-dong-khcn-giai-doan-2021-2025", "chuyen-doi-so-trong-quan-ly-ho-so-tieu-chuan-do-luong-chat-luong"] },
  { q: "chuyen doi so", top: ["chuyen-doi-so-trong-quan-ly-hoat-dong-khcn-giai-doan-2021-2025", "chuyen-doi-so-trong-quan-ly-ho-so-tieu-chuan-do-luong-chat-luong"] },
  { q: "đo lường", top: ["kiem-tra-nha-nuoc-ve-do-luong-doi-voi-cua-hang-xang-dau-nam-2022", "kiem-tra-do-luong-chat-luong-xang-dau-dip-cuoi-nam-2026"], notFirst: "ho-tro-doanh-nghiep-ap-dung-he-thong-quan-ly-chat-luong-iso-9001-2015" },
  { q: "do luong", top: ["kiem-tra-nha-nuoc-ve-do-luong-doi-voi-cua-hang-xang-dau-nam-2022", "kiem-tra-do-luong-chat-luong-xang-dau-dip-cuoi-nam-2026"], notFirst: "ho-tro-doanh-nghiep-ap-dung-he-thong-quan-ly-chat-luong-iso-9001-2015" },
  // Several titles carry KH&CN; the third place is a tie between them, so only the first two are required.
  { q: "KH&CN", top: [SEED, "hoi-thao-ung-dung-khcn-trong-san-xuat-nong-nghiep-cong-nghe-cao"] },
  { q: "khcn", top: [SEED, "hoi-thao-ung-dung-khcn-trong-san-xuat-nong-nghiep-cong-nghe-cao"] },
  { q: "KH CN", top: [SEED, "hoi-thao-ung-dung-khcn-trong-san-xuat-nong-nghiep-cong-nghe-cao"] },
  { q: "Giám đốc Sở KH&CN", top: ["thu-chuc-mung-nam-moi-2021-cua-giam-doc-so-khcn", "thu-chuc-mung-nam-moi-2024-cua-giam-doc-so-khcn"] },
  { q: "giam doc so khcn", top: ["thu-chuc-mung-nam-moi-2021-cua-giam-doc-so-khcn", "thu-chuc-mung-nam-moi-2024-cua-giam-doc-so-khcn"] },
  { q: "07-NQ/TU", top: [SEED] },
  { q: "07/NQ-TU", top: [SEED] },
  { q: "35/2020/QĐ-UBND", top: ["35-2020-qd-ubnd", "ban-hanh-quy-dinh-quan-ly-nhiem-vu-khcn-cap-tinh", "quy-dinh-moi-ve-quan-ly-nhiem-vu-khcn-cap-tinh-tu-ngay-01-12-2020"] },
  { q: "9001", top: ["ho-tro-doanh-nghiep-ap-dung-iso-9001-2015-nam-2021", "ho-tro-doanh-nghiep-ap-dung-he-thong-quan-ly-chat-luong-iso-9001-2015"] },
  { q: "ISO 9001:2015", top: ["ho-tro-doanh-nghiep-ap-dung-iso-9001-2015-nam-2021", "ho-tro-doanh-nghiep-ap-dung-he-thong-quan-ly-chat-luong-iso-9001-2015"] },
  { q: "Hoàng Bá Nam", top: [SEED] },
  { q: "hoang ba nam", top: [SEED] },
  { q: "Nguyễn Văn An", top: ["ngay-hoi-khoi-nghiep-doi-moi-sang-tao-tinh-lan-thu-nhat-nam-2019", "hoi-thao-phat-trien-tai-san-tri-tue-cho-san-pham-ocop"] },
  { q: "vùng ven biển", top: ["nghiem-thu-de-tai-nghien-cuu-chon-tao-giong-lua-chiu-man-cho-vung-ven-bien"] },
  { q: "vụ Đông Xuân", top: ["nghiem-thu-de-tai-nghien-cuu-chon-tao-giong-lua-chiu-man-cho-vung-ven-bien"] },
  { q: "đường Lê Lợi", top: ["thong-bao-lich-tiep-cong-dan-cua-lanh-dao-so-nam-2027"] },
  { q: "bưởi", top: ["trao-giay-chung-nhan-dang-ky-nhan-hieu-chung-nhan-cho-san-pham-buoi-dac-san"] },
  { q: "buoi", top: ["trao-giay-chung-nhan-dang-ky-nhan-hieu-chung-nhan-cho-san-pham-buoi-dac-san"] },
  { q: "sản phẩm OCOP", top: ["hoi-thao-phat-trien-tai-san-tri-tue-cho-san-pham-ocop", "nen-tang-so-truy-xuat-nguon-goc-san-pham-ocop-cua-tinh"] },
  { q: "xăng dầu", top: ["kiem-tra-nha-nuoc-ve-do-luong-doi-voi-cua-hang-xang-dau-nam-2022", "kiem-tra-do-luong-chat-luong-xang-dau-dip-cuoi-nam-2026"] },
  { q: "bức xạ", top: ["thong-bao-to-chuc-lop-tap-huan-an-toan-buc-xa-trong-y-te-nam-2020", "tap-huan-an-toan-buc-xa-cho-cac-co-so-x-quang-y-te"] },
  { q: "X-quang", top: ["tap-huan-an-toan-buc-xa-cho-cac-co-so-x-quang-y-te"] },
  { q: "an toàn bức xạ trong y tế", top: ["thong-bao-to-chuc-lop-tap-huan-an-toan-buc-xa-trong-y-te-nam-2020"] },
  { q: "ngày hội khởi nghiệp", top: ["ngay-hoi-khoi-nghiep-doi-moi-sang-tao-tinh-lan-thu-nhat-nam-2019", "ngay-hoi-khoi-nghiep-doi-moi-sang-tao-tinh-nam-2024"] },
  { q: "cuộc thi ý tưởng khởi nghiệp", top: ["cuoc-thi-y-tuong-khoi-nghiep-doi-moi-sang-tao-nam-2021", "cuoc-thi-y-tuong-khoi-nghiep-doi-moi-sang-tao-hoc-sinh-sinh-vien-nam-2025"] },
  { q: "đồng hồ đo nước", top: ["kiem-dinh-dong-ho-do-nuoc-lanh-tai-cac-don-vi-cap-nuoc"] },
  { q: "số hóa dữ liệu", top: ["so-hoa-du-lieu-thong-ke-khcn-cap-tinh"] },
  { q: "tiếp công dân", top: ["thong-bao-lich-tiep-cong-dan-cua-lanh-dao-so-nam-2027"] },
  { q: "năm mới", top: ["thu-chuc-mung-nam-moi-2021-cua-giam-doc-so-khcn", "thu-chuc-mung-nam-moi-2024-cua-giam-doc-so-khcn"] },
  { q: "chỉ dẫn địa lý", top: ["hoi-nghi-bao-ho-chi-dan-dia-ly-cho-san-pham-ocop-cua-tinh"] },
  { q: "tổng kết", top: ["tong-ket-hoat-dong-khcn-nam-2022-nhieu-ket-qua-noi-bat", "thong-bao-to-chuc-hoi-nghi-tong-ket-hoat-dong-khcn-nam-2026"] },
  { q: "nấm dược liệu", top: ["nghiem-thu-de-tai-xay-dung-mo-hinh-trong-nam-duoc-lieu"] },
  { q: "giống lúa chịu mặn", top: ["nghiem-thu-de-tai-nghien-cuu-chon-tao-giong-lua-chiu-man-cho-vung-ven-bien"] },
  { q: "truy xuất nguồn gốc", top: ["nen-tang-so-truy-xuat-nguon-goc-san-pham-ocop-cua-tinh"] },
  { q: "mật ong", top: ["trao-giay-chung-nhan-dang-ky-nhan-hieu-tap-the-cho-san-pham-mat-ong"] },
  { q: "nông nghiệp công nghệ cao", top: ["hoi-thao-ung-dung-khcn-trong-san-xuat-nong-nghiep-cong-nghe-cao"] },
  { q: "nghiệm thu đề tài", top: ["nghiem-thu-de-tai-xay-dung-mo-hinh-trong-nam-duoc-lieu", "nghiem-thu-de-tai-nghien-cuu-chon-tao-giong-lua-chiu-man-cho-vung-ven-bien"] },
  { q: "sở hữu trí tuệ", top: ["trao-giay-chung-nhan-dang-ky-nhan-hieu-tap-the-cho-san-pham-mat-ong", "hoi-nghi-bao-ho-chi-dan-dia-ly-cho-san-pham-ocop-cua-tinh"] },
  { q: "luật khoa học công nghệ", top: ["luat-khoa-hoc-cong-nghe-va-doi-moi-sang-tao-co-hieu-luc-tu-ngay-01-10-2025"] },
  { q: "chiến lược phát triển KH&CN", top: ["ke-hoach-thuc-hien-chien-luoc-phat-trien-khcn-va-doi-moi-sang-tao"] },
  { q: "giai đoạn 2021–2025", top: ["chuyen-doi-so-trong-quan-ly-hoat-dong-khcn-giai-doan-2021-2025"] },
  { q: "Sở KH&CN triển khai nhiệm vụ", top: ["so-khcn-trien-khai-nhiem-vu-6-thang-cuoi-nam-2026"] },
];

/** What a reader types without tones: marks dropped, đ as d, case and punctuation kept. */
const toneless = (q: string): string => q.normalize("NFD").replace(/\p{M}+/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

/**
 * The suite runs on the sample as the build publishes it (within a shard's budget, one index) and split into
 * shards of at most 5 pages (17 shards, about two a year): the merge (assets/js/lib/search-shards.js) must rank as
 * one index does.
 */
const LAYOUTS: [string, number | undefined][] = [
  ["one index", undefined],
  ["17 shards", 5],
];

describe.each(LAYOUTS)("relevance on the sample site, %s", (layout, shardPages) => {
  let site: BuiltSite;
  let pf: OpenedBundle;
  const tops = new Map<string, string[]>();

  async function top3(q: string): Promise<string[]> {
    const cached = tops.get(q);
    if (cached) return cached;
    const data = await Promise.all((await rankedSearch(pf, q)).slice(0, 3).map((r) => r.data()));
    const slugs = data.map((d) => d.url.split("/").filter(Boolean).at(-1)!);
    tops.set(q, slugs);
    return slugs;
  }

  beforeAll(async () => {
    site = await buildSite("content", NOW, { shardPages });
    pf = await openPagefind(site.dir);
  });

  afterAll(async () => {
    pf?.close();
    await pf?.destroy();
    await site?.remove();
  });

  it(`has at least 40 queries (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("$q", async ({ q, top, notFirst }) => {
    const got = await top3(q);
    expect(got, `top 3 of "${q}"`).toEqual(expect.arrayContaining(top));
    if (notFirst) expect(got[0], `first of "${q}"`).not.toBe(notFirst);
    if (toneless(q) !== q) expect(await top3(toneless(q)), `"${toneless(q)}" against "${q}"`).toEqual(got);
  });

  it("prints precision@3 and the tone-less agreement, both 100 %", async () => {
    let found = 0;
    let listed = 0;
    let toned = 0;
    let same = 0;
    for (const { q, top } of CASES) {
      const got = await top3(q);
      listed += top.length;
      found += top.filter((slug) => got.includes(slug)).length;
      if (toneless(q) === q) continue;
      toned++;
      if ((await top3(toneless(q))).join() === got.join()) same++;
    }
    const share = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
    console.log(
      `Relevance on the sample site (${layout}), ${CASES.length} queries: precision@3 ${share(found, listed)} (${found}/${listed} listed pages in their top 3); ` +
        `tone-less top 3 = toned top 3 for ${share(same, toned)} (${same}/${toned}).`,
    );
    expect(found).toBe(listed);
    expect(same).toBe(toned);
  });
});
