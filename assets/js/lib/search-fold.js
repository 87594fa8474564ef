// Vietnamese folding for search, shared by the index (scripts/lib/search/) and the browser (search-engine.js).
//
// Pagefind folds tone marks (NFD, combining marks dropped) but not đ, which has no decomposition. The index
// therefore writes đ as d + U+0335 (combining short stroke overlay): Pagefind drops the mark when it makes its
// words, so "đăng" is found as "dang", while titles and excerpts keep the mark and read as đ again on display.

const STROKE = "\u0335";
const STROKED = /([dD])\u0335/g;

/**
 * Text as the index holds it: NFC, đ/Đ as d/D + U+0335 (a stray U+0335 of the source is dropped first).
 * @param {string} text
 * @returns {string}
 */
export function strokeD(text) {
  return text.normalize("NFC").replaceAll(STROKE, "").replace(/đ/g, `d${STROKE}`).replace(/Đ/g, `D${STROKE}`);
}

/**
 * Indexed text as readers see it: every d/D + U+0335 back to đ/Đ.
 * @param {string} text
 * @returns {string}
 */
export function unstrokeD(text) {
  return text.replace(STROKED, (_, d) => (d === "d" ? "đ" : "Đ"));
}

/**
 * A query as Pagefind gets it: NFC or NFD in, tones and đ folded, lower case, single spaces.
 * Typed with or without tones, with d or đ, every spelling of a word becomes the same query.
 * @param {string | null | undefined} text
 * @returns {string}
 */
export function foldQuery(text) {
  return (text ?? "")
    .normalize("NFC")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The words Pagefind searches for a query: folded, punctuation dropped inside words ("KH&CN" → "khcn",
 * "07-NQ/TU" → "07nqtu"), as Pagefind's own query parser does.
 * @param {string | null | undefined} text
 * @returns {string[]}
 */
export function queryWords(text) {
  return foldQuery(text)
    .split(" ")
    .map((word) => word.replace(/[\p{P}\p{S}]+/gu, ""))
    .filter(Boolean);
}

/**
 * A title's adjacent words run together ("Hội nghị sơ kết" → "hoinghi nghiso soket"), indexed beside the title so
 * a quoted search for "hoinghi" tells which pages hold "hội nghị" in their title.
 * @param {string} title
 * @returns {string}
 */
export function titlePairs(title) {
  const words = queryWords(title);
  return [...new Set(words.slice(1).map((word, i) => `${words[i]}${word}`))].join(" ");
}
