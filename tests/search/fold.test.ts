/** Vietnamese folding (assets/js/lib/search-fold.js) and the excerpts built from it (search-engine.js). */
import { describe, expect, it } from "vitest";
import { excerptParts } from "../../assets/js/lib/search-engine.js";
import { foldQuery, indexText, queryWords, readerText } from "../../assets/js/lib/search-fold.js";

const marked = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join("");

describe("queries", () => {
  it("fold đ and Đ to d, tones away, lower case", () => {
    expect(foldQuery("Đăng ký")).toBe("dang ky");
    expect(foldQuery("đo lường")).toBe("do luong");
    expect(foldQuery("ĐIỆN TỬ")).toBe("dien tu");
  });

  it("read NFD input as NFC input", () => {
    const nfd = "Hội nghị sơ kết".normalize("NFD");
    expect(nfd).not.toBe("Hội nghị sơ kết");
    expect(foldQuery(nfd)).toBe("hoi nghi so ket");
    expect(foldQuery("đăng ký".normalize("NFD"))).toBe(foldQuery("đăng ký"));
  });

  it("give every spelling of a word the same query: toned, tone-less, mixed", () => {
    for (const q of ["đăng ký", "dang ky", "đang ky", "dăng ký", "ĐĂNG KÝ", "  đăng   ký "]) expect(foldQuery(q), q).toBe("dang ky");
  });

  it("split words as Pagefind does, dropping punctuation inside them", () => {
    expect(queryWords("KH&CN")).toEqual(["khcn"]);
    expect(queryWords("KH CN")).toEqual(["kh", "cn"]);
    expect(queryWords("07-NQ/TU")).toEqual(["07nqtu"]);
    expect(queryWords("ISO 9001:2015")).toEqual(["iso", "90012015"]);
    expect(queryWords(" “đo lường”, ")).toEqual(["do", "luong"]);
    expect(queryWords("— ")).toEqual([]);
    expect(queryWords(null)).toEqual([]);
  });
});

describe("the index's spelling of đ", () => {
  it("writes đ/Đ as ḓ/Ḓ, a letter that decomposes to d, and reads it back, NFC throughout", () => {
    expect(indexText("Đăng ký đo lường")).toBe("\u1e12ăng ký \u1e13o lường");
    expect("\u1e13".normalize("NFD").replace(/\p{M}/gu, "")).toBe("d");
    expect(readerText(indexText("Đăng ký đo lường"))).toBe("Đăng ký đo lường");
    expect(indexText("Hội nghị".normalize("NFD"))).toBe("Hội nghị");
    expect(indexText("KH&CN <b> dạ")).toBe("KH&CN <b> dạ");
  });

  it("folds to the same words as the query once Pagefind drops the marks", () => {
    // Pagefind keeps letters and digits of a word, then strips tone marks (NFD, combining marks dropped).
    const pagefindWord = (word: string) => word.replace(/[^\p{L}\p{N}]/gu, "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    for (const word of ["Đăng", "đổi", "Điện", "QĐ-UBND"]) expect(pagefindWord(indexText(word)), word).toBe(queryWords(word).join(""));
  });
});

describe("excerpts", () => {
  const content = indexText("Chiều ngày 18/6, Sở đã tổ chức Hội nghị sơ kết. Hội thảo về nông nghiệp công nghệ cao và đo lường, chất lượng.");
  const words = content.split(" ");
  const at = (word: string) => words.findIndex((w) => readerText(w).startsWith(word));

  it("mark whole syllables, in readers' spelling, punctuation outside the mark", () => {
    const parts = excerptParts(content, [at("đo"), at("lường,")], "do luong", 30);
    expect(marked(parts)).toBe("Chiều ngày 18/6, Sở đã tổ chức Hội nghị sơ kết. Hội thảo về nông nghiệp công nghệ cao và [đo] [lường], chất lượng.");
  });

  it("leave words Pagefind matched only by their beginning unmarked when the page has whole matches", () => {
    // Pagefind matches "nghi" in "nghiệp" too; only "nghị" is marked.
    const parts = excerptParts(content, [at("Hội"), at("nghị"), at("Hội thảo"), at("nghiệp")], "hoi nghi", 30);
    expect(marked(parts)).toContain("[Hội] [nghị] sơ kết.");
    expect(marked(parts)).toContain("nông nghiệp");
    expect(marked(parts)).not.toContain("[nghiệp]");
  });

  it("show the window holding most matches, with ellipses where text is cut", () => {
    const parts = excerptParts(content, [at("đo"), at("lường,")], "do luong", 6);
    expect(marked(parts)).toBe("… cao và [đo] [lường], chất lượng.");
    expect(marked(excerptParts(content, [], "", 4))).toBe("Chiều ngày 18/6, Sở …");
  });
});
