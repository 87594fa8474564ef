// Search page (/tim-kiem/): our own form, the state in the address, Pagefind in a Web Worker (search-worker.js)
// so the page stays responsive while it downloads and searches. Partial words never reach Pagefind (each would
// fetch index chunks): the live search waits for a space after a word.
import { parseDay, showDay } from "./lib/days.js";
import { createSession } from "./lib/search-session.js";

const DEBOUNCE_MS = 400;

const form = typeof document === "undefined" ? null : document.getElementById("search-form");
if (form) start(form);

/**
 * The worker's searches as promises. The worker starts with the first search (or the first typed word); if it
 * cannot start (an older browser, a blocked script), the same session runs on the page instead.
 * @param {string | undefined} workerUrl
 */
function searchClient(workerUrl) {
  /** @type {Map<number, { message: any; resolve: (v: any) => void; reject: (e: Error) => void }>} */
  const pending = new Map();
  let next = 0;
  /** @type {ReturnType<typeof createSession> | null} */
  let local = null;
  /** @type {Worker | null | undefined} undefined until the first question */
  let worker;

  const runLocally = (/** @type {any} */ message) => {
    local ??= createSession();
    return message.type === "search" ? local.search(message.state) : message.type === "more" ? local.more(message.from) : local.warm();
  };

  function startWorker() {
    try {
      worker = workerUrl ? new Worker(workerUrl, { type: "module" }) : null;
    } catch {
      worker = null;
    }
    worker?.addEventListener("message", ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.error) call.reject(new Error(data.error));
      else call.resolve(data);
    });
    worker?.addEventListener("error", (event) => {
      // The worker did not load: what it was asked goes to the page's own session.
      event.preventDefault();
      worker?.terminate();
      worker = null;
      for (const [id, call] of pending) {
        pending.delete(id);
        runLocally(call.message).then(call.resolve, call.reject);
      }
    });
  }

  return {
    /** @param {any} message */
    ask(message) {
      if (worker === undefined) startWorker();
      if (!worker) return runLocally(message);
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { message, resolve, reject });
        worker?.postMessage({ id, ...message });
      });
    },
  };
}

/** @param {HTMLFormElement} form */
function start(form) {
  const byId = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
  const fields = { q: byId("s-q"), category: byId("s-cat"), from: byId("s-from"), to: byId("s-to"), sort: byId("s-sort") };
  const filters = byId("search-filters");
  const filterCount = byId("search-filter-count");
  const errorBox = byId("search-error");
  const status = byId("search-status");
  const section = byId("search-results-section");
  const heading = byId("search-results-heading");
  const list = byId("search-results");
  const more = byId("search-more");
  const numbers = new Intl.NumberFormat("vi-VN");
  const client = searchClient(form.dataset.worker);

  let generation = 0; // each search's number: answers of a superseded search are dropped
  let current = { total: 0, shown: 0, emptyKeyword: false };
  /** @type {string | null} */
  let lastUrlQuery = null;
  let typingTimer = 0;
  let warmed = false;

  // --- state <-> URL <-> form ---

  function stateFromUrl() {
    const p = new URLSearchParams(location.search);
    return normalise({ q: p.get("q"), category: p.get("chuyen-muc"), from: p.get("tu-ngay"), to: p.get("den-ngay"), sort: p.get("sap-xep") });
  }

  function stateFromForm() {
    return normalise({ q: fields.q.value, category: fields.category.value, from: fields.from.value, to: fields.to.value, sort: fields.sort.value });
  }

  /** Days typed or linked in any accepted form are kept as dd/mm/yyyy; what cannot be read stays as typed. */
  function normalise(/** @type {Record<string, string | null>} */ s) {
    const day = (/** @type {string | null} */ text) => {
      const iso = parseDay(text);
      return iso ? showDay(iso) : (text ?? "").trim();
    };
    return {
      q: (s.q ?? "").normalize("NFC").replace(/\s+/g, " ").trim(),
      category: (s.category ?? "").trim(),
      from: day(s.from),
      to: day(s.to),
      sort: s.sort === "moi-nhat" ? "moi-nhat" : "lien-quan",
    };
  }

  function urlQuery(/** @type {ReturnType<typeof normalise>} */ state) {
    const p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    if (state.category) p.set("chuyen-muc", state.category);
    if (state.from) p.set("tu-ngay", state.from);
    if (state.to) p.set("den-ngay", state.to);
    if (state.sort !== "lien-quan") p.set("sap-xep", state.sort);
    const text = p.toString();
    return text ? `?${text}` : "";
  }

  function fillForm(/** @type {ReturnType<typeof normalise>} */ state) {
    fields.q.value = state.q;
    fields.category.value = categoryOption(state.category) ? state.category : "";
    fields.from.value = state.from;
    fields.to.value = state.to;
    fields.sort.value = state.sort;
    showFilterCount(state);
  }

  /** The closed "Bộ lọc" says how many filters are set, so a reader knows the list is narrowed. */
  function showFilterCount(/** @type {ReturnType<typeof normalise>} */ state) {
    const n = [state.category, state.from, state.to, state.sort !== "lien-quan"].filter(Boolean).length;
    filterCount.textContent = n ? ` (đang dùng ${n})` : "";
  }

  function categoryOption(/** @type {string} */ slug) {
    return slug ? [...fields.category.options].find((o) => o.value === slug) : undefined;
  }

  function record(/** @type {ReturnType<typeof normalise>} */ state, /** @type {string} */ mode) {
    const query = urlQuery(state);
    if (mode !== "none" && query !== location.search) {
      const url = location.pathname + query;
      if (mode === "push") history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    lastUrlQuery = query;
  }

  // --- searching ---

  function validate(/** @type {ReturnType<typeof normalise>} */ state) {
    const problems = [];
    const from = parseDay(state.from);
    const to = parseDay(state.to);
    const hint = "Vui lòng nhập một ngày có thật, dạng ngày/tháng/năm, ví dụ 19/06/2020.";
    if (from === null) problems.push({ field: fields.from, text: `“Từ ngày” không hợp lệ (${state.from}). ${hint}` });
    if (to === null) problems.push({ field: fields.to, text: `“Đến ngày” không hợp lệ (${state.to}). ${hint}` });
    if (!problems.length && from && to && from > to) {
      problems.push({ field: fields.from, text: `Khoảng ngày bị ngược: “Từ ngày” ${state.from} đứng sau “Đến ngày” ${state.to}. Vui lòng đổi lại hai ngày.` });
    }
    return { problems, from: from ?? "", to: to ?? "" };
  }

  async function search(/** @type {ReturnType<typeof normalise>} */ state, /** @type {{ history: string; focus: boolean }} */ { history: mode, focus }) {
    const mine = ++generation;
    clearTimeout(typingTimer);
    clearError();
    showFilterCount(state);
    if (!state.q && !state.category && !state.from && !state.to) {
      record(state, mode);
      showResults(null);
      return;
    }
    const { problems, from, to } = validate(state);
    if (problems.length) {
      record(state, mode);
      filters.open = true;
      showProblems(problems, focus);
      return;
    }
    // Days read back in the one form readers see everywhere: "1.2.2022" becomes "01/02/2022".
    fields.from.value = state.from;
    fields.to.value = state.to;
    status.textContent = "Đang tìm…";
    record(state, mode);
    let answer;
    try {
      const option = categoryOption(state.category);
      const categoryName = option ? (option.dataset.filter ?? option.text) : "";
      answer = await client.ask({ type: "search", state: { q: state.q, categoryName, from, to, sort: state.sort } });
    } catch (error) {
      if (mine !== generation) return;
      console.error("Tìm kiếm:", error);
      showUnavailable();
      return;
    }
    if (mine !== generation) return;
    current = { total: answer.total, shown: 0, emptyKeyword: !state.q };
    showResults(answer.items);
    if (focus) heading.focus();
  }

  // --- showing ---

  function clearError() {
    errorBox.replaceChildren();
    for (const f of [fields.from, fields.to]) f.removeAttribute("aria-invalid");
  }

  function showProblems(/** @type {{ field: HTMLElement; text: string }[]} */ problems, /** @type {boolean} */ focus) {
    section.hidden = true;
    status.textContent = "";
    for (const p of problems) {
      const line = document.createElement("p");
      line.textContent = p.text;
      errorBox.append(line);
      p.field.setAttribute("aria-invalid", "true");
    }
    if (focus) problems[0]?.field.focus();
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

  function showResults(/** @type {any[] | null} */ items) {
    list.replaceChildren();
    more.hidden = true;
    if (!items) {
      section.hidden = true;
      status.textContent = "";
      return;
    }
    section.hidden = false;
    if (!current.total) {
      const none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "Không tìm thấy bài viết nào phù hợp. Vui lòng thử từ khóa khác, bỏ bớt chuyên mục hoặc mở rộng khoảng ngày.";
      list.append(none);
      status.textContent = "Không tìm thấy bài viết nào.";
      return;
    }
    append(items);
  }

  function append(/** @type {any[]} */ items) {
    const rows = items.map(resultItem);
    list.append(...rows);
    current.shown += items.length;
    more.hidden = current.shown >= current.total;
    const order = current.emptyKeyword ? " (xếp từ mới đến cũ)" : "";
    const total = numbers.format(current.total);
    status.textContent =
      current.total > current.shown
        ? `Tìm thấy ${total} bài viết${order}; đang hiển thị ${numbers.format(current.shown)} bài đầu tiên.`
        : `Tìm thấy ${total} bài viết${order}.`;
    return rows[0] ?? null;
  }

  /** @param {{ url: string; title: string; date: string; dateIso: string; category: string; excerpt: { text: string; mark: boolean }[] }} view */
  function resultItem(view) {
    const item = document.createElement("li");
    item.className = "search-result";
    const title = document.createElement("h3");
    title.className = "search-result-title";
    const link = document.createElement("a");
    link.href = view.url;
    link.textContent = view.title;
    title.append(link);
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    if (view.date) {
      const time = document.createElement("time");
      if (view.dateIso) time.dateTime = view.dateIso;
      time.textContent = view.date;
      meta.append(time);
    }
    if (view.category) {
      const category = document.createElement("span");
      category.className = "search-result-category";
      category.textContent = view.category;
      meta.append(category);
    }
    // Text parts become text nodes and <mark>s, never HTML.
    const excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    for (const part of view.excerpt) {
      if (!part.mark) {
        excerpt.append(part.text);
        continue;
      }
      const mark = document.createElement("mark");
      mark.textContent = part.text;
      excerpt.append(mark);
    }
    item.append(title, meta, excerpt);
    return item;
  }

  // --- events ---

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void search(stateFromForm(), { history: "push", focus: true });
  });

  // Live search on whole words only: a space after a word triggers it, a partial word never does.
  fields.q.addEventListener("input", () => {
    if (!warmed) {
      warmed = true;
      client.ask({ type: "warm" }).catch(() => (warmed = false));
    }
    clearTimeout(typingTimer);
    const value = fields.q.value;
    if (!/\S\s$/.test(value)) return;
    typingTimer = window.setTimeout(() => {
      const state = stateFromForm();
      if (urlQuery(state) !== lastUrlQuery) void search(state, { history: "replace", focus: false });
    }, DEBOUNCE_MS);
  });

  for (const select of [fields.category, fields.sort]) {
    select.addEventListener("change", () => void search(stateFromForm(), { history: "push", focus: false }));
  }
  // A typed day is searched once the reader leaves the field, as typed days are complete only then.
  for (const day of [fields.from, fields.to]) {
    day.addEventListener("change", () => void search(stateFromForm(), { history: "push", focus: false }));
  }

  more.addEventListener("click", async () => {
    const mine = generation;
    let answer;
    try {
      answer = await client.ask({ type: "more", from: current.shown });
    } catch (error) {
      console.error("Tìm kiếm:", error);
      showUnavailable();
      return;
    }
    if (mine !== generation) return;
    append(answer.items)?.querySelector("a")?.focus();
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
