// Vietnamese folding for search, shared by the index (scripts/lib/search/) and the browser (search-engine.js).
//
// Pagefind folds tone marks (NFD, combining marks dropped) but not đ, which has no decomposition. The index
// therefore writes đ as ḓ (U+1E13, d with circumflex below, a letter of Venda that Vietnamese never uses): its
// NFD is d + a mark, so Pagefind indexes "ḓăng" as "dang", while titles and excerpts keep ḓ and read as đ again
// on display. (d + U+0335, a lone combining stroke, also folds, but Pagefind then indexes each such word twice.)

/**
 * Text as the index holds it: NFC, đ/Đ as ḓ/Ḓ.
 * @param {string} text
 * @returns {string}
 */
export function indexText(text) {
  return text.normalize("NFC").replace(/[đĐ]/g, (c) => (c === "đ" ? "\u1e13" : "\u1e12"));
}

/**
 * Indexed text as readers see it: ḓ/Ḓ back to đ/Đ.
 * @param {string} text
 * @returns {string}
 */
export function readerText(text) {
  return text.replace(/[\u1e12\u1e13]/g, (c) => (c === "\u1e13" ? "đ" : "Đ"));
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
