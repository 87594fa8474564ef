// The documents library (/van-ban/): the filter form is a plain GET form, so its state is the page's address.
// This script reads that address and lists the matching documents from the Pagefind index; without it, the
// static list of every document stays.
import { loadPagefind, rankedSearch, readerMeta } from "./lib/search-engine.js";

export const PAGE_SIZE = 20;
export const FILTERS = ["loai", "linh-vuc", "co-quan", "nam", "tinh-trang"];
const STATUS_NAMES = { "con-hieu-luc": "Còn hiệu lực", "chua-co-hieu-luc": "Chưa có hiệu lực", "het-hieu-luc": "Hết hiệu lực" };

/** The query as the address keeps it: NFC, single spaces (rankedSearch folds tones and đ). */
export function normaliseQuery(text) {
  return (text ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** State from an address's query string: { q, loai, "linh-vuc", …, page }. */
export function stateFromSearch(search) {
  const p = new URLSearchParams(search);
  const state = { q: normaliseQuery(p.get("q")), page: Math.max(1, Number.parseInt(p.get("trang") ?? "1", 10) || 1) };
  for (const key of FILTERS) state[key] = (p.get(key) ?? "").trim();
  return state;
}

/** The address of one page of a state's results. */
export function searchOf(state, page) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const key of FILTERS) if (state[key]) p.set(key, state[key]);
  if (page > 1) p.set("trang", String(page));
  return `?${p}`;
}

/** Words of a number or a query, tone-less, đ as d: "QĐ-UBND 15" → ["qd", "ubnd", "15"]. */
export function numberParts(text) {
  return (text ?? "").normalize("NFD").replace(/\p{M}+/gu, "").replace(/[đĐ]/g, "d").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether a query names this number or part of it: every word of the query is a word of the number, or all run together. */
export function matchesNumber(query, number) {
  const q = numberParts(query);
  const n = numberParts(number);
  return q.length > 0 && (q.every((part) => n.includes(part)) || q.join("") === n.join(""));
}

// Results whose number the query names come first; Pagefind ranks words, not numbers. Only the best few are read.
const NUMBER_RERANK = 20;

export const isFiltered = (state) => Boolean(state.q) || FILTERS.some((key) => state[key]);

/**
 * Every matching document: newest first without a query, by relevance with one, documents whose number the
 * query names first.
 * Exported for the tests, which run it in Node on the same index.
 */
export async function findDocuments(pf, state) {
  const filters = { kind: "van-ban" };
  for (const key of FILTERS) if (state[key]) filters[key] = state[key];
  if (!state.q) return (await pf.search(null, { filters, sort: { date: "desc" } })).results;
  const results = await rankedSearch(pf, state.q, { filters });
  const head = results.slice(0, NUMBER_RERANK);
  const numbers = await Promise.all(head.map(async (r) => matchesNumber(state.q, (await r.data()).meta?.number)));
  return [...head.filter((_, i) => numbers[i]), ...head.filter((_, i) => !numbers[i]), ...results.slice(NUMBER_RERANK)];
}

const form = typeof document === "undefined" ? null : document.getElementById("doc-form");
if (form) start(form);

function start(form) {
  const byId = (id) => document.getElementById(id);
  const status = byId("doc-status");
  const errorBox = byId("doc-error");
  const section = byId("doc-results-section");
  const list = byId("doc-results");
  const pager = byId("doc-pager");
  const all = byId("doc-all");
  const numbers = new Intl.NumberFormat("vi-VN");
  byId("doc-nojs").hidden = true;

  const state = stateFromSearch(location.search);
  form.elements.q.value = state.q;
  for (const key of FILTERS) {
    const select = form.elements[key];
    // A value the page does not offer (an old link) is dropped rather than searched.
    if ([...select.options].some((o) => o.value === state[key])) select.value = state[key];
    else state[key] = "";
  }
  if (!isFiltered(state)) return;

  all.hidden = true;
  section.hidden = false;
  status.textContent = "Đang tìm…";
  void show(state);

  async function show(state) {
    let results;
    try {
      const pf = await loadPagefind();
      results = await findDocuments(pf, state);
    } catch (error) {
      console.error("Tra cứu văn bản:", error);
      section.hidden = true;
      all.hidden = false;
      status.textContent = "";
      errorBox.textContent = "Chức năng tra cứu đang tạm thời không hoạt động. Vui lòng thử lại sau; danh sách dưới đây gồm mọi văn bản.";
      return;
    }
    const pageCount = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
    const page = Math.min(state.page, pageCount);
    const shown = results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const data = await Promise.all(shown.map((r) => r.data()));
    list.replaceChildren(...data.map(item));
    if (!results.length) {
      const none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "Không có văn bản phù hợp. Vui lòng thử số ký hiệu hoặc từ khóa khác, hoặc bỏ bớt điều kiện lọc.";
      list.append(none);
    }
    const range = pageCount > 1 ? ` (trang ${page}/${pageCount})` : "";
    status.textContent = results.length ? `Tìm thấy ${numbers.format(results.length)} văn bản${range}.` : "Không tìm thấy văn bản nào.";
    pager.replaceChildren();
    if (pageCount > 1) {
      if (page > 1) pager.append(link(searchOf(state, page - 1), "← Trang trước", "prev"));
      const current = document.createElement("span");
      current.setAttribute("aria-current", "page");
      current.textContent = `Trang ${page}/${pageCount}`;
      pager.append(current);
      if (page < pageCount) pager.append(link(searchOf(state, page + 1), "Trang sau →", "next"));
    }
  }

  function link(href, text, rel) {
    const a = document.createElement("a");
    a.href = href;
    a.rel = rel;
    a.textContent = text;
    return a;
  }

  // The same markup as layouts/partials/document-list.njk; every text goes in as text, never as HTML.
  function item(result) {
    const data = { ...result, meta: readerMeta(result.meta) };
    const li = document.createElement("li");
    li.className = "document-item";
    const heading = document.createElement("h3");
    heading.className = "document-item-title";
    const a = link(data.url, data.meta.heading ?? data.meta.title ?? data.url, "");
    a.removeAttribute("rel");
    heading.append(a);
    const summary = document.createElement("p");
    summary.className = "document-item-summary";
    summary.textContent = data.meta.summary ?? "";
    const meta = document.createElement("p");
    meta.className = "document-item-meta";
    const time = document.createElement("time");
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(data.meta.date ?? "");
    if (m) time.dateTime = `${m[3]}-${m[2]}-${m[1]}`;
    time.textContent = data.meta.date ?? "";
    const badge = document.createElement("span");
    const slug = Object.hasOwn(STATUS_NAMES, data.meta.status) ? data.meta.status : "con-hieu-luc";
    badge.className = `doc-status doc-status-${slug}`;
    badge.textContent = STATUS_NAMES[slug];
    meta.append(`${data.meta.issuer ?? ""} · Ban hành `, time, " · ", badge);
    li.append(heading, summary, meta);
    return li;
  }
}
