import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, openIndex, type BuiltSite, type SearchIndex } from "../helpers/pagefind.ts";

// The issue's own queries, on the sample site a newcomer sees with `npm start`.
describe("search on the sample site (content/)", () => {
  let site: BuiltSite;
  let index: SearchIndex;
  beforeAll(async () => {
    site = await buildSite("content");
    index = await openIndex(site.dir);
  });
  afterAll(async () => {
    await index?.close();
    await site?.remove();
  });

  it('"hoi nghi so ket" finds the seed article first', async () => {
    const [first] = await index.query("hoi nghi so ket");
    expect(first?.title).toBe("Hội nghị sơ kết hoạt động KH&CN địa phương 6 tháng đầu năm 2020");
    expect(first?.date).toBe("19/06/2020");
  });

  it('"do luong" finds articles about "đo lường"', async () => {
    const hits = await index.query("do luong");
    expect(hits.length).toBeGreaterThan(1);
    // Folding makes "luong" also "lượng" (chất lượng), so "doanh … lượng" competes; "đo lường" still ranks in the top three.
    expect(hits.slice(0, 3).some((h) => h.title.toLowerCase().includes("đo lường"))).toBe(true);
    const toned = await index.query("đo lường");
    expect(toned[0]?.title.toLowerCase()).toContain("đo lường");
  });

  it('"KH&CN", "khcn" and "KH CN" find articles about KH&CN', async () => {
    for (const query of ["KH&CN", "khcn", "KH CN"]) {
      const hits = await index.query(query);
      expect(hits.length, query).toBeGreaterThan(5);
      expect(hits[0]?.excerpt, query).toMatch(/KH&amp;CN|KH&CN/);
    }
  });
});
