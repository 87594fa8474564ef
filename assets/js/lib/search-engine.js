// The client's one door to Pagefind: loading it, folding queries, ranking, and turning results into what the
// page shows. The search page runs it in a Web Worker (search-worker.js), the documents library and the tests
// call it directly; the bench measures what it downloads.
import { indexText, queryWords, readerText } from "./search-fold.js";
import { openShards } from "./search-shards.js";

// Keep in step with SEARCH_PAGE in scripts/bench/search-bytes.ts, which measures what a first search downloads.
export const PAGE_SIZE = 10;
// Words shown around the best match in an excerpt.
export const EXCERPT_WORDS = 24;
/**
 * Tone-less and toned queries must rank alike (the index folds both to the same words), so an exact tone earns
 * nothing; whole-syllable and adjacent-syllable matches are rewarded by `rankedSearch` instead.
 */
export const PAGEFIND_OPTIONS = { excerptLength: EXCERPT_WORDS, ranking: { diacriticSimilarity: 0 } };

/**
 * Pagefind with our options, over every shard of the index as one (search-shards.js). In a worker or in Node
 * Pagefind runs in the calling thread; on a page its own worker is turned off, since the page hands the whole
 * search to ours.
 * @param {string} [base] the site's root: "/" on the site, a file URL in Node
 */
export function loadPagefind(base = "/") {
  return openShards({ base, options: PAGEFIND_OPTIONS });
}

/**
 * Filters as the index holds them: values in the index's spelling (đ written as ḓ, see search-fold.js).
 * @param {Record<string, unknown>} filters
 */
export function indexFilters(filters) {
  /** @param {unknown} v @returns {unknown} */
  const stroke = (v) =>
    typeof v === "string" ? indexText(v) : Array.isArray(v) ? v.map(stroke) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stroke(x)])) : v;
  return /** @type {Record<string, any>} */ (stroke(filters));
}

/**
 * The results of a query, best first. Pagefind finds the pages holding every word (or a word it starts) and
 * scores them. Where the matched words stand on each page then puts first the pages holding them side by side
 * ("hoi nghi" → "Hội nghị" before "Hội thảo … nông nghiệp"); a quoted search tells the pages holding the query as
 * one whole word ("so" → "sở", not only "song"; "KH CN" → "KH&CN"). Ties keep Pagefind's order. Within the first
 * page, whose fragments the page reads anyway, titles holding the query's words side by side come first.
 * (Quoted searches of several words, or one search per word, would tell more, but each costs as much as the
 * search itself: seconds on a 10,000-article site.)
 * @param {any} pf
 * @param {string} query
 * @param {{ filters?: Record<string, unknown> }} [options]
 * @returns {Promise<any[]>}
 */
export async function rankedSearch(pf, query, { filters = {} } = {}) {
  const words = queryWords(query);
  if (!words.length) return [];
  const indexed = indexFilters(filters);
  const found = (await pf.search(words.join(" "), { filters: indexed })).results;
  if (found.length < 2) return found;
  // Pages holding the query as one word: the word itself, or short words run together ("KH CN" → "KH&CN"). Only
  // then: the run-together word of longer ones ("hoinghi") would fetch an index chunk of its own for nothing.
  const joinable = words.length === 1 || words.every((word) => word.length <= 3);
  const whole = joinable ? new Set((await pf.search(`"${words.join("")}"`, { filters: indexed })).results.map((/** @type {any} */ r) => r.id)) : new Set();
  /** @param {any} result */
  const evidence = (result) =>
    whole.has(result.id) ? 1 : words.length === 1 ? 0 : (Math.min(longestRun(result.words), words.length) - 1) / (words.length - 1);
  const keyed = found.map((/** @type {any} */ result, /** @type {number} */ order) => ({ result, order, rank: evidence(result) }));
  keyed.sort((a, b) => b.rank - a.rank || a.order - b.order);
  const head = keyed.slice(0, PAGE_SIZE);
  const titles = await Promise.all(head.map(async (k) => queryWords((await k.result.data()).meta?.title ?? "")));
  const ordered = head.map((k, i) => ({ ...k, rank: k.rank + 2 * titleShare(titles[i] ?? [], words) })).sort((a, b) => b.rank - a.rank || a.order - b.order);
  return [...ordered, ...keyed.slice(PAGE_SIZE)].map((k) => k.result);
}

/**
 * The longest run of matched words standing one after another on a page (positions p, p+1, …).
 * @param {number[]} positions
 */
function longestRun(positions) {
  const at = new Set(positions);
  let longest = 0;
  for (const p of at) {
    if (at.has(p - 1)) continue;
    let run = 1;
    while (at.has(p + run)) run++;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * How much of the query a title holds: the share of the query's adjacent pairs side by side in it (for one word,
 * whether it holds the word).
 * @param {string[]} title the title's folded words
 * @param {string[]} words the query's
 */
function titleShare(title, words) {
  if (words.length === 1) return title.includes(/** @type {string} */ (words[0])) ? 1 : 0;
  const pairs = new Set(title.slice(1).map((word, i) => `${title[i]} ${word}`));
  return words.slice(1).filter((word, i) => pairs.has(`${words[i]} ${word}`)).length / (words.length - 1);
}

/** @param {string} word */
const bare = (word) => queryWords(word).join("");

/**
 * Whether a word of the text is one of the query's words: whole, or one part of a compound ("KH&CN" for "cn").
 * @param {string} word
 * @param {Set<string>} words
 */
function isWholeMatch(word, words) {
  if (words.has(bare(word))) return true;
  return readerText(word).split(/[\p{P}\p{S}]+/u).some((part) => part && words.has(bare(part)));
}

/**
 * An excerpt of `content` around its best run of matches, as text parts: `{ text, mark }`. Whole-syllable matches
 * are marked ("nghị" for "nghi"); words Pagefind matched only by their beginning ("nghiệp") are marked only when
 * the page has no whole match.
 * @param {string} content the page's indexed text (Pagefind's `content`)
 * @param {number[]} locations word positions Pagefind matched
 * @param {string} query
 * @param {number} [length]
 * @returns {{ text: string; mark: boolean }[]}
 */
export function excerptParts(content, locations, query, length = EXCERPT_WORDS) {
  const text = content.split(/\s+/).filter(Boolean);
  const words = new Set(queryWords(query));
  const located = [...new Set(locations)].filter((l) => l >= 0 && l < text.length).sort((a, b) => a - b);
  const whole = located.filter((l) => isWholeMatch(/** @type {string} */ (text[l]), words));
  const marked = new Set(whole.length ? whole : located);
  // The window of `length` words holding the most marks; the earliest of equals.
  let start = 0;
  let best = -1;
  for (const first of marked) {
    const from = Math.max(0, Math.min(first - 2, text.length - length));
    let count = 0;
    for (const l of marked) if (l >= from && l < from + length) count++;
    if (count > best) [best, start] = [count, from];
  }
  const end = Math.min(text.length, start + length);
  /** @type {{ text: string; mark: boolean }[]} */
  const parts = [];
  const push = (/** @type {string} */ s, /** @type {boolean} */ mark) => {
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += s;
    else if (s) parts.push({ text: s, mark });
  };
  if (start > 0) push("… ", false);
  for (let i = start; i < end; i++) {
    const word = readerText(/** @type {string} */ (text[i]));
    const space = i + 1 < end ? " " : "";
    if (!marked.has(i)) {
      push(word + space, false);
      continue;
    }
    // Punctuation around a word stays outside its mark: "<mark>tử</mark>,".
    const m = /^([\p{P}\p{S}]*)(.*?)([\p{P}\p{S}]*)$/u.exec(word);
    const [lead, core, tail] = m && m[2] ? [m[1], m[2], m[3]] : ["", word, ""];
    push(lead ?? "", false);
    push(core ?? "", true);
    push((tail ?? "") + space, false);
  }
  if (end < text.length) push(" …", false);
  return parts;
}

/**
 * A result's meta in readers' spelling (the index writes đ as ḓ).
 * @param {Record<string, string> | undefined} meta
 * @returns {Record<string, string>}
 */
export function readerMeta(meta) {
  return Object.fromEntries(Object.entries(meta ?? {}).map(([key, value]) => [key, readerText(value)]));
}

/**
 * What a result shows, in readers' spelling: address, title, dd/mm/yyyy date, category and excerpt parts.
 * @param {any} result a Pagefind result
 * @param {string} query
 */
export async function resultView(result, query) {
  const data = await result.data();
  const meta = readerMeta(data.meta);
  const day = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(meta.date ?? "");
  return {
    url: data.url,
    title: meta.title ?? data.url,
    date: meta.date ?? "",
    dateIso: day ? `${day[3]}-${day[2]}-${day[1]}` : "",
    category: meta.category ?? "",
    excerpt: excerptParts(data.content ?? "", query ? (data.locations ?? []) : [], query),
  };
}

// --- the search page's searches: category, day range (Vietnam time) and order ---

/**
 * The YYYY-MM values from `from` to `to`, both "YYYY-MM-DD".
 * @param {string} from
 * @param {string} to
 */
export function monthsBetween(from, to) {
  const months = [];
  let [y, m] = from.split("-").map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > last) return months;
    months.push(month);
    if (++m === 13) [y, m] = [y + 1, 1];
  }
}

/**
 * The month filter's values for a range; an open or very long one is bounded by the months the index holds.
 * @param {any} pf
 * @param {string} from
 * @param {string} to
 */
async function monthsOf(pf, from, to) {
  const wide = !from || !to || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 20;
  if (!wide) return monthsBetween(from, to);
  const known = Object.keys((await pf.filters()).month ?? {}).sort();
  if (!known.length) return [];
  const first = from && from.slice(0, 7) > known[0] ? from : `${known[0]}-01`;
  const last = to && to.slice(0, 7) < known.at(-1) ? to : `${known.at(-1)}-01`;
  return monthsBetween(first, last);
}

const isFirstOfMonth = (/** @type {string} */ day) => day.endsWith("-01");
function isLastOfMonth(/** @type {string} */ day) {
  const [y, m, d] = day.split("-").map(Number);
  return d === new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * "19/06/2020" from a result's meta → "2020-06-19": the article's day in Vietnam time.
 * @param {any} result
 */
async function dayOf(result) {
  const date = (await result.data()).meta?.date ?? "";
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : "";
}

/**
 * First index of a newest-first list where `test` holds; `test` turns true once and stays true.
 * @param {any[]} results
 * @param {(r: any) => Promise<boolean>} test
 */
async function boundary(results, test) {
  let lo = 0;
  let hi = results.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (await test(results[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Every matching result, in the page's order. `state`: { q, categoryName, from, to (YYYY-MM-DD, checked), sort }.
 * @param {any} pf
 * @param {{ q: string; categoryName: string; from: string; to: string; sort: string }} state
 * @returns {Promise<any[]>}
 */
export async function findArticles(pf, state) {
  /** @type {Record<string, unknown>} */
  const filters = {};
  if (state.categoryName) filters.category = state.categoryName;
  if (state.from || state.to) {
    // Whole months through Pagefind's filter; the days at either end are then cut by each result's date.
    // An open end reaches the oldest or newest month the index holds (the filter chunks' own list).
    const months = await monthsOf(pf, state.from, state.to);
    if (!months.length) return [];
    filters.month = { any: months };
  }
  const words = queryWords(state.q);
  const term = words.length ? words.join(" ") : null;
  const trimTo = state.to && !isLastOfMonth(state.to);
  const trimFrom = state.from && !isFirstOfMonth(state.from);
  const newest = !term || state.sort === "moi-nhat";

  /** @type {any[] | null} */
  let byDate = null;
  if (newest || trimTo || trimFrom) {
    byDate = (await pf.search(term, { filters: indexFilters(filters), sort: { date: "desc" } })).results;
    // Newest first, so the articles inside the range are one run: find its two ends by bisection,
    // which loads the fragments of a few results, not of all.
    const list = /** @type {any[]} */ (byDate);
    const first = trimTo ? await boundary(list, async (r) => (await dayOf(r)) <= state.to) : 0;
    const end = trimFrom ? await boundary(list, async (r) => (await dayOf(r)) < state.from) : list.length;
    byDate = list.slice(first, Math.max(first, end));
  }
  if (newest) return /** @type {any[]} */ (byDate);
  const ranked = await rankedSearch(pf, state.q, { filters });
  if (!byDate) return ranked;
  const inside = new Set(byDate.map((r) => r.id));
  return ranked.filter((r) => inside.has(r.id));
}
