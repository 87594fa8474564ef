// Search page (/tim-kiem/): our own form on Pagefind's JS API, the state in the URL.
// Pagefind is imported on first use only, and partial words never reach it (each would fetch index chunks).

// Keep in step with SEARCH_PAGE in scripts/lib/search-bytes.ts, which measures what a first search downloads.
export const PAGE_SIZE = 10;
// Main thread, not Pagefind's Web Worker: the worker is one more 43 kB script (12 kB gzip) on every first search,
// and we search on whole words, not on every keystroke, so there is little typing for a busy thread to stall.
export const PAGEFIND_OPTIONS = { excerptLength: 24, noWorker: true };
const DEBOUNCE_MS = 400;
const PAGEFIND_URL = "/pagefind/pagefind.js";
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// --- dates, in Vietnam time (UTC+7, no daylight saving) ---

export function checkDay(text) {
  if (!text) return true;
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const showDay = (iso) => iso.split("-").reverse().join("/");

/** The YYYY-MM values from `from` to `to`, both "YYYY-MM-DD". */
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

/** The month filter's values for a range; an open or very long one is bounded by the months the index holds. */
async function monthsOf(pf, from, to) {
  const wide = !from || !to || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 20;
  if (!wide) return monthsBetween(from, to);
  const known = Object.keys((await pf.filters()).month ?? {}).sort();
  if (!known.length) return [];
  const first = from && from.slice(0, 7) > known[0] ? from : `${known[0]}-01`;
  const last = to && to.slice(0, 7) < known.at(-1) ? to : `${known.at(-1)}-01`;
  return monthsBetween(first, last);
}

const isFirstOfMonth = (day) => day.endsWith("-01");
function isLastOfMonth(day) {
  const [y, m, d] = day.split("-").map(Number);
  return d === new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "19/06/2020" from a result's meta → "2020-06-19": the article's day in Vietnam time. */
async function dayOf(result) {
  const date = (await result.data()).meta?.date ?? "";
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : "";
}

/** First index of a newest-first list where `test` holds; `test` turns true once and stays true. */
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
 * Exported for the tests, which run it in Node on the same Pagefind index.
 */
export async function findArticles(pf, state) {
  const filters = {};
  if (state.categoryName) filters.category = state.categoryName;
  if (state.from || state.to) {
    // Whole months through Pagefind's filter; the days at either end are then cut by each result's date.
    // An open end reaches the oldest or newest month the index holds (the filter chunks' own list).
    const months = await monthsOf(pf, state.from, state.to);
    if (!months.length) return [];
    filters.month = { any: months };
  }
  const term = state.q || null;
  const trimTo = state.to && !isLastOfMonth(state.to);
  const trimFrom = state.from && !isFirstOfMonth(state.from);
  const newest = !term || state.sort === "moi-nhat";

  let byDate = null;
  if (newest || trimTo || trimFrom) {
    byDate = (await pf.search(term, { filters, sort: { date: "desc" } })).results;
    // Newest first, so the articles inside the range are one run: find its two ends by bisection,
    // which loads the fragments of a few results, not of all.
    const first = trimTo ? await boundary(byDate, async (r) => (await dayOf(r)) <= state.to) : 0;
    const end = trimFrom ? await boundary(byDate, async (r) => (await dayOf(r)) < state.from) : byDate.length;
    byDate = byDate.slice(first, Math.max(first, end));
  }
  if (newest) return byDate;
  const ranked = (await pf.search(term, { filters })).results;
  if (!byDate) return ranked;
  const inside = new Set(byDate.map((r) => r.id));
  return ranked.filter((r) => inside.has(r.id));
}

const form = typeof document === "undefined" ? null : document.getElementById("search-form");
if (form) start(form);

function start(form) {
  const byId = (id) => document.getElementById(id);
  const fields = { q: byId("s-q"), category: byId("s-cat"), from: byId("s-from"), to: byId("s-to"), sort: byId("s-sort") };
  const errorBox = byId("search-error");
  const status = byId("search-status");
  const section = byId("search-results-section");
  const heading = byId("search-results-heading");
  const list = byId("search-results");
  const more = byId("search-more");
  const numbers = new Intl.NumberFormat("vi-VN");

  byId("search-nojs").hidden = true;

  let pagefind = null;
  let generation = 0; // each search's number: answers of a superseded search are dropped
  let current = { results: [], shown: 0, emptyKeyword: false };
  let lastUrlQuery = null;
  let typingTimer = 0;

  function loadPagefind() {
    pagefind ??= import(PAGEFIND_URL).then(async (pf) => {
      await pf.options(PAGEFIND_OPTIONS);
      return pf;
    });
    pagefind.catch(() => (pagefind = null)); // a later search tries again
    return pagefind;
  }

  // --- state <-> URL <-> form ---

  function stateFromUrl() {
    const p = new URLSearchParams(location.search);
    return normalise({ q: p.get("q"), category: p.get("chuyen-muc"), from: p.get("tu-ngay"), to: p.get("den-ngay"), sort: p.get("sap-xep") });
  }

  function stateFromForm() {
    return normalise({ q: fields.q.value, category: fields.category.value, from: fields.from.value, to: fields.to.value, sort: fields.sort.value });
  }

  function normalise(s) {
    return {
      q: (s.q ?? "").replace(/\s+/g, " ").trim(),
      category: (s.category ?? "").trim(),
      from: (s.from ?? "").trim(),
      to: (s.to ?? "").trim(),
      sort: s.sort === "moi-nhat" ? "moi-nhat" : "lien-quan",
    };
  }

  function urlQuery(state) {
    const p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    if (state.category) p.set("chuyen-muc", state.category);
    if (state.from) p.set("tu-ngay", state.from);
    if (state.to) p.set("den-ngay", state.to);
    if (state.sort !== "lien-quan") p.set("sap-xep", state.sort);
    const text = p.toString();
    return text ? `?${text}` : "";
  }

  function fillForm(state) {
    fields.q.value = state.q;
    fields.category.value = categoryOption(state.category) ? state.category : "";
    // An input of type date refuses a malformed value; the message then names what the URL held.
    fields.from.value = state.from;
    fields.to.value = state.to;
    fields.sort.value = state.sort;
  }

  function categoryOption(slug) {
    return slug ? [...fields.category.options].find((o) => o.value === slug) : undefined;
  }

  function record(state, mode) {
    const query = urlQuery(state);
    if (mode !== "none" && query !== location.search) {
      const url = location.pathname + query;
      if (mode === "push") history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    lastUrlQuery = query;
  }

  // --- searching ---

  function validate(state) {
    const problems = [];
    if (!checkDay(state.from)) problems.push({ field: fields.from, text: `“Từ ngày” không hợp lệ (${showDay(state.from)}). Vui lòng chọn một ngày có thật, dạng ngày/tháng/năm.` });
    if (!checkDay(state.to)) problems.push({ field: fields.to, text: `“Đến ngày” không hợp lệ (${showDay(state.to)}). Vui lòng chọn một ngày có thật, dạng ngày/tháng/năm.` });
    if (!problems.length && state.from && state.to && state.from > state.to) {
      problems.push({ field: fields.from, text: `Khoảng ngày bị ngược: “Từ ngày” ${showDay(state.from)} đứng sau “Đến ngày” ${showDay(state.to)}. Vui lòng đổi lại hai ngày.` });
    }
    return problems;
  }

  async function search(state, { history: mode, focus }) {
    const mine = ++generation;
    clearTimeout(typingTimer);
    clearError();
    if (!state.q && !state.category && !state.from && !state.to) {
      record(state, mode);
      showResults(null);
      return;
    }
    const problems = validate(state);
    if (problems.length) {
      record(state, mode);
      showProblems(problems, focus);
      return;
    }
    status.textContent = "Đang tìm…";
    record(state, mode);
    let results;
    try {
      const option = categoryOption(state.category);
      results = await findArticles(await loadPagefind(), { ...state, categoryName: option ? (option.dataset.filter ?? option.text) : "" });
    } catch (error) {
      if (mine !== generation) return;
      console.error("Tìm kiếm:", error);
      showUnavailable();
      return;
    }
    if (mine !== generation) return;
    current = { results, shown: 0, emptyKeyword: !state.q };
    await showResults(current, mine);
    if (mine === generation && focus) heading.focus();
  }

  // --- showing ---

  function clearError() {
    errorBox.replaceChildren();
    for (const f of [fields.from, fields.to]) f.removeAttribute("aria-invalid");
  }

  function showProblems(problems, focus) {
    section.hidden = true;
    status.textContent = "";
    for (const p of problems) {
      const line = document.createElement("p");
      line.textContent = p.text;
      errorBox.append(line);
      p.field.setAttribute("aria-invalid", "true");
    }
    if (focus) problems[0].field.focus();
  }

  function showUnavailable() {
    section.hidden = true;
    status.textContent = "";
    const line = document.createElement("p");
    line.append("Chức năng tìm kiếm đang tạm thời không hoạt động. Vui lòng thử lại sau, hoặc xem tin theo ");
    const link = document.createElement("a");
    link.href = "/luu-tru/";
    link.textContent = "lưu trữ";
    line.append(link, ".");
    errorBox.append(line);
  }

  async function showResults(found, mine) {
    list.replaceChildren();
    more.hidden = true;
    if (!found) {
      section.hidden = true;
      status.textContent = "";
      return;
    }
    section.hidden = false;
    if (!found.results.length) {
      const none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "Không tìm thấy bài viết nào phù hợp. Vui lòng thử từ khóa khác, bỏ bớt chuyên mục hoặc mở rộng khoảng ngày.";
      list.append(none);
      status.textContent = "Không tìm thấy bài viết nào.";
      return;
    }
    await showMore(mine);
  }

  async function showMore(mine) {
    const page = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    let data;
    try {
      data = await Promise.all(page.map((r) => r.data()));
    } catch (error) {
      console.error("Tìm kiếm:", error);
      showUnavailable();
      return null;
    }
    if (mine !== generation) return null;
    const items = data.map(resultItem);
    list.append(...items);
    current.shown += page.length;
    const total = current.results.length;
    more.hidden = current.shown >= total;
    const order = current.emptyKeyword ? " (xếp từ mới đến cũ)" : "";
    status.textContent =
      total > current.shown
        ? `Tìm thấy ${numbers.format(total)} bài viết${order}; đang hiển thị ${numbers.format(current.shown)} bài đầu tiên.`
        : `Tìm thấy ${numbers.format(total)} bài viết${order}.`;
    return items[0] ?? null;
  }

  function resultItem(data) {
    const item = document.createElement("li");
    item.className = "search-result";
    const title = document.createElement("h3");
    title.className = "search-result-title";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta?.title ?? data.url;
    title.append(link);
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    if (data.meta?.date) {
      const time = document.createElement("time");
      const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(data.meta.date);
      if (m) time.dateTime = `${m[3]}-${m[2]}-${m[1]}`;
      time.textContent = data.meta.date;
      meta.append(time);
    }
    if (data.meta?.category) {
      const category = document.createElement("span");
      category.className = "search-result-category";
      category.textContent = data.meta.category;
      meta.append(category);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    appendExcerpt(excerpt, data.excerpt ?? "");
    item.append(title, meta, excerpt);
    return item;
  }

  /** Pagefind's excerpt is text with < and > escaped and <mark> around matches: rebuilt as nodes, never as HTML. */
  function appendExcerpt(parent, excerpt) {
    let marked = false;
    for (const part of excerpt.split(/(<\/?mark>)/)) {
      if (part === "<mark>" || part === "</mark>") {
        marked = part === "<mark>";
        continue;
      }
      if (!part) continue;
      const text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      if (marked) {
        const mark = document.createElement("mark");
        mark.textContent = text;
        parent.append(mark);
      } else {
        parent.append(text);
      }
    }
  }

  // --- events ---

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void search(stateFromForm(), { history: "push", focus: true });
  });

  // Live search on whole words only: a space after a word triggers it, a partial word never does.
  fields.q.addEventListener("input", () => {
    void loadPagefind().catch(() => {});
    clearTimeout(typingTimer);
    const value = fields.q.value;
    if (!/\S\s$/.test(value)) return;
    typingTimer = setTimeout(() => {
      const state = stateFromForm();
      if (urlQuery(state) !== lastUrlQuery) void search(state, { history: "replace", focus: false });
    }, DEBOUNCE_MS);
  });

  for (const select of [fields.category, fields.sort]) {
    select.addEventListener("change", () => void search(stateFromForm(), { history: "push", focus: false }));
  }

  more.addEventListener("click", async () => {
    const first = await showMore(generation);
    first?.querySelector("a")?.focus();
  });

  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    fillForm(state);
    void search(state, { history: "none", focus: false });
  });

  const initial = stateFromUrl();
  fillForm(initial);
  // The sidebar's box sends empty fields too: keep the address short and shareable.
  void search(initial, { history: "replace", focus: false });
}
